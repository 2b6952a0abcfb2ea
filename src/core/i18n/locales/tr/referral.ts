// Turkish strings of <referral-share>. The share message and email subject are the shopper
// speaking to a friend, so they say "sen"; everything else is the shop's "siz".
import type { referral as en } from '../../en/referral.js';
import type { Section } from '../../messages.js';

export const referral: Section<typeof en> = {
  'referral.title': 'Arkadaşlarınızı davet edin',
  'referral.friendGets': 'Arkadaşlarınız {reward} kazanır',
  'referral.youGet': 'Siz {reward} kazanırsınız',
  'referral.link': 'Davet bağlantınız',
  'referral.code': 'Davet kodunuz',
  'referral.copyLink': 'Bağlantıyı kopyala',
  'referral.copyCode': 'Kodu kopyala',
  'referral.linkCopied': 'Bağlantı kopyalandı',
  'referral.codeCopied': 'Kod kopyalandı',
  'referral.share': 'Paylaş…',
  'referral.shareVia': 'Bağlantınızı paylaşın',
  'referral.channel.email': 'E-posta',
  'referral.channel.sms': 'SMS',
  'referral.channel.whatsapp': 'WhatsApp',
  'referral.channel.x': 'X',
  'referral.channel.facebook': 'Facebook',
  'referral.channel.linkedin': 'LinkedIn',
  'referral.newTab': '(yeni sekmede açılır)',
  'referral.message': 'Bağlantımla {reward} kazan: {url}',
  'referral.emailSubject': 'Sana bir hediye: {reward}',
  'referral.showQr': 'QR kodunu göster',
  'referral.hideQr': 'QR kodunu gizle',
  'referral.qrLabel': 'Davet bağlantınızın QR kodu',
  'referral.qrFailed': 'QR kodu gösterilemedi. Bunun yerine bağlantıyı kopyalayın.',
  'referral.invited': 'Davet edilen arkadaşlar',
  'referral.converted': 'Sipariş veren arkadaşlar',
  'referral.pointsEarned': 'Kazanılan puanlar',
  'referral.self': 'Bu sizin davet bağlantınız: Arkadaşlarınızla paylaşın; kendi siparişlerinizde geçerli değildir.',
  'referral.guest':
    '{program} üyesi olun ve kendi bağlantınızı paylaşın: Arkadaşlarınız {friend}, siz {advocate} kazanırsınız.',
  'referral.guestGeneric':
    'Arkadaşlarınızla paylaşabileceğiniz bir davet bağlantısı almak için ödül programımıza katılın.',
};
