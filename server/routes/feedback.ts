// POST /v1/feedback: an NPS answer, from a customer or a guest checkout. The client's UUID names
// the answer; posting it again merges (fields sent overwrite, fields left out stay), so a late
// score-only retry never erases a comment and one answer is always one record.
import type { Hono } from 'hono';
import { optionalCustomer } from '../auth.js';
import { withStorage, type Deps } from '../deps.js';
import { assertOwner, EDIT_KEY, guestKeyOf } from '../domain/feedback-owner.js';
import { isSurveyAnswer, readSurveyAnswer, saveSurveyAnswer } from '../domain/survey-answers.js';
import { keyedJson } from '../http/keyed.js';
import { invalid } from '../problem.js';
import type { FeedbackRecord } from '../storage.js';
import { Fields } from '../validate.js';

const UUID = { pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, patternName: 'a UUID' };
const LOCALE = { max: 35, pattern: /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, patternName: 'a BCP 47 language tag' };

type Answer = Partial<Pick<FeedbackRecord, 'score' | 'comment' | 'orderId' | 'page' | 'locale'>> &
  Pick<FeedbackRecord, 'id' | 'survey' | 'answeredAt'> & { editKey?: string };

export const category = (score: number): 'promoter' | 'passive' | 'detractor' =>
  score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';

export function feedbackRoutes(app: Hono, deps: Deps): void {
  app.post('/v1/feedback', async (c) => {
    const customer = await optionalCustomer(c.req.raw, deps);
    const customerId = customer?.id ?? null;
    return keyedJson(c.req.raw, deps, customerId ?? 'guest', (body) => {
      // A survey of the program file: checked against its definition (domain/survey-answers.ts).
      if (isSurveyAnswer(body)) {
        const response = readSurveyAnswer(body, deps.catalog.file.surveys ?? []);
        return (storage) =>
          storage.transaction(`feedback:${response.id}`, (tx) =>
            saveSurveyAnswer(withStorage(deps, tx), customerId, response),
          );
      }
      const answer = readAnswer(Fields.of(body));
      return (storage) =>
        storage.transaction(`feedback:${answer.id}`, (tx) => save(withStorage(deps, tx), customerId, answer));
    });
  });
}

function readAnswer(fields: Fields): Answer {
  fields.only('id', 'survey', 'score', 'comment', 'orderId', 'page', 'locale', 'answeredAt', 'editKey');
  const answer: Answer = {
    id: fields.string('id', UUID).toLowerCase(),
    survey: fields.oneOf('survey', ['nps'] as const),
    answeredAt: fields.dateTime('answeredAt'),
  };
  const score = fields.optInteger('score', { min: 0, max: 10 });
  const comment = fields.optString('comment', { min: 0, max: 2000 });
  const orderId = fields.optString('orderId', { max: 128 });
  const page = fields.optString('page', { max: 2048 });
  const locale = fields.optString('locale', LOCALE);
  const editKey = fields.optString('editKey', EDIT_KEY);
  if (editKey !== undefined) answer.editKey = editKey;
  if (score !== undefined) answer.score = score;
  if (comment !== undefined) answer.comment = comment;
  if (orderId !== undefined) answer.orderId = orderId;
  if (page !== undefined) answer.page = page;
  if (locale !== undefined) answer.locale = locale;
  return answer;
}

async function save(deps: Deps, customerId: string | null, { editKey, ...answer }: Answer) {
  const existing = await deps.storage.getFeedback(answer.id);
  const now = deps.clock.now().toISOString();
  const guestKey = await guestKeyOf(customerId, editKey);
  assertOwner(existing, customerId, guestKey);
  // A send older than the stored answer (a retry the network held back past a changed score)
  // only fills in what the answer lacks; it never takes back a newer score.
  const stale = existing !== undefined && Date.parse(answer.answeredAt) < Date.parse(existing.answeredAt);
  const merged = stale ? { ...answer, ...existing } : { ...existing, ...answer };
  const score = merged.score;
  if (score === undefined) throw invalid('score', 'score is required for a new answer');
  const record: FeedbackRecord = {
    ...merged,
    score,
    // A guest answer stays a guest's: a customer who knows its id cannot adopt it.
    customerId,
    ...(guestKey ? { guestKey } : {}),
    receivedAt: existing?.receivedAt ?? now,
    updatedAt: now,
  };
  await deps.storage.putFeedback(record);
  return { status: existing ? 200 : 201, body: { id: record.id, category: category(score) } };
}
