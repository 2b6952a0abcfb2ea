// Turkish strings of <nps-survey>, in the usual Turkish wording of the NPS question and scale.
// {shop} takes no suffix: the accusative goes on "markasını" after it.
import type { survey as en } from '../../en/survey.js';
import type { Section } from '../../messages.js';

export const survey: Section<typeof en> = {
  'survey.question': '{shop} markasını bir arkadaşınıza veya iş arkadaşınıza tavsiye etme olasılığınız nedir?',
  'survey.questionGeneric': 'Bizi bir arkadaşınıza veya iş arkadaşınıza tavsiye etme olasılığınız nedir?',
  'survey.low': 'Hiç olası değil',
  'survey.high': 'Son derece olası',
  'survey.detractor': 'Bunu duyduğumuza üzüldük. Neyi daha iyi yapabiliriz?',
  'survey.passive': 'Teşekkürler! Bize 10 vermeniz için ne yapmamız gerekir?',
  'survey.promoter': 'Harika! Bizde en çok neyi beğeniyorsunuz?',
  'survey.send': 'Gönder',
  'survey.thanks': 'Geri bildiriminiz için teşekkür ederiz!',
  'survey.chosen': 'Seçiminiz: {score}.',
};
