// Who may be asked, and when: the eligibility rules as one pure function over the stored state.
import type { SurveyOptions } from '../config.js';

/** What is remembered per customer (or per browser for guests) between visits. */
export interface SurveyState {
  /** When the shopper last answered (ms). */
  answeredAt?: number;
  /** When the shopper closed the survey without answering, within the current window (ms). */
  dismissals: number[];
  /** The sampling decision: made once per recontact window (and again if the rate changes). */
  sample?: { in: boolean; rate: number; at: number };
  /** Orders the survey was shown for, newest last. */
  orders: string[];
}

export type NpsCategory = 'detractor' | 'passive' | 'promoter';

export const categoryOf = (score: number): NpsCategory =>
  score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';

export const surveyDefaults: Required<Omit<SurveyOptions, 'shopName' | 'programSurveys'>> = {
  delay: 5000,
  sampleRate: 1,
  recontactDays: 90,
  dismissCooldownDays: 14,
  maxDismissals: 3,
};

const day = 86_400_000;

/** True when the survey may show at `time`; records the sampling decision in `state`. */
export function eligible(state: SurveyState, options: SurveyOptions, time: number, orderId?: string): boolean {
  const { sampleRate, recontactDays, dismissCooldownDays, maxDismissals } = { ...surveyDefaults, ...options };
  const window = recontactDays * day;
  if (state.answeredAt !== undefined && time - state.answeredAt < window) return false;
  state.dismissals = state.dismissals.filter((at) => time - at < window);
  const last = state.dismissals.at(-1);
  if (state.dismissals.length >= maxDismissals || (last !== undefined && time - last < dismissCooldownDays * day))
    return false;
  if (orderId !== undefined && state.orders.includes(orderId)) return false;
  const { sample } = state;
  if (!sample || sample.rate !== sampleRate || time - sample.at >= window) {
    state.sample = { in: Math.random() < sampleRate, rate: sampleRate, at: time };
  }
  return state.sample!.in;
}
