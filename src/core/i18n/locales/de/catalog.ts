// German strings of <reward-catalog>. {points} arrives with the program's own unit ("500 Punkte"),
// {amount} is formatted money or a percentage, {reward} and {tier} are the merchant's names.
import type { catalog as en } from '../../en/catalog.js';
import type { redeem } from '../../en/redeem.js';
import type { Section } from '../../messages.js';

export const catalog: Section<typeof en & typeof redeem> = {
  'catalog.label': 'Prämien',
  'catalog.empty': 'Keine Prämien vorhanden.',
  'catalog.more': { one: '{count} weitere Prämie anzeigen', other: '{count} weitere Prämien anzeigen' },
  'catalog.showing': '{count} von {total} Prämien werden angezeigt',
  // The aria-label of the group of filter chips: "Anzeigen" alone says nothing there.
  'catalog.filter': 'Nach Art filtern',
  'catalog.all': 'Alle',
  'catalog.sort': 'Sortieren nach',
  'catalog.sort.affordable-first': 'Einlösbare zuerst',
  'catalog.sort.cost-asc': 'Punkte: aufsteigend',
  'catalog.sort.cost-desc': 'Punkte: absteigend',
  'catalog.kind.discount': 'Rabatte',
  'catalog.kind.free-product': 'Gratisprodukte',
  'catalog.kind.free-shipping': 'Kostenloser Versand',
  // "Guthaben" alone is the points balance elsewhere.
  'catalog.kind.store-credit': 'Einkaufsguthaben',
  'catalog.kind.donation': 'Spenden',
  'catalog.kind.partner': 'Partnerprämien',
  'catalog.kind.experience': 'Erlebnisse',
  'catalog.kind.other': 'Weitere Prämien',
  'catalog.reward': 'Prämie',
  // Noun phrases: they also follow "1.500 Punkte = " for a reward with a chosen number of points.
  'catalog.value.discount': '{amount} Rabatt',
  'catalog.value.store-credit': '{amount} Einkaufsguthaben',
  'catalog.value.donation': 'Spende von {amount} für einen guten Zweck',
  'catalog.value.other': 'Im Wert von {amount}',
  'catalog.value.free-shipping': 'Kostenloser Versand',
  'catalog.value.partner': 'Partnerprämie',
  // A plain string with {count}: "Ihnen fehlen" would have to agree with it, "Sie benötigen" does not.
  'catalog.needMore': 'Sie benötigen noch {count} {label}',
  'catalog.tierLocked': 'Verfügbar ab Status {tier}',
  'catalog.comingSoon': 'Mitglieder erhalten am {date} frühzeitig Zugang',
  'catalog.outOfStock': 'Ausverkauft',
  'catalog.limitReached': 'Sie haben diese Prämie bereits eingelöst',
  'catalog.unavailable': 'Derzeit nicht verfügbar',
  'catalog.variable': 'Einzulösende Punkte',
  'catalog.variableValue': '{points} = {value}',
  'catalog.redeem': 'Einlösen',
  // The button's accessible name; it still contains the visible "Einlösen".
  'catalog.redeemReward': '{reward} einlösen',
  'catalog.guest': 'Werden Sie Mitglied bei {program}, um Ihre Punkte gegen diese Prämien einzulösen.',
  'catalog.guestGeneric':
    'Werden Sie Mitglied in unserem Prämienprogramm, um Ihre Punkte gegen diese Prämien einzulösen.',
  'catalog.joinToRedeem': 'Zum Einlösen Mitglied werden',
  'catalog.confirm': '{reward} für {points} einlösen?',
  'catalog.balanceAfter': 'Ihr Guthaben danach: {points}',
  'catalog.cancel': 'Abbrechen',
  'catalog.redeeming': 'Wird eingelöst…',
  'catalog.done': 'Hier ist Ihre Prämie',
  'catalog.code': 'Ihr Code',
  'catalog.codeFor': 'Code für {reward}',
  'catalog.expires': 'Gültig bis {date}',
  'catalog.expired': 'Abgelaufen',
  'catalog.used': 'Verwendet',
  'catalog.mine': 'Meine Prämien',
  'catalog.mineEmpty': 'Hier erscheinen die Codes Ihrer eingelösten Prämien.',
  'catalog.mineError': 'Ihre Codes konnten gerade nicht geladen werden.',
  'catalog.unfinished': 'Die Einlösung von {reward} wurde nicht abgeschlossen.',
  'catalog.finish': 'Einlösung abschließen',
  'catalog.dismiss': 'Verwerfen',
  'catalog.error.insufficient-points': 'Sie haben nicht mehr genug Punkte für diese Prämie.',
  'catalog.error.reward-unavailable': 'Diese Prämie ist nicht mehr verfügbar.',
  'catalog.error.tier-locked': 'Für diese Prämie benötigen Sie einen höheren Status.',
  'catalog.error.refused': 'Diese Prämie konnte nicht eingelöst werden. Es wurden keine Punkte abgezogen.',
  'catalog.error.codeMissing':
    'Ihre Prämie wurde eingelöst, aber der Code ist nicht angekommen. Er erscheint unter „Meine Prämien“: Schauen Sie gleich noch einmal nach.',
  'catalog.error.retry':
    'Ihre Einlösung konnte nicht bestätigt werden. Versuchen Sie es erneut – Ihre Punkte werden nie doppelt abgezogen.',
};
