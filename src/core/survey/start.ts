// Survey triggers start with configure(): a purchase tracked by the previous page resumes, and
// `document.dispatchEvent(new CustomEvent('loyalty-purchase', {detail: {orderId}}))` tracks one.
import { getSdk } from '../global.js';
import type { Sdk } from '../sdk.js';
import { resumeTrigger, trackPurchase, type Purchase } from './trigger.js';

const started = new WeakSet<Sdk>();
let listening = false;

export function startSurveyTriggers(sdk: Sdk): void {
  if (!started.has(sdk)) {
    started.add(sdk);
    void resumeTrigger(sdk).catch(() => undefined);
  }
  if (listening || typeof document === 'undefined') return;
  listening = true;
  document.addEventListener('loyalty-purchase', (event) => {
    const current = getSdk();
    // A page's event must never throw into the page: a bad detail is reported as loyalty-error.
    trackPurchase(current, (event as CustomEvent<Purchase>).detail).catch((error: unknown) =>
      current.bus.emit('loyalty-error', { error }),
    );
  });
}
