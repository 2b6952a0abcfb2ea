// Opening one of the merchant's surveys when its trigger fires: its own sampling and recontact
// rules, then the same page-view slot and cross-tab lock as the NPS survey (one survey per page
// view, one open across tabs), and a <feedback-survey> found or added (modal) for it.
import { LoyaltyError } from '../../errors.js';
import type { Sdk } from '../../sdk.js';
import { loadSurveys } from './definitions.js';
import { mayAsk, updateFeedbackState } from './responses.js';
import { defined, page, releaseTab, tabLock } from '../show.js';

interface FeedbackElement extends HTMLElement {
  show(context: { orderId?: string }): Promise<void>;
}

/** Opens survey `id` if the rules allow (or `force`); resolves with whether it opened. */
export async function showFeedback(
  sdk: Sdk,
  id: string,
  { force = false, orderId }: { force?: boolean; orderId?: string } = {},
  target?: Pick<FeedbackElement, 'isConnected' | 'show'>,
): Promise<boolean> {
  const current = page(sdk);
  if (!sdk.options || typeof document === 'undefined' || (!force && current.shown !== undefined)) return false;
  // Claimed before the first await, so two triggers at once show one survey.
  current.shown = false;
  const survey = (await loadSurveys(sdk).catch(() => [])).find((candidate) => candidate.id === id);
  const release = survey && (force || (await mayAsk(sdk, survey, orderId))) ? await tabLock() : null;
  if (!survey || (!release && !force)) {
    current.shown = undefined;
    return false;
  }
  void current.release?.();
  current.release = release ?? undefined;
  current.shown = true;
  let element =
    target ??
    [...document.querySelectorAll<FeedbackElement>('feedback-survey')].find((e) => e.getAttribute('survey') === id);
  if (!element) {
    const added = document.createElement('feedback-survey') as FeedbackElement;
    added.setAttribute('survey', id);
    document.body.append((element = added));
  }
  const isDefined = await defined('feedback-survey');
  if (!isDefined || !element.isConnected) {
    if (!isDefined) {
      const message = "<feedback-survey> is not defined: import 'loyalty-widgets/feedback-survey' to show surveys";
      console.error(`[loyalty-widgets] ${message}`);
      sdk.bus.emit('loyalty-error', { error: new LoyaltyError('config', message) });
    }
    await releaseTab(sdk);
    current.shown = undefined;
    return false;
  }
  if (orderId !== undefined)
    await updateFeedbackState(sdk, id, (state) => void (state.orders = [...state.orders.slice(-19), orderId]));
  await element.show({ orderId });
  return true;
}
