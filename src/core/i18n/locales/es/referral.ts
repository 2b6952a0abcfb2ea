// Spanish strings of <referral-share>. The share message and email subject are the shopper
// speaking to a friend.
import type { referral as en } from '../../en/referral.js';
import type { Section } from '../../messages.js';

export const referral: Section<typeof en> = {
  'referral.title': 'Invita a tus amigos',
  'referral.friendGets': 'Tus amigos reciben {reward}',
  'referral.youGet': 'Tú recibes {reward}',
  'referral.link': 'Tu enlace de invitación',
  'referral.code': 'Tu código de invitación',
  'referral.copyLink': 'Copiar enlace',
  'referral.copyCode': 'Copiar código',
  'referral.linkCopied': 'Enlace copiado',
  'referral.codeCopied': 'Código copiado',
  'referral.share': 'Compartir…',
  'referral.shareVia': 'Comparte tu enlace',
  'referral.channel.email': 'Correo electrónico',
  'referral.channel.sms': 'SMS',
  'referral.channel.whatsapp': 'WhatsApp',
  'referral.channel.x': 'X',
  'referral.channel.facebook': 'Facebook',
  'referral.channel.linkedin': 'LinkedIn',
  'referral.newTab': '(se abre en una pestaña nueva)',
  'referral.message': 'Consigue {reward} con mi enlace: {url}',
  'referral.emailSubject': 'Un regalo para ti: {reward}',
  'referral.showQr': 'Mostrar código QR',
  'referral.hideQr': 'Ocultar código QR',
  'referral.qrLabel': 'Código QR de tu enlace de invitación',
  'referral.qrFailed': 'No se pudo mostrar el código QR. Puedes copiar el enlace.',
  'referral.invited': 'Amigos invitados',
  'referral.converted': 'Amigos que compraron',
  'referral.pointsEarned': 'Puntos ganados',
  'referral.self':
    'Este es tu propio enlace de invitación: compártelo con tus amigos, ya que no se aplica a tus propios pedidos.',
  'referral.guest': 'Únete a {program} y comparte tu propio enlace: tus amigos reciben {friend} y tú, {advocate}.',
  'referral.guestGeneric':
    'Únete a nuestro programa de recompensas para obtener un enlace de invitación y compartirlo con tus amigos.',
};
