// A response to one of the merchant's surveys while the shopper gives it: each answer goes into
// the outbox at once (the whole response so far, under one id, which the server merges question
// by question), and the progress is kept so a reload mid-survey resumes at the same question with
// the same response id, for an hour. Contact rules are kept per survey, like the NPS ones.
import { now } from '../../clock.js';
import type { Sdk } from '../../sdk.js';
import { outboxFor } from '../../outbox/outbox.js';
import type { AnswerValue, Survey } from './definitions.js';
import { eligible, type SurveyState } from '../rules.js';

export interface Progress {
  survey: Survey;
  /** The response's id: every send of it, and the resumed survey, reuse it. */
  id: string;
  answers: Record<string, AnswerValue>;
  /** The question shown. */
  question: string;
  customerId: string | null;
  orderId?: string;
  /** The latest answer's time; never earlier than the one before. */
  answeredAt?: string;
  updatedAt: number;
}

/** A survey left mid-way resumes on the next page within this time, else it is closed for good. */
export const resumeMs = 60 * 60_000;
const languageTag = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

const progressKey = (sdk: Sdk) => `feedback-progress|${sdk.options!.apiBase}|${sdk.customerId ?? ''}`;

/** The survey this shopper left mid-way within the hour, if any. */
export async function readProgress(sdk: Sdk): Promise<Progress | undefined> {
  const progress = await sdk.cache.get<Progress | null>(progressKey(sdk));
  return progress && now() - progress.updatedAt < resumeMs ? progress : undefined;
}

/** Keeps the progress (or forgets it with null: finished, dismissed). */
export async function saveProgress(sdk: Sdk, progress: Progress | null): Promise<void> {
  await sdk.cache.set(progressKey(sdk), progress && { ...progress, updatedAt: now() });
}

/** Stores the response so far in the outbox (sent at once, kept until delivered). */
export async function recordResponse(sdk: Sdk, progress: Progress, completed: boolean, locale: string): Promise<void> {
  await outboxFor(sdk).add(
    {
      id: progress.id,
      survey: progress.survey.id,
      answers: progress.answers,
      completed,
      answeredAt: progress.answeredAt ?? new Date(now()).toISOString(),
      orderId: progress.orderId?.slice(0, 128),
      page: (location.origin + location.pathname).slice(0, 2048),
      // An odd page language must not get the answer refused.
      locale: languageTag.test(locale) ? locale : undefined,
    },
    progress.customerId,
  );
  await updateFeedbackState(sdk, progress.survey.id, (state, time) => void (state.answeredAt = time));
}

/** Reads, changes and stores the shopper's contact state for one survey. */
export async function updateFeedbackState<T>(
  sdk: Sdk,
  surveyId: string,
  change: (state: SurveyState, time: number) => T,
): Promise<T> {
  const key = `feedback-state|${sdk.options!.apiBase}|${sdk.customerId ?? ''}|${surveyId}`;
  const state: SurveyState = { dismissals: [], orders: [], ...(await sdk.cache.get<SurveyState>(key)) };
  const result = change(state, now());
  await sdk.cache.set(key, state);
  return result;
}

/** Whether the survey may open now: its sampling and recontact days, the shop's dismissal cool-down. */
export function mayAsk(sdk: Sdk, survey: Survey, orderId?: string): Promise<boolean> {
  const options = { ...sdk.options?.survey, sampleRate: survey.sampling, recontactDays: survey.recontactDays };
  return updateFeedbackState(sdk, survey.id, (state, time) => eligible(state, options, time, orderId));
}

/** The shopper closed the survey without finishing it: the cool-down counts it when nothing was answered. */
export async function recordDismissal(sdk: Sdk, surveyId: string, answered: boolean): Promise<void> {
  await saveProgress(sdk, null);
  if (!answered) await updateFeedbackState(sdk, surveyId, (state, time) => void state.dismissals.push(time));
}
