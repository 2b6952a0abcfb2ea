// German, formal "Sie" (the shop speaking to its customer).
import type { panel as en } from '../../en/panel.js';
import type { Section } from '../../messages.js';

export const panel: Section<typeof en> = {
  'panel.back': 'Zurück',
  'panel.section.home': 'Übersicht',
  'panel.section.earn': 'Punkte sammeln',
  'panel.section.rewards': 'Prämien',
  'panel.section.tiers': 'VIP-Stufen',
  'panel.section.referral': 'Freunde werben',
  'panel.section.activity': 'Verlauf',
  'panel.card.earn': 'So sammeln Sie mehr',
  'panel.card.rewards': 'Punkte einlösen',
  'panel.card.tiers': 'Vorteile, die mit Ihnen wachsen',
  'panel.card.referral': 'Schenken und beschenkt werden',
  'panel.card.activity': 'Ihr Punkteverlauf',
  'panel.shown': '{section} wird angezeigt',
  'panel.earn.fixed': '{points}',
  'panel.earn.perCurrency': '{points} pro {amount}',
  'panel.tiers.threshold': 'Ab {points}',
  'panel.tiers.thresholdSpend': 'Ab {amount} Umsatz',
  'panel.tiers.multiplier': '{multiplier}-fache Punkte',
  'panel.tiers.yours': 'Ihre Stufe',
  'panel.guest.welcome': 'Bei {program} mitmachen',
  'panel.guest.intro': 'Sammeln Sie bei jedem Einkauf Punkte und lösen Sie sie gegen Prämien ein.',
  'panel.birthday.label': 'Ihr Geburtstag',
  'panel.birthday.save': 'Geburtstag speichern',
  'panel.birthday.saved': 'Geburtstag gespeichert',
  'panel.birthday.given': 'Wir feiern am {date}',
  'panel.birthday.error': 'Ihr Geburtstag konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.',
  'panel.birthday.conflict': 'Ihr Geburtstag ist bereits hinterlegt. Kontaktieren Sie uns, um ihn zu ändern.',
};
