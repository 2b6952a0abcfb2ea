// Spanish strings of <nps-survey>, in the usual Spanish wording of the NPS question and scale.
import type { survey as en } from '../../en/survey.js';
import type { Section } from '../../messages.js';

export const survey: Section<typeof en> = {
  // A shop is not a person: no "a" before {shop}.
  'survey.question': '¿Qué probabilidad hay de que recomiendes {shop} a un amigo o colega?',
  'survey.questionGeneric': '¿Qué probabilidad hay de que nos recomiendes a un amigo o colega?',
  'survey.low': 'Nada probable',
  'survey.high': 'Extremadamente probable',
  'survey.detractor': 'Lamentamos saberlo. ¿Qué podríamos hacer mejor?',
  'survey.passive': '¡Gracias! ¿Qué haría falta para que nos dieras un 10?',
  'survey.promoter': '¡Genial! ¿Qué es lo que más te gusta de nosotros?',
  'survey.send': 'Enviar',
  'survey.thanks': '¡Gracias por tu opinión!',
  // "Elegiste" and "Has elegido" split Latin America and Spain; a label suits both.
  'survey.chosen': 'Tu puntuación: {score}.',
};
