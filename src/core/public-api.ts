// The functions merchants call: exported from the npm entry and, as one object, on
// `window.LoyaltyWidgets` in the script-tag build.
import type { LoyaltyOptions, TokenProvider } from './config.js';
import type { SdkEventName, SdkHandler } from './events.js';
import { features } from './features.js';
import { getSdk } from './global.js';
import { isPanelSection, requestPanel, type PanelSection } from './panel.js';
import { capturing, referralCode } from './referral/start.js';
import { surveyShow, surveyTrigger } from './survey/start.js';
import type { ShowOptions } from './survey/show.js';
import type { Purchase } from './survey/trigger.js';
import { feedbackAfterPurchase, trackEvent } from './survey/feedback-start.js';
import { version } from './version.js';

/** Sets up the SDK; call again to change settings (elements re-render). */
export const configure = (options: LoyaltyOptions): void => {
  const sdk = getSdk();
  sdk.configure(options);
  for (const start of features) start(sdk);
};

/** Switches to another signed-in shopper in place (SPA login). */
export const identify = (
  customerId: string,
  auth: { token?: string | null; tokenProvider?: TokenProvider },
): Promise<void> => getSdk().identify(customerId, auth);

/** Back to guest; removes the shopper's cached data, keeps their undelivered feedback. */
export const logout = (): Promise<void> => getSdk().logout();

/** With `persist: false`, nothing is stored in IndexedDB until this is called with true. */
export const setConsent = (granted: boolean): Promise<void> => getSdk().setConsent(granted);

/**
 * Listens to the SDK's events (`loyalty-error`, `reward-redeemed`, `nps-answered`…, see
 * `SdkEventMap`); the handler gets the event's detail. Returns an unsubscribe.
 */
export const on = <K extends SdkEventName>(name: K, handler: SdkHandler<K>): (() => void) => getSdk().on(name, handler);

export const off = <K extends SdkEventName>(name: K, handler: SdkHandler<K>): void => getSdk().off(name, handler);

/**
 * The referral code the shopper arrived with (`?ref=CODE`), within the attribution window and
 * not their own, for checkout to send with the order; null when there is none.
 */
export const getReferralCode = (): Promise<string | null> =>
  capturing(getSdk()).then((capture) => capture.getReferralCode(getSdk()));

/** Forgets the captured referral code (e.g. after the order that used it). */
export const clearReferralCode = (): Promise<void> =>
  referralCode().then((capture) => capture.clearReferralCode(getSdk()));

/**
 * Captures a referral code from `url` (default: the current page). configure() does this for
 * the landing page; SPAs call it after client-side navigation. Emits `referral-captured`.
 */
export const captureReferral = (url?: string): Promise<string | null> =>
  capturing(getSdk()).then((capture) => capture.captureReferral(getSdk(), url));

/**
 * Reports a finished purchase (or dispatch a `loyalty-purchase` event with `{detail: {orderId}}`):
 * after `survey.delay` the NPS survey opens if the shopper is eligible, even on the next page.
 */
export const trackPurchase = (purchase: Purchase): Promise<void> =>
  surveyTrigger()
    .then((trigger) => trigger.trackPurchase(getSdk(), purchase))
    .then(() => feedbackAfterPurchase(getSdk(), purchase.orderId));

/**
 * Reports a named event of the shop's (`track('support-viewed')`): a survey of GET /v1/surveys
 * triggered by it opens after its delay if the rules allow (with `survey.programSurveys`).
 */
export const track = (name: string): Promise<void> => trackEvent(getSdk(), name);

/**
 * Opens a survey now if the rules allow, or whatever they say with `{force: true}` (a merchant's
 * own trigger). Resolves with whether it opened.
 */
export const showSurvey = (_survey: 'nps', options?: ShowOptions): Promise<boolean> =>
  surveyShow().then((show) => show.showSurvey(getSdk(), options));

/**
 * Opens the `<loyalty-launcher>`'s panel, on `section` (default `home`); waits for a launcher to
 * appear when none is on the page yet.
 */
export const open = (section?: PanelSection): void =>
  requestPanel(getSdk(), { open: true, section: isPanelSection(section) ? section : undefined });

/** Closes the launcher's panel. */
export const close = (): void => requestPanel(getSdk(), { open: false });

export { version };
