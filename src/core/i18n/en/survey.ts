// Strings of <nps-survey>.
export const survey = {
  'survey.question': 'How likely are you to recommend {shop} to a friend or colleague?',
  'survey.questionGeneric': 'How likely are you to recommend us to a friend or colleague?',
  'survey.low': 'Not at all likely',
  'survey.high': 'Extremely likely',
  'survey.detractor': 'We’re sorry to hear that. What could we do better?',
  'survey.passive': 'Thank you! What would make it a 10 for you?',
  'survey.promoter': 'Wonderful! What do you like most about us?',
  'survey.send': 'Send',
  'survey.thanks': 'Thank you for your feedback!',
  'survey.chosen': 'You chose {score}.',
};
