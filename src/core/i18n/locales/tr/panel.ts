// Turkish, polite "siz" as the rest of the catalog.
import type { panel as en } from '../../en/panel.js';
import type { Section } from '../../messages.js';

export const panel: Section<typeof en> = {
  'panel.back': 'Geri',
  'panel.section.home': 'Genel bakış',
  'panel.section.earn': 'Puan kazanma yolları',
  'panel.section.rewards': 'Ödüller',
  'panel.section.tiers': 'VIP seviyeleri',
  'panel.section.referral': 'Arkadaşını davet et',
  'panel.section.activity': 'Hareketler',
  'panel.card.earn': 'Daha fazla kazanmanın yolları',
  'panel.card.rewards': 'Puanlarınızı kullanın',
  'panel.card.tiers': 'Sizinle büyüyen ayrıcalıklar',
  'panel.card.referral': 'Hediye verin, hediye alın',
  'panel.card.activity': 'Puan geçmişiniz',
  'panel.shown': '{section} gösteriliyor',
  'panel.earn.fixed': '{points}',
  'panel.earn.perCurrency': 'Her {amount} için {points}',
  'panel.tiers.threshold': '{points} ile başlar',
  'panel.tiers.thresholdSpend': '{amount} harcamayla başlar',
  'panel.tiers.multiplier': '{multiplier} kat puan',
  'panel.tiers.yours': 'Seviyeniz',
  'panel.guest.welcome': '{program} programına katılın',
  'panel.guest.intro': 'Her alışverişte puan toplayın ve ödüllere dönüştürün.',
  'panel.birthday.label': 'Doğum gününüz',
  'panel.birthday.save': 'Doğum günümü kaydet',
  'panel.birthday.saved': 'Doğum günü kaydedildi',
  'panel.birthday.given': '{date} tarihinde kutlayacağız',
  'panel.birthday.error': 'Doğum gününüz kaydedilemedi. Lütfen tekrar deneyin.',
  'panel.birthday.conflict': 'Doğum gününüz zaten kayıtlı. Değiştirmek için bizimle iletişime geçin.',
};
