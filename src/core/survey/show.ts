// Opening the survey: the rules, one survey per page view and per browser at a time (a Web
// Lock held while it shows), and finding or adding the <nps-survey> element without Lit (the
// script-tag autoloader loads its code when the tag appears).
import { now } from '../clock.js';
import { LoyaltyError } from '../errors.js';
import type { Sdk } from '../sdk.js';
import { outboxFor, type FeedbackAnswer } from '../outbox/outbox.js';
import { eligible } from './rules.js';
import { updateState } from './state.js';

export interface ShowOptions {
  /** Open whatever the rules say (a merchant's own trigger). */
  force?: boolean;
  /** The order the answer is about; the survey shows once per order. */
  orderId?: string;
}

/** What the SDK needs from the element. */
interface SurveyElement extends HTMLElement {
  show(context: { orderId?: string }): void;
}

/** Per SDK instance (one per page): whether this page view has used its survey, and the tab lock. */
const pages = new WeakMap<Sdk, { shown?: boolean; release?: () => Promise<void> }>();
export const page = (sdk: Sdk) => pages.get(sdk) ?? pages.set(sdk, {}).get(sdk)!;

/**
 * Resolves with a release function, or null when another tab holds the survey. Release resolves
 * once the lock is free: Firefox frees it a moment after the callback ends, so a tab asking at
 * once would still find it held.
 */
export function tabLock(): Promise<(() => Promise<void>) | null> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return Promise.resolve(async () => undefined);
  return new Promise((resolve) => {
    const held = locks
      .request('loyalty-widgets-nps', { ifAvailable: true }, (lock) =>
        lock
          ? new Promise<void>((release) =>
              resolve(async () => {
                release();
                await held;
              }),
            )
          : resolve(null),
      )
      // Refused (an opaque-origin frame): no cross-tab check rather than no survey.
      .catch(() => resolve(async () => undefined));
  });
}

/**
 * Opens the NPS survey if the rules allow (or `force`); resolves with whether it opened. The
 * survey is `target` if given (an inline survey asking for itself), else the page's first.
 */
export async function showSurvey(
  sdk: Sdk,
  { force = false, orderId }: ShowOptions = {},
  target?: Pick<SurveyElement, 'isConnected' | 'show'>,
): Promise<boolean> {
  const current = page(sdk);
  if (!sdk.options || typeof document === 'undefined' || (!force && current.shown !== undefined)) return false;
  // Claimed before the first await, so two triggers at once show one survey.
  current.shown = false;
  const options = sdk.options.survey ?? {};
  const release =
    force || (await updateState(sdk, (state, time) => eligible(state, options, time, orderId)))
      ? await tabLock()
      : null;
  if (!release && !force) {
    current.shown = undefined;
    return false;
  }
  void current.release?.();
  current.release = release ?? undefined;
  current.shown = true;
  let element = target ?? document.querySelector<SurveyElement>('nps-survey');
  const added = !element;
  // Modal, the element's default mode.
  if (!element) document.body.append((element = document.createElement('nps-survey')));
  const isDefined = await defined('nps-survey');
  // Never defined (an npm build that does not import it), or taken out of the page meanwhile:
  // hold nothing for it (this page view's survey, the other tabs' lock, the order).
  if (!isDefined || !element.isConnected) {
    if (!isDefined) {
      const message = "<nps-survey> is not defined: import 'loyalty-widgets/nps-survey' to show the survey";
      console.error(`[loyalty-widgets] ${message}`);
      sdk.bus.emit('loyalty-error', { error: new LoyaltyError('config', message) });
    }
    if (added) (element as SurveyElement).remove();
    await releaseTab(sdk);
    current.shown = undefined;
    return false;
  }
  if (orderId !== undefined)
    await updateState(sdk, (state) => void (state.orders = [...state.orders.slice(-19), orderId]));
  element.show({ orderId });
  return true;
}

/** Whether `tag` is defined within 10 s on the SDK's clock (the script tag's autoloader or a late import may still bring it). */
export async function defined(tag: string): Promise<boolean> {
  const deadline = now() + 10_000;
  while (!customElements.get(tag)) {
    if (now() >= deadline) return false;
    await Promise.race([customElements.whenDefined(tag), new Promise((wake) => setTimeout(wake, 250))]);
  }
  return true;
}

/** The element's answer (score first, comment later), `customerId`'s: stored in the outbox and sent. */
export async function recordAnswer(sdk: Sdk, answer: FeedbackAnswer, customerId?: string | null): Promise<void> {
  await outboxFor(sdk).add(answer, customerId);
  await updateState(sdk, (state, time) => void (state.answeredAt = time));
  await releaseTab(sdk);
}

/** The survey closed; `dismissed`: by the shopper, without an answer (the cooldown counts it). */
export async function recordClose(sdk: Sdk, dismissed: boolean): Promise<void> {
  if (dismissed) await updateState(sdk, (state, time) => void state.dismissals.push(time));
  await releaseTab(sdk);
}

export async function releaseTab(sdk: Sdk): Promise<void> {
  const current = page(sdk);
  const release = current.release;
  current.release = undefined;
  await release?.();
}
