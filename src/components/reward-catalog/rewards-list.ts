// The catalog's list model: which rewards show, in which order, and how redeemable each is.
import { rewardKinds, type Reward } from '../../core/api/schemas.js';
import { isKnown } from '../../core/api/validate.js';

export type RewardSort = 'affordable-first' | 'cost-asc' | 'cost-desc';
export type Kind = Reward['kind'];

/** A reward and how redeemable it is now: 0 yes, 1 short of points, 2 tier-locked or coming soon, 3 out of stock or limit reached. */
export interface Row {
  reward: Reward;
  rank: number;
}

export const sorts: RewardSort[] = ['affordable-first', 'cost-asc', 'cost-desc'];
export const words = (list: string) => list.split(/\s+/).filter(Boolean);

/** Kinds the client does not know share one "Other rewards" chip (the filter word `other`). */
export const kindsOf = (rewards: Reward[]): Kind[] => [
  ...new Set(rewards.map(({ kind }) => (isKnown(rewardKinds, kind) ? kind : 'other'))),
];

/** The rewards `kind` (space-separated kinds, empty for all) keeps, ranked and in `sort` order. */
export function visibleRows(
  rewards: Reward[],
  balance: number | undefined,
  { kind, sort, hideUnavailable }: { kind: string; sort: RewardSort; hideUnavailable: boolean },
): Row[] {
  const kinds = words(kind);
  // An unknown sort attribute means the default, as the sort control shows.
  const order = sorts.includes(sort) ? sort : 'affordable-first';
  const sign = order === 'cost-desc' ? -1 : 1;
  return rewards
    .map((reward) => ({
      reward,
      rank: reward.available
        ? Number(balance !== undefined && balance < reward.cost)
        : reward.reason === 'tier-locked' || reward.reason === 'coming-soon'
          ? 2
          : 3,
    }))
    .filter(
      ({ reward, rank }) =>
        (!kinds.length ||
          kinds.includes(reward.kind) ||
          (kinds.includes('other') && !isKnown(rewardKinds, reward.kind))) &&
        !(hideUnavailable && rank > 2),
    )
    .sort((a, b) => (order === 'affordable-first' && a.rank - b.rank) || sign * (a.reward.cost - b.reward.cost));
}

/** Points chosen for a variable reward, snapped into its range and onto its step. */
export function pointsFor(reward: Reward, wanted: number | undefined): number {
  const variable = reward.variable;
  if (!variable) return reward.cost;
  const { minPoints: min, maxPoints: max, step } = variable;
  const snapped = min + Math.round(((wanted ?? min) - min) / step) * step;
  return Number.isFinite(snapped) ? Math.min(max - ((max - min) % step), Math.max(min, snapped)) : min;
}
