// Incoming referral codes: read from the landing URL when configure() runs, kept per API for
// the attribution window, and handed to checkout by getReferralCode().
import type { KeyValueStore } from '../cache/cache.js';
import { now } from '../clock.js';
import type { Sdk } from '../sdk.js';
import { codeFrom } from './param.js';

export { codeFrom };

/** What is stored for one API: the code and when the shopper arrived with it. */
export interface CapturedReferral {
  code: string;
  capturedAt: number;
}

/** Detail of the SDK event `referral-captured` (`on('referral-captured', …)`). */
export interface ReferralCapturedDetail {
  code: string;
  /** The signed-in shopper opened their own link: the code was not kept. */
  self: boolean;
}

interface State {
  store: KeyValueStore;
  /** The apiBase the page's URL was last captured for (configure() may run many times). */
  capturedFor?: string;
  /** The code this page was opened with, for the own-link notice. */
  landing?: string;
  /** The write in flight, so getReferralCode() on the landing page sees it. */
  writing?: Promise<unknown>;
}
const states = new WeakMap<Sdk, State>();

// Its own database, following the SDK's consent: memory only until the shopper allows storage
// (setConsent() then writes what memory held). Its operations fall back to memory, never throw.
function state(sdk: Sdk): State {
  let found = states.get(sdk);
  if (!found) states.set(sdk, (found = { store: sdk.store('loyalty-widgets-referral') }));
  return found;
}

const keyFor = (sdk: Sdk) => sdk.options && `${sdk.options.apiBase}|code`;

/** Resolves with the signed-in shopper's own code once `me` has loaded (null for guests or on failure). */
function ownCode(sdk: Sdk): Promise<string | null | undefined> {
  return new Promise((resolve) => {
    if (!sdk.customerId) return resolve(null);
    let done = false;
    const off = sdk.resource('me').subscribe((snapshot) => {
      if (done || snapshot.status === 'loading') return;
      done = true;
      resolve(snapshot.data?.referral?.code);
      // The first snapshot arrives inside subscribe(), before `off` exists.
      queueMicrotask(() => off());
    });
  });
}

/**
 * Captures the referral code in `url` (the current page by default): stores it for the
 * attribution window (a newer link replaces an older one) and emits `referral-captured`.
 * A signed-in shopper's own code is not kept, and an earlier friend's code stays.
 * SPAs call it after client-side navigation; configure() calls it for the landing page.
 */
export async function captureReferral(sdk: Sdk, url = globalThis.location?.href): Promise<string | null> {
  const key = keyFor(sdk);
  const code = url && key ? codeFrom(url, sdk.options?.referral?.param) : null;
  if (!code || !key) return null;
  const current = state(sdk);
  const { store } = current;
  current.landing = code;
  const entry: CapturedReferral = { code, capturedAt: now() };
  const previous = store.get<CapturedReferral>(key);
  // Set before any await, so a getReferralCode() right after configure() waits for it.
  await (current.writing = previous.then(() => store.set(key, entry)));
  const self = (await ownCode(sdk)) === code;
  if (self) {
    const before = await previous;
    await (before && before.code !== code ? store.set(key, before) : store.deletePrefix(key));
  }
  sdk.bus.emit('referral-captured', { code, self } satisfies ReferralCapturedDetail);
  return self ? null : code;
}

/** The feature starter: captures the page's URL once per SDK and API. */
export function captureOnConfigure(sdk: Sdk): void {
  const location = globalThis.location;
  const apiBase = sdk.options?.apiBase;
  if (!location || !apiBase) return;
  const current = state(sdk);
  if (current.capturedFor === apiBase) return;
  current.capturedFor = apiBase;
  const { param = 'ref', stripParam } = sdk.options?.referral ?? {};
  if (!codeFrom(location.href, param)) return;
  void captureReferral(sdk, location.href);
  if (stripParam) {
    const url = new URL(location.href);
    url.searchParams.delete(param);
    globalThis.history?.replaceState(globalThis.history.state, '', url);
  }
}

/** The code this page was opened with (set synchronously by the capture), for the own-link notice. */
export const landingCode = (sdk: Sdk): string | undefined => states.get(sdk)?.landing;

/**
 * The referral code to send with an order: captured within the attribution window and not the
 * signed-in shopper's own (as far as their profile is already loaded). Null otherwise.
 */
export async function getReferralCode(sdk: Sdk): Promise<string | null> {
  const key = keyFor(sdk);
  if (!key) return null;
  const { store, writing } = state(sdk);
  await writing;
  const entry = await store.get<CapturedReferral>(key);
  if (typeof entry?.code !== 'string' || typeof entry.capturedAt !== 'number') return null;
  if (now() - entry.capturedAt > (sdk.options?.referral?.attributionDays ?? 30) * 86_400_000) {
    await store.deletePrefix(key);
    return null;
  }
  const own = sdk.customerId && sdk.resource('me').snapshot.data?.referral?.code;
  return entry.code === own ? null : entry.code;
}

/** Forgets the captured code (e.g. once an order used it). */
export async function clearReferralCode(sdk: Sdk): Promise<void> {
  const key = keyFor(sdk);
  if (key) await state(sdk).store.deletePrefix(key);
}
