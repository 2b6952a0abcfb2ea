// Surveys the merchant defines in the program file (`surveys`): their questions, when the SDK
// may open them (trigger, sampling, recontact) and the check that runs at startup. The same
// definitions check every answer posted to /v1/feedback (domain/survey-answers.ts).
import { Fields, InvalidField } from './validate.js';

export const QUESTION_TYPES = ['nps', 'rating', 'ces', 'thumbs', 'single', 'multiple', 'open'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const RATING_DISPLAYS = ['numbers', 'stars', 'faces'] as const;
export const TRIGGERS = ['purchase', 'url', 'page-views', 'event'] as const;

/** Show the question only when an earlier answer is in `min`…`max` or one of `anyOf`. */
export interface Condition {
  question: string;
  min?: number;
  max?: number;
  anyOf?: string[];
}

export interface Choice {
  id: string;
  text: string;
}

export interface Question {
  id: string;
  type: QuestionType;
  text: string;
  /** rating: how the 1–5 scale looks (numbers when absent). */
  display?: (typeof RATING_DISPLAYS)[number];
  /** Words at the ends of a scale ("Not likely", "Very likely"). */
  lowLabel?: string;
  highLabel?: string;
  /** single, multiple. */
  choices?: Choice[];
  /** multiple: an "Other" choice with its own text. */
  other?: boolean;
  /** open: at most this many characters (default 500). */
  maxLength?: number;
  showIf?: Condition;
}

export interface Trigger {
  on: (typeof TRIGGERS)[number];
  /** url: a path pattern, `*` standing for any characters (`/orders/*`). */
  pattern?: string;
  /** page-views: opens at this page view. */
  count?: number;
  /** event: the name given to track(). */
  name?: string;
  /** Wait this long after the trigger (ms; default 0). */
  delayMs?: number;
}

export interface SurveyDefinition {
  id: string;
  /** Listed by GET /v1/surveys only when true (default). */
  active?: boolean;
  title?: string;
  trigger: Trigger;
  /** The share of shoppers asked, 0–1. */
  sampling: number;
  /** Not asked again within this many days of answering. */
  recontactDays: number;
  questions: Question[];
}

/** The ends of each scale type's values. */
export const SCALES: Partial<Record<QuestionType, { min: number; max: number }>> = {
  nps: { min: 0, max: 10 },
  rating: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

export const OPEN_MAX = 2000;
const ID = { pattern: /^[A-Za-z0-9_-]{1,64}$/, patternName: 'letters, digits, _ or - (at most 64)' };

/** Checks the program file's `surveys`; `nps` is taken by <nps-survey>'s own answers. */
export function readSurveys(root: Fields): SurveyDefinition[] {
  const surveys = root.objects('surveys').map(readSurvey);
  const seen = new Set<string>(['nps']);
  for (const [index, { id }] of surveys.entries()) {
    if (seen.has(id))
      throw new InvalidField(`surveys[${index}].id`, `surveys[${index}].id ${id} is used twice or reserved`);
    seen.add(id);
  }
  return surveys;
}

function readSurvey(s: Fields): SurveyDefinition {
  s.only('id', 'active', 'title', 'trigger', 'sampling', 'recontactDays', 'questions');
  const t = s.object('trigger').only('on', 'pattern', 'count', 'name', 'delayMs');
  const on = t.oneOf('on', TRIGGERS);
  const trigger: Trigger = { on, ...opt('delayMs', t.optInteger('delayMs', { min: 0, max: 600_000 })) };
  if (on === 'url') trigger.pattern = t.string('pattern', { max: 512 });
  if (on === 'page-views') trigger.count = t.integer('count', { min: 1, max: 1000 });
  if (on === 'event')
    trigger.name = t.string('name', {
      max: 64,
      pattern: /^[a-z0-9][a-z0-9._-]*$/,
      patternName: 'lowercase letters, digits, ., _ or -',
    });
  const questions = s.objects('questions').map(readQuestion);
  if (questions.length === 0) throw new InvalidField(s.name('questions'), `${s.name('questions')} must not be empty`);
  questions.forEach((question, index) =>
    checkQuestion(question, questions.slice(0, index), s.name(`questions[${index}]`)),
  );
  return {
    id: s.string('id', ID),
    ...opt('active', s.optBoolean('active')),
    ...opt('title', s.optString('title')),
    trigger,
    sampling: s.number('sampling', { min: 0, max: 1 }),
    recontactDays: s.integer('recontactDays', { min: 0 }),
    questions,
  };
}

function readQuestion(q: Fields): Question {
  q.only('id', 'type', 'text', 'display', 'lowLabel', 'highLabel', 'choices', 'other', 'maxLength', 'showIf');
  const type = q.oneOf('type', QUESTION_TYPES);
  const question: Question = { id: q.string('id', ID), type, text: q.string('text') };
  const condition = q.optObject('showIf')?.only('question', 'min', 'max', 'anyOf');
  if (condition) {
    question.showIf = {
      question: condition.string('question'),
      ...opt('min', condition.optInteger('min')),
      ...opt('max', condition.optInteger('max')),
      ...opt('anyOf', condition.has('anyOf') ? condition.strings('anyOf') : undefined),
    };
  }
  if (SCALES[type]) {
    Object.assign(question, opt('lowLabel', q.optString('lowLabel')), opt('highLabel', q.optString('highLabel')));
    if (type === 'rating') question.display = q.optOneOf('display', RATING_DISPLAYS) ?? 'numbers';
  }
  if (type === 'single' || type === 'multiple') {
    question.choices = q.objects('choices').map((c) => {
      c.only('id', 'text');
      return { id: c.string('id', ID), text: c.string('text') };
    });
    const ids = question.choices.map((choice) => choice.id);
    if (ids.length === 0 || new Set(ids).size !== ids.length || ids.includes('other'))
      throw new InvalidField(q.name('choices'), `${q.name('choices')} needs distinct ids other than "other"`);
    if (type === 'multiple') question.other = q.optBoolean('other') ?? false;
  }
  if (type === 'open') question.maxLength = q.optInteger('maxLength', { min: 1, max: OPEN_MAX }) ?? 500;
  return question;
}

function checkQuestion({ id, showIf }: Question, earlier: Question[], field: string): void {
  if (earlier.some((question) => question.id === id))
    throw new InvalidField(`${field}.id`, `${field}.id ${id} is used twice`);
  if (!showIf) return;
  if (!earlier.some((question) => question.id === showIf.question))
    throw new InvalidField(
      `${field}.showIf`,
      `${field}.showIf.question must name an earlier question, not ${showIf.question}`,
    );
}

/** Whether `condition` holds for the answers given so far. */
export function conditionHolds(condition: Condition, answers: Record<string, unknown>): boolean {
  const value = answers[condition.question];
  if (value === undefined) return false;
  if (typeof value === 'number') return value >= (condition.min ?? -Infinity) && value <= (condition.max ?? Infinity);
  const given = typeof value === 'string' ? [value] : ((value as { choices?: string[] }).choices ?? []);
  return condition.anyOf?.some((option) => given.includes(option)) ?? false;
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
