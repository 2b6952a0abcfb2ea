// Delivery starts with configure() and runs again whenever it may now succeed: back online,
// the page shown or hidden again, the page leaving (requests are sent with keepalive), and the
// customer of a waiting answer identified again. The outbox's code loads only once it holds an
// answer: a page that never had one (most pages) downloads none of it.
import { getSdk } from '../global.js';
import { lazy } from '../lazy.js';
import type { Sdk } from '../sdk.js';

const outboxCode = lazy('feedback delivery', () => import('./outbox.js'));

/** Sends what waits; loads the outbox's code first when answers wait for this API (a failed load is retried on the next event). */
async function deliver(sdk: Sdk): Promise<void> {
  const loaded = outboxCode.loaded;
  // Loaded: flush in this task (on pagehide there is no later one).
  if (loaded) return loaded.outboxFor(sdk).flush();
  if (!sdk.options) return;
  // Its key prefix (Outbox's #key): answers to other APIs wait for their own page.
  const waiting = await sdk.store('loyalty-widgets-outbox').prefixed(`${sdk.options.apiBase}|`);
  if (waiting.length) await (await outboxCode()).outboxFor(sdk).flush();
}

/** For whichever SDK instance the page has now. */
const flush = () => void deliver(getSdk()).catch(() => undefined);

export function startDelivery(sdk: Sdk): void {
  void deliver(sdk).catch(() => undefined);
  // One function for every listener, so adding them again (each configure()) changes nothing.
  sdk.on('identified', flush);
  if (typeof document === 'undefined') return;
  addEventListener('online', flush);
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', flush);
}
