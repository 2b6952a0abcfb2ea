// The survey state, stored per customer (per browser for guests) beside the SDK's cache, under
// its own prefix so logout() (which wipes the customer's cached data) keeps the contact rules.
import { now } from '../clock.js';
import type { Sdk } from '../sdk.js';
import type { SurveyState } from './rules.js';

/** Reads, changes and stores the current customer's state; resolves with what `change` returns. */
export async function updateState<T>(sdk: Sdk, change: (state: SurveyState, time: number) => T): Promise<T> {
  const key = `nps-state|${sdk.options!.apiBase}|${sdk.customerId ?? ''}`;
  const state: SurveyState = { dismissals: [], orders: [], ...(await sdk.cache.get<SurveyState>(key)) };
  const result = change(state, now());
  await sdk.cache.set(key, state);
  return result;
}
