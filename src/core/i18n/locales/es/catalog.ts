// Spanish strings of <reward-catalog>. {points} arrives with the program's own unit ("500 puntos"),
// {amount} is formatted money or a percentage, {reward} and {tier} are the merchant's names.
import type { catalog as en } from '../../en/catalog.js';
import type { redeem } from '../../en/redeem.js';
import type { Section } from '../../messages.js';

export const catalog: Section<typeof en & typeof redeem> = {
  'catalog.label': 'Recompensas',
  'catalog.empty': 'No hay recompensas para mostrar.',
  'catalog.more': {
    one: 'Ver {count} recompensa más',
    many: 'Ver {count} recompensas más',
    other: 'Ver {count} recompensas más',
  },
  'catalog.showing': 'Se muestran {count} de {total} recompensas',
  // The aria-label of the group of filter chips: "Show" alone says nothing there.
  'catalog.filter': 'Filtrar por tipo',
  'catalog.all': 'Todas',
  'catalog.sort': 'Ordenar por',
  'catalog.sort.affordable-first': 'Canjeables primero',
  'catalog.sort.cost-asc': 'Puntos: de menor a mayor',
  'catalog.sort.cost-desc': 'Puntos: de mayor a menor',
  'catalog.kind.discount': 'Descuentos',
  'catalog.kind.free-product': 'Productos gratis',
  'catalog.kind.free-shipping': 'Envío gratis',
  // "Saldo" is the points balance elsewhere, so store credit is "crédito".
  'catalog.kind.store-credit': 'Crédito en tienda',
  'catalog.kind.donation': 'Donaciones',
  // Not "socios": in a loyalty program that reads as "members".
  'catalog.kind.partner': 'Recompensas de marcas asociadas',
  'catalog.kind.experience': 'Experiencias',
  'catalog.kind.other': 'Otras recompensas',
  'catalog.reward': 'Recompensa',
  // Noun phrases: they also follow "1500 puntos = " for a reward with a chosen number of points.
  'catalog.value.discount': '{amount} de descuento',
  'catalog.value.store-credit': '{amount} de crédito en tienda',
  'catalog.value.donation': 'Donación de {amount} a una causa benéfica',
  'catalog.value.other': 'Valor de {amount}',
  'catalog.value.free-shipping': 'Envío gratis',
  'catalog.value.partner': 'Recompensa de una marca asociada',
  // A plain string with {count}: "Te faltan" would have to agree with it, "Necesitas" does not.
  'catalog.needMore': 'Necesitas {count} {label} más',
  'catalog.tierLocked': 'Disponible desde el nivel {tier}',
  'catalog.comingSoon': 'Los miembros tendrán acceso anticipado el {date}',
  'catalog.outOfStock': 'Agotado',
  'catalog.limitReached': 'Ya canjeaste esta recompensa',
  'catalog.unavailable': 'No disponible por ahora',
  'catalog.variable': 'Puntos que quieres usar',
  'catalog.variableValue': '{points} = {value}',
  'catalog.redeem': 'Canjear',
  'catalog.redeemReward': 'Canjear {reward}',
  'catalog.guest': 'Únete a {program} para canjear estas recompensas con tus puntos.',
  'catalog.guestGeneric': 'Únete a nuestro programa de recompensas para canjear tus puntos por estas recompensas.',
  'catalog.joinToRedeem': 'Únete para canjear',
  'catalog.confirm': '¿Canjear {reward} por {points}?',
  'catalog.balanceAfter': 'Tu saldo después del canje: {points}',
  'catalog.cancel': 'Cancelar',
  'catalog.redeeming': 'Canjeando…',
  'catalog.done': 'Aquí tienes tu recompensa',
  'catalog.code': 'Tu código',
  'catalog.codeFor': 'Código de {reward}',
  'catalog.expires': 'Válido hasta el {date}',
  // Status of a code ("el código"): masculine.
  'catalog.expired': 'Vencido',
  'catalog.used': 'Usado',
  'catalog.mine': 'Mis recompensas',
  'catalog.mineEmpty': 'Aquí aparecerán los códigos de las recompensas que canjees.',
  'catalog.mineError': 'No pudimos cargar tus códigos en este momento.',
  'catalog.unfinished': 'El canje de {reward} no se completó.',
  'catalog.finish': 'Completar el canje',
  'catalog.dismiss': 'Descartar',
  'catalog.error.insufficient-points': 'Ya no tienes suficientes puntos para esta recompensa.',
  'catalog.error.reward-unavailable': 'Esta recompensa ya no está disponible.',
  'catalog.error.tier-locked': 'Esta recompensa requiere un nivel más alto.',
  'catalog.error.refused': 'No pudimos canjear esta recompensa. No se descontaron puntos.',
  'catalog.error.codeMissing':
    'Tu recompensa se canjeó, pero su código no llegó. Aparecerá en Mis recompensas: vuelve a mirar en un momento.',
  'catalog.error.retry':
    'No pudimos confirmar tu canje. Vuelve a intentarlo: tus puntos nunca se descuentan dos veces.',
};
