// German strings of <feedback-survey>.
import type { feedback as en } from '../../en/feedback.js';
import type { Section } from '../../messages.js';

export const feedback: Section<typeof en> = {
  'feedback.next': 'Weiter',
  'feedback.send': 'Senden',
  'feedback.thanks': 'Vielen Dank für Ihr Feedback!',
  'feedback.step': 'Frage {current} von {total}',
  'feedback.stars': { one: '{count} Stern', other: '{count} Sterne' },
  'feedback.face1': 'Sehr unzufrieden',
  'feedback.face2': 'Unzufrieden',
  'feedback.face3': 'Neutral',
  'feedback.face4': 'Zufrieden',
  'feedback.face5': 'Sehr zufrieden',
  'feedback.up': 'Ja',
  'feedback.down': 'Nein',
  'feedback.other': 'Sonstiges',
  'feedback.otherText': 'Sonstiges, bitte angeben',
  'feedback.remaining': { one: 'Noch {count} Zeichen', other: 'Noch {count} Zeichen' },
  'feedback.limit': 'Höchstens {count} Zeichen.',
  'feedback.chosen': 'Sie haben {value} gewählt.',
};
