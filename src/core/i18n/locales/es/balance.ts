// Spanish strings of <loyalty-balance> and <loyalty-activity>. {points} arrives with the program's
// own unit ("50 puntos", "1 estrella"), so the words around it avoid gender and number agreement
// where they can ("por confirmar", "Canje de …").
import type { activity } from '../../en/activity.js';
import type { balance as en } from '../../en/balance.js';
import type { Section } from '../../messages.js';

export const balance: Section<typeof en & typeof activity> = {
  'balance.label': 'Tus puntos',
  'balance.available': 'Saldo disponible',
  // CLDR gives Spanish `many` for round millions; the digits are shown, so it reads as `other`.
  'balance.pending': '{points} por confirmar',
  'balance.tier': 'Miembro {tier}',
  'balance.benefits': 'Ventajas del nivel {tier}',
  'balance.progressLabel': 'Progreso hacia el nivel {tier}, según los puntos ganados (canjear puntos no lo reduce)',
  'balance.progressLabelSpend': 'Progreso hacia el nivel {tier}, según tu gasto total',
  'balance.toNextPoints': '{points} para alcanzar el nivel {tier}',
  'balance.toNextSpend': 'Gasta {amount} más para alcanzar el nivel {tier}',
  'balance.toNext': 'Siguiente: {tier}',
  'balance.progressLabelOther': 'Progreso hacia {tier}',
  'balance.topTier': 'Estás en nuestro nivel más alto',
  // No count comes with {points}, so the verb could not agree with "1 punto": a label instead.
  'balance.expiresOn': { one: 'Vencimiento el {date}: {points}', other: 'Vencimiento el {date}: {points}' },
  'balance.expiresSoon': { one: 'Vencimiento {relative}: {points}', other: 'Vencimiento {relative}: {points}' },
  'balance.guest': 'Únete a {program} y gana puntos con cada pedido.',
  'balance.guestGeneric': 'Únete a nuestro programa de recompensas y gana puntos con cada pedido.',
  'balance.changed': 'Tu saldo ahora es de {points}',
  'activity.label': 'Historial de puntos',
  'activity.empty': 'Aún no hay movimientos. Aquí verás los puntos que ganes y canjees.',
  'activity.more': 'Ver más',
  'activity.loadingMore': 'Cargando más…',
  'activity.moreFailed': 'No pudimos cargar más movimientos.',
  'activity.type.earn': 'Acumulación',
  'activity.type.redeem': 'Canje',
  'activity.type.expire': 'Vencimiento',
  'activity.type.adjust': 'Ajuste',
  'activity.type.referral': 'Invitación',
  'activity.type.bonus': 'Bonificación',
  'activity.type.tier-change': 'Cambio de nivel',
  'activity.type.other': 'Otros',
  'activity.guest': 'Inicia sesión para ver tu historial de puntos.',
  'activity.error': 'No pudimos cargar tu historial de puntos.',
  'activity.plus': '+{points}',
  'activity.minus': '−{points}',
  'activity.earned': 'Acumulación de {points}',
  'activity.spent': 'Canje de {points}',
  'activity.expired': 'Vencimiento de {points}',
  'activity.loaded': {
    one: 'Se cargó {count} movimiento más',
    many: 'Se cargaron {count} movimientos más',
    other: 'Se cargaron {count} movimientos más',
  },
  'activity.new': {
    one: '{count} movimiento nuevo en tu historial de puntos',
    many: '{count} movimientos nuevos en tu historial de puntos',
    other: '{count} movimientos nuevos en tu historial de puntos',
  },
};
