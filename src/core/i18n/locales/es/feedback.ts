// Spanish strings of <feedback-survey>.
import type { feedback as en } from '../../en/feedback.js';
import type { Section } from '../../messages.js';

export const feedback: Section<typeof en> = {
  'feedback.next': 'Siguiente',
  'feedback.send': 'Enviar',
  'feedback.thanks': '¡Gracias por tu opinión!',
  'feedback.step': 'Pregunta {current} de {total}',
  'feedback.stars': { one: '{count} estrella', other: '{count} estrellas' },
  'feedback.face1': 'Muy insatisfecho',
  'feedback.face2': 'Insatisfecho',
  'feedback.face3': 'Neutral',
  'feedback.face4': 'Satisfecho',
  'feedback.face5': 'Muy satisfecho',
  'feedback.up': 'Sí',
  'feedback.down': 'No',
  'feedback.other': 'Otro',
  'feedback.otherText': 'Otro: cuéntanos cuál',
  'feedback.remaining': { one: 'Queda {count} carácter', other: 'Quedan {count} caracteres' },
  'feedback.limit': 'Como máximo {count} caracteres.',
  'feedback.chosen': 'Has elegido {value}.',
};
