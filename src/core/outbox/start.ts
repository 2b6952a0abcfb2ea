// Delivery starts with configure() and runs again whenever it may now succeed: back online,
// the page shown or hidden again, the page leaving (requests are sent with keepalive), and the
// customer of a waiting answer identified again.
import { getSdk } from '../global.js';
import type { Sdk } from '../sdk.js';
import { outboxFor } from './outbox.js';

const started = new WeakSet<Sdk>();
let listening = false;

export function startDelivery(sdk: Sdk): void {
  void outboxFor(sdk).flush();
  if (!started.has(sdk)) {
    started.add(sdk);
    sdk.on('identified', () => void outboxFor(sdk).flush());
  }
  if (listening || typeof document === 'undefined') return;
  listening = true;
  // Once per page, for whichever SDK instance the page has now.
  const flush = () => void outboxFor(getSdk()).flush();
  addEventListener('online', flush);
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', flush);
}
