// The script-tag entry: `<script type="module" src=".../loyalty-widgets.js" data-api-base=…>`.
// Exposes `window.LoyaltyWidgets`, replays calls queued by the README's stub before it loaded,
// configures from the tag's data-* attributes and loads elements as they appear.
import { discover } from './autoloader.js';
import type * as PublicApi from './core/public-api.js';
import {
  captureReferral,
  clearReferralCode,
  close,
  configure,
  getReferralCode,
  identify,
  logout,
  off,
  on,
  open,
  setConsent,
  showSurvey,
  track,
  trackPurchase,
  version,
} from './core/public-api.js';
import { configureFromScript, warnIfUnconfigured } from './script-config.js';
import { getSdk } from './core/global.js';
import { LoyaltyError, isLoyaltyError } from './core/errors.js';

type Call = [name: string, args: unknown[]];
const global = globalThis as unknown as { LoyaltyWidgets?: { q?: Call[] } & Record<string, unknown> };
const queue = global.LoyaltyWidgets?.q ?? [];
// Listed rather than spread from a namespace import, which bundles a namespace-object helper; the
// type turns a function missing here into a compile error.
const api: typeof PublicApi = {
  captureReferral,
  clearReferralCode,
  close,
  configure,
  getReferralCode,
  identify,
  logout,
  off,
  on,
  open,
  setConsent,
  showSurvey,
  track,
  trackPurchase,
  version,
};
// Also what a page needs to use the SDK on its own and check errors (`instanceof`); element and
// event classes load with their element, so they are not here (customElements.get(tag) has them).
// `discover(root)` loads elements inside a shadow root the autoloader cannot see (a closed one).
global.LoyaltyWidgets = { ...api, discover, getSdk, LoyaltyError, isLoyaltyError };

function replay(calls: Call[]): void {
  for (const [name, args] of calls) {
    const fn = (api as Record<string, unknown>)[name];
    try {
      if (typeof fn === 'function')
        void Promise.resolve((fn as (...a: unknown[]) => unknown)(...args)).catch(report(name));
    } catch (error) {
      report(name)(error);
    }
  }
}
const report = (name: string) => (error: unknown) => console.error(`[loyalty-widgets] queued ${name}() failed`, error);

// Listeners first, so they hear whatever configuration sets off; the rest after configuration.
const listeners = (call: Call) => call[0] === 'on' || call[0] === 'off';
replay(queue.filter(listeners));
void configureFromScript(import.meta.url).finally(() => {
  replay(queue.filter((call) => !listeners(call)));
  warnIfUnconfigured();
});
// Loads what is in the page now and whatever is added later, until every element is defined.
discover();

export * from './core/public-api.js';
export { discover };
