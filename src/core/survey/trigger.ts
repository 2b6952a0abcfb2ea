// The purchase trigger: stored before its delay runs, so the survey still opens when checkout
// navigates to the thank-you page in between (which resumes it), and forgotten after 30 minutes.
// Kept per shopper: a purchase by one never opens a survey for another who signs in after them.
import type { Money } from '../api/schemas.js';
import { now } from '../clock.js';
import { LoyaltyError } from '../errors.js';
import type { Sdk } from '../sdk.js';
import { surveyDefaults } from './rules.js';
import { showSurvey } from './show.js';

export interface Purchase {
  orderId: string;
  /** Accepted for merchants' own records; the rules do not use it yet. */
  total?: Money;
}

interface Pending {
  orderId: string;
  /** When the purchase was tracked; the trigger expires 30 minutes later. */
  at: number;
  fireAt: number;
}

const expiryMs = 30 * 60_000;
const timers = new WeakMap<Sdk, ReturnType<typeof setTimeout>>();
const keyFor = (sdk: Sdk) => `nps-pending|${sdk.options!.apiBase}|${sdk.customerId ?? ''}|`;

/** Remembers the purchase and opens the survey after `survey.delay` if the shopper is eligible. */
export async function trackPurchase(sdk: Sdk, purchase: Purchase): Promise<void> {
  const orderId = purchase?.orderId;
  if (!sdk.options) throw new LoyaltyError('config', 'Call configure({apiBase}) first');
  if (typeof orderId !== 'string' || !orderId) throw new LoyaltyError('config', 'trackPurchase() needs an orderId');
  const delay = sdk.options.survey?.delay ?? surveyDefaults.delay;
  const pending: Pending = { orderId, at: now(), fireAt: now() + delay };
  await sdk.cache.set(keyFor(sdk), pending);
  schedule(sdk, pending, delay);
}

/** The signed-in shopper's trigger, stored by the previous page or before a switch, fires here after what is left of its delay. */
export async function resumeTrigger(sdk: Sdk): Promise<void> {
  const pending = await sdk.cache.get<Pending>(keyFor(sdk));
  if (pending) schedule(sdk, pending, pending.fireAt - now());
}

function schedule(sdk: Sdk, pending: Pending, delay: number): void {
  clearTimeout(timers.get(sdk));
  timers.set(
    sdk,
    setTimeout(() => void fire(sdk, pending.orderId).catch(() => undefined), Math.max(0, delay)),
  );
}

async function fire(sdk: Sdk, orderId: string): Promise<void> {
  const key = keyFor(sdk);
  const pending = await sdk.cache.get<Pending>(key);
  // Another tab or page fired it already, or another shopper is signed in now.
  if (pending?.orderId !== orderId) return;
  await sdk.cache.deletePrefix(key);
  if (now() - pending.at <= expiryMs) await showSurvey(sdk, { orderId });
}
