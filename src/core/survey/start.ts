// Survey triggers start with configure(): a purchase tracked by the previous page resumes, and
// `document.dispatchEvent(new CustomEvent('loyalty-purchase', {detail: {orderId}}))` tracks one.
import { asLoyaltyError } from '../errors.js';
import { getSdk } from '../global.js';
import type { Sdk } from '../sdk.js';
import { resumeTrigger, trackPurchase, type Purchase } from './trigger.js';

/** A shopper signed in again (an SPA's identify()) gets back their own purchase's survey. */
const resume = () => void resumeTrigger(getSdk()).catch(() => undefined);

function onPurchase(event: Event): void {
  const sdk = getSdk();
  // A page's event must never throw into the page: a bad detail is reported as loyalty-error.
  trackPurchase(sdk, (event as CustomEvent<Purchase>).detail).catch((error: unknown) =>
    sdk.bus.emit('loyalty-error', { error: asLoyaltyError(error, 'config') }),
  );
}

export function startSurveyTriggers(sdk: Sdk): void {
  // Again on each configure(): resuming reschedules the same stored trigger (for this apiBase).
  void resumeTrigger(sdk).catch(() => undefined);
  // One listener function each, so adding them again changes nothing.
  sdk.on('identified', resume);
  if (typeof document !== 'undefined') document.addEventListener('loyalty-purchase', onPurchase);
}
