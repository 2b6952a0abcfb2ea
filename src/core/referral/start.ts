// Referral capture starts with configure() only when the page's URL carries the referral
// parameter; getReferralCode() (checkout) and captureReferral() (an SPA) load it otherwise.
import { lazy } from '../lazy.js';
import type { Sdk } from '../sdk.js';
import { codeFrom } from './param.js';

export const referralCode = lazy('referral', () => import('./capture.js'));

/** The feature starter: loads the capture code when the landing URL has a code to keep. */
export function startCapture(sdk: Sdk): void {
  const href = globalThis.location?.href;
  if (href && codeFrom(href, sdk.options?.referral?.param))
    void referralCode().then(
      (capture) => capture.captureOnConfigure(sdk),
      () => undefined,
    );
}

/**
 * The capture code, with this page's landing URL captured first (once per API), so a capture
 * whose load failed at configure() happens now, before checkout reads the code.
 */
export async function capturing(sdk: Sdk) {
  const capture = await referralCode();
  capture.captureOnConfigure(sdk);
  return capture;
}
