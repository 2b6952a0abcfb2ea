// An answer to a survey of the program file, posted to /v1/feedback question by question: each
// value is checked against the survey's definition before anything is stored (an unknown survey
// or question, a wrong type, a value out of range: 400), then merged into the response with the
// same client id, so a resend or a later question never erases an earlier one.
import type { Deps } from '../deps.js';
import { assertOwner, EDIT_KEY, guestKeyOf } from './feedback-owner.js';
import { ApiError, invalid } from '../problem.js';
import type { FeedbackRecord, SurveyAnswerValue } from '../storage.js';
import { OPEN_MAX, SCALES, type Question, type SurveyDefinition } from '../surveys.js';
import { Fields, InvalidField } from '../validate.js';

const UUID = { pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, patternName: 'a UUID' };
const LOCALE = { max: 35, pattern: /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, patternName: 'a BCP 47 language tag' };

export interface SurveyAnswer {
  id: string;
  survey: string;
  answers: Record<string, SurveyAnswerValue>;
  completed?: boolean;
  orderId?: string;
  page?: string;
  locale?: string;
  answeredAt: string;
  /** A guest's secret for this response (see feedback-owner.ts). */
  editKey?: string;
}

/** Whether the body answers a survey of the program file rather than <nps-survey>'s own. */
export const isSurveyAnswer = (body: unknown): boolean =>
  typeof body === 'object' &&
  body !== null &&
  'survey' in body &&
  typeof body.survey === 'string' &&
  body.survey !== 'nps';

/** The answer, checked against the survey it names; throws InvalidField (400) otherwise. */
export function readSurveyAnswer(body: unknown, surveys: readonly SurveyDefinition[]): SurveyAnswer {
  // The survey first: an unknown one is the answer's fault, whatever else it carries.
  const fields = Fields.of(body);
  const surveyId = fields.string('survey', { max: 64 });
  const survey = surveys.find((candidate) => candidate.id === surveyId);
  if (!survey) throw new InvalidField('survey', `survey ${surveyId} is not a survey of this program`);
  fields.only('id', 'survey', 'answers', 'completed', 'orderId', 'page', 'locale', 'answeredAt', 'editKey');
  const id = fields.string('id', UUID).toLowerCase();
  const given = fields.object('answers');
  const answers: Record<string, SurveyAnswerValue> = {};
  for (const key of given.keys()) {
    const question = survey.questions.find((candidate) => candidate.id === key);
    if (!question)
      throw new InvalidField(given.name(key), `${given.name(key)} is not a question of survey ${survey.id}`);
    answers[key] = readValue(given, question);
  }
  const answer: SurveyAnswer = { id, survey: survey.id, answers, answeredAt: fields.dateTime('answeredAt') };
  const completed = fields.optBoolean('completed');
  const orderId = fields.optString('orderId', { max: 128 });
  const page = fields.optString('page', { max: 2048 });
  const locale = fields.optString('locale', LOCALE);
  const editKey = fields.optString('editKey', EDIT_KEY);
  if (editKey !== undefined) answer.editKey = editKey;
  if (completed !== undefined) answer.completed = completed;
  if (orderId !== undefined) answer.orderId = orderId;
  if (page !== undefined) answer.page = page;
  if (locale !== undefined) answer.locale = locale;
  return answer;
}

function readValue(fields: Fields, question: Question): SurveyAnswerValue {
  const key = question.id;
  const field = fields.name(key);
  const scale = SCALES[question.type];
  if (scale) return fields.integer(key, scale);
  switch (question.type) {
    case 'thumbs':
      return fields.oneOf(key, ['up', 'down'] as const);
    case 'single':
      return fields.oneOf(
        key,
        question.choices!.map((choice) => choice.id),
      );
    case 'open':
      return fields.string(key, { min: 0, max: question.maxLength ?? OPEN_MAX });
    default: {
      const picked = fields.object(key).only('choices', 'other');
      const allowed = [...question.choices!.map((choice) => choice.id), ...(question.other ? ['other'] : [])];
      const choices = picked.strings('choices');
      const wrong = choices.find((choice) => !allowed.includes(choice));
      if (wrong !== undefined || new Set(choices).size !== choices.length)
        throw new InvalidField(`${field}.choices`, `${field}.choices must be distinct ids among ${allowed.join(', ')}`);
      const other = question.other ? picked.optString('other', { min: 0, max: 500 }) : undefined;
      if (picked.has('other') && other === undefined)
        throw new InvalidField(`${field}.other`, `${field}.other is only for a question with an "Other" choice`);
      return other === undefined ? { choices } : { choices, other };
    }
  }
}

/** Stores the answer merged into its response; the reply names the response and whether it is complete. */
export async function saveSurveyAnswer(deps: Deps, customerId: string | null, { editKey, ...answer }: SurveyAnswer) {
  const existing = await deps.storage.getFeedback(answer.id);
  const guestKey = await guestKeyOf(customerId, editKey);
  assertOwner(existing, customerId, guestKey);
  if (existing && existing.survey !== answer.survey)
    throw new ApiError(409, 'feedback-conflict', 'An answer with this id was given to another survey');
  if (!existing && Object.keys(answer.answers).length === 0)
    throw invalid('answers', 'answers must hold at least one answer for a new response');
  const now = deps.clock.now().toISOString();
  // A send older than the stored response (a retry held back) only fills in what it lacks.
  const stale = existing !== undefined && Date.parse(answer.answeredAt) < Date.parse(existing.answeredAt);
  const before = existing?.answers ?? {};
  const record: FeedbackRecord = {
    ...(stale ? { ...answer, ...existing } : { ...existing, ...answer }),
    answers: stale ? { ...answer.answers, ...before } : { ...before, ...answer.answers },
    // Once complete, always complete: a late partial resend does not reopen it.
    completed: Boolean(existing?.completed) || Boolean(answer.completed),
    // A guest's response stays a guest's: a customer who knows its id cannot adopt it.
    customerId,
    ...(guestKey ? { guestKey } : {}),
    receivedAt: existing?.receivedAt ?? now,
    updatedAt: now,
  };
  await deps.storage.putFeedback(record);
  return {
    status: existing ? 200 : 201,
    body: { id: record.id, survey: record.survey, completed: record.completed },
  };
}
