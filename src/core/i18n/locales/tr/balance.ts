// Turkish strings of <loyalty-balance> and <loyalty-activity>. No suffix is ever attached to a
// placeholder ({tier}, {program} and the program's unit are merchant words whose vowel harmony
// is unknown): suffixes go on a following noun instead ("{tier} seviyesine").
import type { activity } from '../../en/activity.js';
import type { balance as en } from '../../en/balance.js';
import type { Section } from '../../messages.js';

export const balance: Section<typeof en & typeof activity> = {
  'balance.label': 'Puanlarınız',
  'balance.available': 'Kullanılabilir bakiye',
  // A noun after a number stays singular in Turkish: "1 puan", "50 puan".
  'balance.pending': '{points} onay bekliyor',
  'balance.tier': '{tier} üye',
  'balance.benefits': '{tier} üyelik avantajları',
  'balance.progressLabel':
    '{tier} seviyesine ilerleme, kazanılan puanlara göre hesaplanır (puan harcamak ilerlemeyi düşürmez)',
  'balance.progressLabelSpend': '{tier} seviyesine ilerleme, toplam harcamanıza göre hesaplanır',
  'balance.toNextPoints': '{tier} seviyesine {points} kaldı',
  'balance.toNextSpend': '{tier} seviyesine ulaşmak için {amount} daha harcayın',
  'balance.toNext': 'Sıradaki: {tier}',
  'balance.progressLabelOther': '{tier} seviyesine ilerleme',
  'balance.topTier': 'En üst seviyemizdesiniz',
  'balance.expiresOn': { one: '{points} {date} tarihinde sona erecek', other: '{points} {date} tarihinde sona erecek' },
  'balance.expiresSoon': { one: '{points} {relative} sona erecek', other: '{points} {relative} sona erecek' },
  'balance.guest': '{program} üyesi olun, her siparişinizde puan kazanın.',
  'balance.guestGeneric': 'Ödül programımıza katılın, her siparişinizde puan kazanın.',
  'balance.changed': 'Yeni bakiyeniz: {points}',
  'activity.label': 'Puan hareketleri',
  'activity.empty': 'Henüz hareket yok. Kazandığınız ve harcadığınız puanlar burada görünecek.',
  'activity.more': 'Daha fazla göster',
  'activity.loadingMore': 'Daha fazlası yükleniyor…',
  'activity.moreFailed': 'Daha fazla hareket yüklenemedi.',
  'activity.type.earn': 'Kazanıldı',
  'activity.type.redeem': 'Harcandı',
  'activity.type.expire': 'Süresi doldu',
  'activity.type.adjust': 'Düzeltme',
  'activity.type.referral': 'Arkadaş daveti',
  'activity.type.bonus': 'Bonus',
  'activity.type.tier-change': 'Seviye değişikliği',
  'activity.type.other': 'Diğer',
  'activity.guest': 'Puan geçmişinizi görmek için giriş yapın.',
  'activity.error': 'Puan hareketleriniz yüklenemedi.',
  'activity.plus': '+{points}',
  'activity.minus': '−{points}',
  'activity.earned': '{points} kazanıldı',
  'activity.spent': '{points} harcandı',
  'activity.expired': '{points} sona erdi',
  'activity.loaded': { one: '{count} kayıt daha yüklendi', other: '{count} kayıt daha yüklendi' },
  'activity.new': {
    one: 'Puan hareketlerinizde {count} yeni kayıt',
    other: 'Puan hareketlerinizde {count} yeni kayıt',
  },
};
