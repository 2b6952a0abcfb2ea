// The merchant's surveys from GET /v1/surveys, read tolerantly: a question type or a trigger
// this version does not know is skipped (the question, or the survey's trigger), never the list.
// Fetched once per page and language: a definition changed on the server shows on the next page.
import { LoyaltyError } from '../../errors.js';
import type { Sdk } from '../../sdk.js';

export const questionTypes = ['nps', 'rating', 'ces', 'thumbs', 'single', 'multiple', 'open'] as const;
export type QuestionType = (typeof questionTypes)[number];

export interface Choice {
  id: string;
  text: string;
}

export interface SurveyQuestion {
  id: string;
  type: QuestionType;
  text: string;
  /** rating: numbers, stars or faces. */
  display?: string;
  lowLabel?: string;
  highLabel?: string;
  choices?: Choice[];
  /** multiple: offers "Other" with a text field. */
  other?: boolean;
  /** open: the most characters accepted. */
  maxLength?: number;
  /** Asked only when the earlier answer is within min…max or among anyOf. */
  showIf?: { question: string; min?: number; max?: number; anyOf?: string[] };
}

export interface SurveyTrigger {
  /** purchase, url, page-views or event; another is kept and never fires. */
  on: string;
  pattern?: string;
  count?: number;
  name?: string;
  delayMs?: number;
}

export interface Survey {
  id: string;
  title?: string;
  trigger: SurveyTrigger;
  sampling: number;
  recontactDays: number;
  questions: SurveyQuestion[];
}

/** A scale's number, thumbs' up or down, a choice id, open text, or a multiple choice's ids and Other text. */
export type AnswerValue = number | string | { choices: string[]; other?: string };

/** The ends of each scale. */
export const scales: Partial<Record<QuestionType, [number, number]>> = { nps: [0, 10], rating: [1, 5], ces: [1, 7] };

const text = (value: unknown): value is string => typeof value === 'string' && value !== '';
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

function readQuestion(raw: unknown): SurveyQuestion | undefined {
  const q = record(raw);
  const type = q.type as QuestionType;
  if (!text(q.id) || !text(q.text) || !questionTypes.includes(type)) return undefined;
  const choices = Array.isArray(q.choices)
    ? q.choices.map(record).filter((c): c is { id: string; text: string } => text(c.id) && text(c.text))
    : [];
  if ((type === 'single' || type === 'multiple') && choices.length === 0) return undefined;
  const showIf = record(q.showIf);
  return {
    id: q.id,
    type,
    text: q.text,
    display: text(q.display) ? q.display : undefined,
    lowLabel: text(q.lowLabel) ? q.lowLabel : undefined,
    highLabel: text(q.highLabel) ? q.highLabel : undefined,
    choices: choices.map(({ id, text }) => ({ id, text })),
    other: q.other === true,
    maxLength: Math.max(1, num(q.maxLength) ?? 500),
    showIf: text(showIf.question)
      ? {
          question: showIf.question,
          min: num(showIf.min),
          max: num(showIf.max),
          anyOf: Array.isArray(showIf.anyOf) ? showIf.anyOf.filter(text) : undefined,
        }
      : undefined,
  };
}

/** The surveys of a GET /v1/surveys body; one without a question this version can ask is left out. */
export function readSurveys(body: unknown): Survey[] {
  const list = record(body).surveys;
  if (!Array.isArray(list)) throw new LoyaltyError('invalid-response', 'Invalid response: surveys should be an array');
  return list.flatMap((raw) => {
    const s = record(raw);
    const questions = (Array.isArray(s.questions) ? s.questions : []).flatMap((q) => readQuestion(q) ?? []);
    if (!text(s.id) || questions.length === 0) return [];
    const trigger = record(s.trigger);
    return [
      {
        id: s.id,
        title: text(s.title) ? s.title : undefined,
        trigger: { ...trigger, on: text(trigger.on) ? trigger.on : 'none' },
        sampling: Math.min(1, Math.max(0, num(s.sampling) ?? 1)),
        recontactDays: Math.max(0, num(s.recontactDays) ?? 90),
        questions,
      },
    ];
  });
}

const loaded = new WeakMap<Sdk, Map<string, Promise<Survey[]>>>();

/** The active surveys, fetched once per page and language (a failure is asked again next time). */
export function loadSurveys(sdk: Sdk): Promise<Survey[]> {
  const byLocale = loaded.get(sdk) ?? loaded.set(sdk, new Map()).get(sdk)!;
  const key = `${sdk.options?.apiBase}|${sdk.locale()}`;
  let surveys = byLocale.get(key);
  if (!surveys) {
    surveys = sdk
      .api()
      .get('v1/surveys', (body) => readSurveys(body))
      .then((reply) => ('data' in reply ? reply.data : []));
    byLocale.set(key, surveys);
    surveys.catch(() => byLocale.delete(key));
  }
  return surveys;
}

/** Whether the question is asked, given the answers so far. */
export function asked(question: SurveyQuestion, answers: Record<string, AnswerValue>): boolean {
  const condition = question.showIf;
  if (!condition) return true;
  const value = answers[condition.question];
  if (value === undefined) return false;
  if (typeof value === 'number') return value >= (condition.min ?? -Infinity) && value <= (condition.max ?? Infinity);
  const given = typeof value === 'string' ? [value] : value.choices;
  return condition.anyOf?.some((option) => given.includes(option)) ?? false;
}
