// A fresh SDK per test: the SDK is one per page by design, so tests drop it between cases.
import { configure, getSdk, type LoyaltyOptions } from '../../src/core/index.js';
import { setClock } from '../../src/core/clock.js';
import type { TestApi } from './api.js';

const slot = Symbol.for('loyalty-widgets');

/** Forgets the page's SDK instance; the next `getSdk()` makes a new one. */
export function resetSdk(): void {
  delete (globalThis as Record<symbol, unknown>)[slot];
  setClock(null);
}

/** Fast retries so failure tests finish quickly; still real HTTP. */
export const fastNetwork = { retries: 0, retryDelayMs: 10, timeoutMs: 4000 };

/** A new SDK configured for `api`, optionally as a signed-in customer. */
export function configureFor(
  api: TestApi,
  customer?: { customerId: string; token: string },
  extra: Partial<LoyaltyOptions> = {},
) {
  resetSdk();
  configure({ apiBase: api.apiBase, network: fastNetwork, ...customer, ...extra });
  return getSdk();
}
