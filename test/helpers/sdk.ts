// A fresh SDK per test: the SDK is one per page by design, so tests drop it between cases.
import { configure, getSdk, type LoyaltyOptions } from '../../src/core/index.js';
import { setClock } from '../../src/core/clock.js';
// The API code (ky, the response checks) loads on a page's first call; on an element page the
// script tag fetches it beside the element's code. Tests import elements directly, so it is
// imported here up front, as that page would have it, not inside the first test's waits.
import '../../src/core/api/http.js';
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
