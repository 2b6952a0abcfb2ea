// Spanish, informal "tú" as the rest of the catalog.
import type { panel as en } from '../../en/panel.js';
import type { Section } from '../../messages.js';

export const panel: Section<typeof en> = {
  'panel.back': 'Atrás',
  'panel.section.home': 'Resumen',
  'panel.section.earn': 'Formas de ganar',
  'panel.section.rewards': 'Recompensas',
  'panel.section.tiers': 'Niveles VIP',
  'panel.section.referral': 'Invita a un amigo',
  'panel.section.activity': 'Actividad',
  'panel.card.earn': 'Descubre cómo sumar más',
  'panel.card.rewards': 'Canjea tus puntos',
  'panel.card.tiers': 'Ventajas que crecen contigo',
  'panel.card.referral': 'Regala y recibe un regalo',
  'panel.card.activity': 'Tu historial de puntos',
  'panel.shown': 'Se muestra {section}',
  'panel.earn.fixed': '{points}',
  'panel.earn.perCurrency': '{points} por cada {amount}',
  'panel.tiers.threshold': 'Desde {points}',
  'panel.tiers.thresholdSpend': 'Desde {amount} de compras',
  'panel.tiers.multiplier': 'Puntos ×{multiplier}',
  'panel.tiers.yours': 'Tu nivel',
  'panel.guest.welcome': 'Únete a {program}',
  'panel.guest.intro': 'Suma puntos con cada compra y cámbialos por recompensas.',
  'panel.birthday.label': 'Tu cumpleaños',
  'panel.birthday.save': 'Guardar mi cumpleaños',
  'panel.birthday.saved': 'Cumpleaños guardado',
  'panel.birthday.given': 'Lo celebraremos el {date}',
  'panel.birthday.error': 'No pudimos guardar tu cumpleaños. Inténtalo de nuevo.',
  'panel.birthday.conflict': 'Ya tenemos tu cumpleaños. Escríbenos para cambiarlo.',
};
