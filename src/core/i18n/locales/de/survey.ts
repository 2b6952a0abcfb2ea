// German strings of <nps-survey>, in the usual German wording of the NPS question and scale.
import type { survey as en } from '../../en/survey.js';
import type { Section } from '../../messages.js';

export const survey: Section<typeof en> = {
  'survey.question': 'Wie wahrscheinlich ist es, dass Sie {shop} einem Freund oder Kollegen empfehlen?',
  'survey.questionGeneric': 'Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?',
  'survey.low': 'Äußerst unwahrscheinlich',
  'survey.high': 'Äußerst wahrscheinlich',
  'survey.detractor': 'Das tut uns leid. Was könnten wir besser machen?',
  'survey.passive': 'Vielen Dank! Was müssten wir tun, damit Sie uns eine 10 geben?',
  'survey.promoter': 'Wunderbar! Was gefällt Ihnen an uns am besten?',
  'survey.send': 'Senden',
  'survey.thanks': 'Vielen Dank für Ihr Feedback!',
  'survey.chosen': 'Sie haben {score} gewählt.',
};
