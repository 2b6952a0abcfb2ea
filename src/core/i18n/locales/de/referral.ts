// German strings of <referral-share>. The share message and email subject are the shopper
// speaking to a friend, so they say "du"; everything else is the shop's "Sie".
import type { referral as en } from '../../en/referral.js';
import type { Section } from '../../messages.js';

export const referral: Section<typeof en> = {
  'referral.title': 'Freunde einladen',
  'referral.friendGets': 'Ihre Freunde erhalten {reward}',
  'referral.youGet': 'Sie erhalten {reward}',
  'referral.link': 'Ihr Empfehlungslink',
  'referral.code': 'Ihr Empfehlungscode',
  'referral.copyLink': 'Link kopieren',
  'referral.copyCode': 'Code kopieren',
  'referral.linkCopied': 'Link kopiert',
  'referral.codeCopied': 'Code kopiert',
  'referral.share': 'Teilen…',
  'referral.shareVia': 'Ihren Link teilen',
  'referral.channel.email': 'E-Mail',
  'referral.channel.sms': 'SMS',
  'referral.channel.whatsapp': 'WhatsApp',
  'referral.channel.x': 'X',
  'referral.channel.facebook': 'Facebook',
  'referral.channel.linkedin': 'LinkedIn',
  'referral.newTab': '(öffnet sich in einem neuen Tab)',
  'referral.message': 'Hol dir {reward} mit meinem Link: {url}',
  'referral.emailSubject': 'Ein Geschenk für dich: {reward}',
  'referral.showQr': 'QR-Code anzeigen',
  'referral.hideQr': 'QR-Code ausblenden',
  'referral.qrLabel': 'QR-Code Ihres Empfehlungslinks',
  'referral.qrFailed': 'Der QR-Code konnte nicht angezeigt werden. Kopieren Sie stattdessen den Link.',
  'referral.invited': 'Eingeladene Freunde',
  'referral.converted': 'Freunde mit Bestellung',
  'referral.pointsEarned': 'Gesammelte Punkte',
  'referral.self':
    'Das ist Ihr eigener Empfehlungslink: Teilen Sie ihn mit Freunden – für Ihre eigenen Bestellungen gilt er nicht.',
  'referral.guest':
    'Werden Sie Mitglied bei {program} und teilen Sie Ihren eigenen Link: Ihre Freunde erhalten {friend}, Sie erhalten {advocate}.',
  'referral.guestGeneric':
    'Werden Sie Mitglied in unserem Prämienprogramm und erhalten Sie einen Empfehlungslink für Ihre Freunde.',
};
