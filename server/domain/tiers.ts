// Tiers are earned, never spent: a customer's tier follows lifetime points (or lifetime spend for
// a spend program), so redeeming points never moves them down or changes their progress.
import type { Catalog } from '../catalog.js';
import type { TierDefinition, TierMetric } from '../program.js';
import type { CustomerRecord } from '../storage.js';

export interface TierProgress {
  metric: TierMetric;
  current: number;
  nextTierId: string | null;
  nextTierName: string | null;
  remaining: number | null;
}

type Earned = Pick<CustomerRecord, 'lifetimePoints' | 'lifetimeSpend'>;

export const metricValue = (catalog: Catalog, customer: Earned): number =>
  catalog.program.tierMetric === 'spend' ? customer.lifetimeSpend : customer.lifetimePoints;

/** The highest tier whose threshold the customer reached (the entry tier has threshold 0). */
export function tierFor(catalog: Catalog, customer: Earned): TierDefinition {
  const value = metricValue(catalog, customer);
  return catalog.tiers.filter((tier) => tier.threshold <= value).at(-1) ?? catalog.tiers[0];
}

export function tierProgress(catalog: Catalog, customer: Earned, name: (tier: TierDefinition) => string): TierProgress {
  const current = metricValue(catalog, customer);
  const next = catalog.tiers.find((tier) => tier.threshold > current);
  return {
    metric: catalog.program.tierMetric,
    current,
    nextTierId: next?.id ?? null,
    nextTierName: next ? name(next) : null,
    remaining: next ? next.threshold - current : null,
  };
}

/** Whether the customer's tier is at least `tierId`; guests (null) only pass the entry tier. */
export function reachesTier(catalog: Catalog, customer: Earned | null, tierId: string): boolean {
  const needed = catalog.tier(tierId);
  if (!needed) return false;
  const rank = customer ? tierFor(catalog, customer).rank : catalog.tiers[0].rank;
  return rank >= needed.rank;
}
