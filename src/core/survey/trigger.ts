// The purchase trigger: stored before its delay runs, so the survey still opens when checkout
// navigates to the thank-you page in between (which resumes it), and forgotten after 30 minutes.
// Kept per shopper: a purchase by one never opens a survey for another who signs in after them.
import type { Money } from '../api/schemas.js';
import { now } from '../clock.js';
import { LoyaltyError } from '../errors.js';
import type { Sdk } from '../sdk.js';
import { unconfirmedCustomer } from '../identity.js';
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
const keyFor = (sdk: Sdk, customer: string | null) => `nps-pending|${sdk.options!.apiBase}|${customer ?? ''}|`;

/** Remembers the purchase and opens the survey after `survey.delay` if the shopper is eligible. */
export async function trackPurchase(sdk: Sdk, purchase: Purchase): Promise<void> {
  const orderId = purchase?.orderId;
  if (!sdk.options) throw new LoyaltyError('config', 'Call configure({apiBase}) first');
  if (typeof orderId !== 'string' || !orderId) throw new LoyaltyError('config', 'trackPurchase() needs an orderId');
  const delay = sdk.options.survey?.delay ?? surveyDefaults.delay;
  const pending: Pending = { orderId, at: now(), fireAt: now() + delay };
  const session = sdk.identitySession;
  // A shopper signed in by a token nobody has confirmed yet is stored as whom /v1/me names, or
  // not at all (this page only): a later page's shopper never inherits the placeholder's trigger.
  const owner = await sdk.owner(sdk.customerId, session);
  if (owner !== unconfirmedCustomer) await sdk.cache.set(keyFor(sdk, owner), pending);
  schedule(sdk, pending, owner, session);
}

/** The signed-in shopper's trigger, stored by the previous page or before a switch, fires here after what is left of its delay. */
export async function resumeTrigger(sdk: Sdk): Promise<void> {
  const owner = sdk.customerId;
  if (owner === unconfirmedCustomer) return;
  const session = sdk.identitySession;
  const pending = await sdk.cache.get<Pending>(keyFor(sdk, owner));
  if (pending) schedule(sdk, pending, owner, session);
}

function schedule(sdk: Sdk, pending: Pending, owner: string | null, session: string): void {
  clearTimeout(timers.get(sdk));
  const fireNow = () => void fire(sdk, pending, owner, session).catch(() => undefined);
  timers.set(sdk, setTimeout(fireNow, Math.max(0, pending.fireAt - now())));
}

async function fire(sdk: Sdk, { orderId, at }: Pending, owner: string | null, session: string): Promise<void> {
  // Another shopper is signed in now.
  if (sdk.identitySession !== session) return;
  if (owner !== unconfirmedCustomer) {
    const key = keyFor(sdk, owner);
    const stored = await sdk.cache.get<Pending>(key);
    // Another tab or page fired it already.
    if (stored?.orderId !== orderId) return;
    await sdk.cache.deletePrefix(key);
  }
  if (now() - at <= expiryMs) await showSurvey(sdk, { orderId });
}
