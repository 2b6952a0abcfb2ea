// Point arithmetic: what an order earns, and spending from a balance.
import type { Catalog } from '../catalog.js';
import type { TierDefinition } from '../program.js';
import type { CustomerRecord } from '../storage.js';

/** Earn rate × tier multiplier, rounded down: 1 point per $1 at 1.25× on $10.99 is 13. */
export function pointsForOrder(catalog: Catalog, tier: TierDefinition, amount: number): number {
  const { points, per } = catalog.program.earnRate;
  return Math.floor((amount * points * tier.multiplier) / per.amount);
}

/**
 * Takes `points` off the balance, using the soonest-expiring points first (what customers expect,
 * and what keeps "expiring" from promising more points than the balance holds).
 */
export function spendPoints(customer: CustomerRecord, points: number): void {
  customer.balance -= points;
  let left = points;
  const buckets = [...customer.expiring].sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt));
  for (const bucket of buckets) {
    const used = Math.min(bucket.points, left);
    bucket.points -= used;
    left -= used;
  }
  customer.expiring = buckets.filter((bucket) => bucket.points > 0);
}
