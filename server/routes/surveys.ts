// GET /v1/surveys: the active surveys of the program file, in the shopper's language (public).
// Each carries what the SDK needs to open it (trigger, sampling, recontact) and its questions.
import type { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { conditionalJson } from '../http/etag.js';
import { localizer, type Localizer } from '../locale.js';
import type { Question, SurveyDefinition } from '../surveys.js';

export function surveysRoutes(app: Hono, deps: Deps): void {
  app.get('/v1/surveys', (c) => {
    const localized = localizer(deps.catalog.file, c.req.header('Accept-Language'));
    const surveys = (deps.catalog.file.surveys ?? [])
      .filter((survey) => survey.active !== false)
      .map((survey) => surveyView(survey, localized));
    return conditionalJson(c.req.raw, { surveys }, { cache: 'public', language: localized.language });
  });
}

function surveyView({ active: _active, ...survey }: SurveyDefinition, { t }: Localizer) {
  const key = `surveys.${survey.id}`;
  return {
    ...survey,
    ...(survey.title === undefined ? {} : { title: t(`${key}.title`, survey.title) }),
    questions: survey.questions.map((question) => questionView(question, `${key}.${question.id}`, t)),
  };
}

function questionView(question: Question, key: string, t: Localizer['t']): Question {
  const text = (field: 'lowLabel' | 'highLabel') =>
    question[field] === undefined ? {} : { [field]: t(`${key}.${field}`, question[field]) };
  return {
    ...question,
    text: t(`${key}.text`, question.text),
    ...text('lowLabel'),
    ...text('highLabel'),
    ...(question.choices && {
      choices: question.choices.map((choice) => ({ ...choice, text: t(`${key}.choices.${choice.id}`, choice.text) })),
    }),
  };
}
