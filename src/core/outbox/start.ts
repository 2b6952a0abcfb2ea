// Delivery starts with configure() and runs again whenever it may now succeed: back online,
// the page shown or hidden again, the page leaving (requests are sent with keepalive), and the
// customer of a waiting answer identified again.
import { getSdk } from '../global.js';
import type { Sdk } from '../sdk.js';
import { outboxFor } from './outbox.js';

/** For whichever SDK instance the page has now. */
const flush = () => void outboxFor(getSdk()).flush();

export function startDelivery(sdk: Sdk): void {
  void outboxFor(sdk).flush();
  // One function for every listener, so adding them again (each configure()) changes nothing.
  sdk.on('identified', flush);
  if (typeof document === 'undefined') return;
  addEventListener('online', flush);
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', flush);
}
