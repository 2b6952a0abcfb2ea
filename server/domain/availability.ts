// Whether a reward can be redeemed now, and if not, why. Affordability is left out on purpose:
// the client compares cost with the balance it already shows.
//
// The first reason that applies wins: coming-soon, out-of-stock, tier-locked, limit-reached
// (roughly: the reason that will lift last for everyone comes first).
import type { Catalog, Reward } from '../catalog.js';
import type { Deps } from '../deps.js';
import type { CustomerRecord } from '../storage.js';
import { reachesTier } from './tiers.js';

export type UnavailableReason = 'tier-locked' | 'out-of-stock' | 'coming-soon' | 'limit-reached';
export type Availability = { available: true } | { available: false; reason: UnavailableReason };

export interface AvailabilityContext {
  now: Date;
  /** Null for a guest: general availability, tier-locked unless the entry tier suffices. */
  customer: CustomerRecord | null;
  /** Units left, null when unlimited. */
  stock: number | null;
  /** How often this customer redeemed the reward (0 for a guest). */
  redeemed: number;
}

export function availability(catalog: Catalog, reward: Reward, context: AvailabilityContext): Availability {
  if (reward.availableFrom && Date.parse(reward.availableFrom) > context.now.getTime())
    return unavailable('coming-soon');
  if (context.stock !== null && context.stock <= 0) return unavailable('out-of-stock');
  if (reward.minTier && !reachesTier(catalog, context.customer, reward.minTier)) return unavailable('tier-locked');
  if (reward.limitPerCustomer !== undefined && context.redeemed >= reward.limitPerCustomer)
    return unavailable('limit-reached');
  return { available: true };
}

const unavailable = (reason: UnavailableReason): Availability => ({ available: false, reason });

/** Availability for this customer (or a guest), with stock and past redemptions read from storage. */
export async function currentAvailability(
  deps: Deps,
  reward: Reward,
  customer: CustomerRecord | null,
): Promise<Availability> {
  // Read only what the reward's rules need: a customer's whole redemption history grows with
  // every redemption, and a reward the program gives no stock has no stock row (seed.ts).
  const redeemed =
    customer && reward.limitPerCustomer !== undefined
      ? (await deps.storage.listRedemptions(customer.id)).filter((r) => r.rewardId === reward.id).length
      : 0;
  return availability(deps.catalog, reward, {
    now: deps.clock.now(),
    customer,
    stock: reward.stock === undefined ? null : await deps.storage.getStock(reward.id),
    redeemed,
  });
}
