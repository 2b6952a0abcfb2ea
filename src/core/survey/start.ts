// Survey triggers start with configure() without loading the survey's code: it loads when a
// purchase is tracked (`trackPurchase()` or `document.dispatchEvent(new CustomEvent(
// 'loyalty-purchase', {detail: {orderId}}))`), when the previous page left a trigger to resume,
// or when a survey is asked for (`showSurvey()`).
import { asLoyaltyError } from '../errors.js';
import { getSdk } from '../global.js';
import { lazy } from '../lazy.js';
import type { Sdk } from '../sdk.js';
import type { Purchase } from './trigger.js';

export const surveyTrigger = lazy('survey', () => import('./trigger.js'));
export const surveyShow = lazy('survey', () => import('./show.js'));

/** Where trigger.ts stores a shopper's pending trigger (its `keyFor`); read here to load it only when there is one. */
const pendingKey = (sdk: Sdk) => `nps-pending|${sdk.options!.apiBase}|${sdk.customerId ?? ''}|`;

/** The signed-in shopper's stored trigger (from the previous page, or before an identify()) resumes. */
async function resume(): Promise<void> {
  const sdk = getSdk();
  if (!sdk.options || !(await sdk.cache.get(pendingKey(sdk)).catch(() => undefined))) return;
  const trigger = await surveyTrigger();
  await trigger.resumeTrigger(sdk);
}
const resumeQuietly = () => void resume().catch(() => undefined);

function onPurchase(event: Event): void {
  const sdk = getSdk();
  // A page's event must never throw into the page: a bad detail is reported as loyalty-error
  // (a failed load of the code has been reported already).
  void surveyTrigger().then(
    (trigger) =>
      trigger
        .trackPurchase(sdk, (event as CustomEvent<Purchase>).detail)
        .catch((error: unknown) => sdk.bus.emit('loyalty-error', { error: asLoyaltyError(error, 'config') })),
    () => undefined,
  );
}

export function startSurveyTriggers(sdk: Sdk): void {
  // Again on each configure(): resuming reschedules the same stored trigger (for this apiBase).
  resumeQuietly();
  // One listener function each, so adding them again changes nothing.
  sdk.on('identified', resumeQuietly);
  if (typeof document !== 'undefined') document.addEventListener('loyalty-purchase', onPurchase);
}
