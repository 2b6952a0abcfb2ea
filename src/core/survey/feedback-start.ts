// The program surveys' way in from the SDK, kept small: their triggers, definitions and rules
// (./feedback/) load on the first page that enables them (`survey.programSurveys`) or calls
// track(), so a shop without them downloads none of it.
import type { Sdk } from '../sdk.js';

const triggers = () => import('./feedback/triggers.js');
const enabled = (sdk: Sdk) => !!sdk.options?.survey?.programSurveys;

/** With each configure(): counts the page view and fires its triggers. */
export function startFeedbackTriggers(sdk: Sdk): void {
  if (enabled(sdk))
    void triggers().then(
      (module) => module.startFeedbackTriggers(sdk),
      () => undefined,
    );
}

/** A purchase (trackPurchase): the survey it triggers, if any. */
export async function feedbackAfterPurchase(sdk: Sdk, orderId: string): Promise<void> {
  if (enabled(sdk)) await (await triggers()).trigger(sdk, 'purchase', { orderId });
}

/** `track(name)`: a named event of the shop's. */
export async function trackEvent(sdk: Sdk, name: string): Promise<void> {
  await (await triggers()).trackEvent(sdk, name);
}
