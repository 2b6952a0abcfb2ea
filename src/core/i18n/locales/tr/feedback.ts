// Turkish strings of <feedback-survey>.
import type { feedback as en } from '../../en/feedback.js';
import type { Section } from '../../messages.js';

export const feedback: Section<typeof en> = {
  'feedback.next': 'İleri',
  'feedback.send': 'Gönder',
  'feedback.thanks': 'Geri bildiriminiz için teşekkürler!',
  'feedback.step': 'Soru {current} / {total}',
  'feedback.stars': { one: '{count} yıldız', other: '{count} yıldız' },
  'feedback.face1': 'Hiç memnun değilim',
  'feedback.face2': 'Memnun değilim',
  'feedback.face3': 'Kararsızım',
  'feedback.face4': 'Memnunum',
  'feedback.face5': 'Çok memnunum',
  'feedback.up': 'Evet',
  'feedback.down': 'Hayır',
  'feedback.other': 'Diğer',
  'feedback.otherText': 'Diğer, lütfen belirtin',
  'feedback.remaining': { one: '{count} karakter kaldı', other: '{count} karakter kaldı' },
  'feedback.limit': 'En fazla {count} karakter.',
  'feedback.chosen': '{value} seçtiniz.',
};
