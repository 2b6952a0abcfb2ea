// German strings of <loyalty-balance> and <loyalty-activity>. {points} arrives with the program's
// own unit ("50 Punkte", "1 Stern"), so the words around it are invariant where they can be.
import type { activity } from '../../en/activity.js';
import type { balance as en } from '../../en/balance.js';
import type { Section } from '../../messages.js';

export const balance: Section<typeof en & typeof activity> = {
  'balance.label': 'Ihre Punkte',
  'balance.available': 'Zum Einlösen verfügbar',
  'balance.pending': '{points} ausstehend',
  'balance.tier': '{tier}-Mitglied',
  'balance.benefits': 'Ihre Vorteile als {tier}-Mitglied',
  'balance.progressLabel': 'Fortschritt bis {tier}, nach gesammelten Punkten (Einlösen verringert ihn nicht)',
  'balance.progressLabelSpend': 'Fortschritt bis {tier}, nach Ihrem gesamten Einkaufswert',
  'balance.toNextPoints': 'Noch {points} bis {tier}',
  'balance.toNextSpend': 'Noch {amount} Einkaufswert bis {tier}',
  'balance.toNext': 'Als Nächstes: {tier}',
  'balance.progressLabelOther': 'Fortschritt bis {tier}',
  'balance.topTier': 'Sie haben unseren höchsten Status erreicht',
  // No count comes with {points}, so the verb could not agree with "1 Punkt": a label instead.
  'balance.expiresOn': { one: 'Verfall am {date}: {points}', other: 'Verfall am {date}: {points}' },
  'balance.expiresSoon': { one: 'Verfall {relative}: {points}', other: 'Verfall {relative}: {points}' },
  'balance.guest': 'Werden Sie Mitglied bei {program} und sammeln Sie bei jeder Bestellung Punkte.',
  'balance.guestGeneric': 'Werden Sie Mitglied in unserem Prämienprogramm und sammeln Sie bei jeder Bestellung Punkte.',
  'balance.changed': 'Ihr Guthaben beträgt jetzt {points}',
  'activity.label': 'Punkteverlauf',
  'activity.empty': 'Noch keine Aktivitäten. Hier sehen Sie künftig, welche Punkte Sie sammeln und einlösen.',
  'activity.more': 'Mehr anzeigen',
  'activity.loadingMore': 'Weitere werden geladen…',
  'activity.moreFailed': 'Weitere Einträge konnten nicht geladen werden.',
  'activity.type.earn': 'Gesammelt',
  'activity.type.redeem': 'Eingelöst',
  'activity.type.expire': 'Verfallen',
  'activity.type.adjust': 'Korrektur',
  'activity.type.referral': 'Empfehlung',
  'activity.type.bonus': 'Bonus',
  'activity.type.tier-change': 'Statuswechsel',
  'activity.type.other': 'Sonstiges',
  'activity.guest': 'Melden Sie sich an, um Ihren Punkteverlauf zu sehen.',
  'activity.error': 'Ihr Punkteverlauf konnte nicht geladen werden.',
  'activity.plus': '+{points}',
  'activity.minus': '−{points}',
  'activity.earned': '{points} gesammelt',
  'activity.spent': '{points} eingelöst',
  'activity.expired': '{points} verfallen',
  'activity.loaded': { one: '{count} weiterer Eintrag geladen', other: '{count} weitere Einträge geladen' },
  'activity.new': {
    one: '{count} neuer Eintrag in Ihrem Punkteverlauf',
    other: '{count} neue Einträge in Ihrem Punkteverlauf',
  },
};
