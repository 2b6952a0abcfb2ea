// Runtime shapes of every API response (docs/openapi.yaml), and the types derived from them.
// Lists with a kind per entry (rewards, history, ways to earn) are `list`s: an entry of a kind
// added to the API later is left out rather than failing the whole response. Codes the shopper
// owns stay strict: a broken one is an error to see and report, not a code silently missing.
import {
  array,
  boolean,
  date,
  either,
  integer,
  list,
  nullable,
  number,
  object,
  oneOf,
  optional,
  string,
} from './validate.js';

const money = object({ amount: integer, currency: string });
export type Money = Of<typeof money>;

const tier = object({
  id: string,
  name: string,
  rank: integer,
  threshold: integer,
  metric: oneOf('points', 'spend'),
  multiplier: number,
  benefits: array(string),
});

export const programSchema = object({
  name: string,
  currency: string,
  pointsLabel: object({ one: string, other: string }),
  earnRate: object({ points: integer, per: money }),
  tiers: array(tier),
  waysToEarn: list(
    object({
      id: string,
      kind: oneOf('purchase', 'signup', 'birthday', 'referral', 'review', 'social', 'custom'),
      title: string,
      points: integer,
      pointsType: oneOf('fixed', 'per-currency'),
      ctaUrl: optional(string),
    }),
  ),
  referral: object({ advocateReward: string, friendReward: string }),
  joinUrl: optional(string),
  signInUrl: optional(string),
});

export const meSchema = object({
  customer: object({ id: string, firstName: optional(string) }),
  points: object({
    balance: integer,
    pending: integer,
    lifetime: integer,
    expiring: array(object({ points: integer, expiresAt: date })),
  }),
  tier: nullable(object({ id: string, name: string })),
  tierProgress: object({
    metric: oneOf('points', 'spend'),
    current: integer,
    nextTierId: nullable(string),
    nextTierName: nullable(string),
    remaining: nullable(integer),
  }),
  referral: nullable(object({ code: string, url: string })),
  /** YYYY-MM-DD once given; null until then; absent from servers that do not know it. */
  birthday: optional(nullable(string)),
});

const reward = object({
  id: string,
  name: string,
  description: string,
  instructions: optional(string),
  kind: oneOf('discount', 'free-product', 'free-shipping', 'store-credit', 'donation', 'partner', 'experience'),
  cost: integer,
  variable: optional(object({ minPoints: integer, maxPoints: integer, step: integer, valuePerPoint: money })),
  value: optional(either(money, object({ percent: number }))),
  imageUrl: optional(string),
  minTier: optional(string),
  availableFrom: optional(date),
  available: boolean,
  reason: optional(oneOf('tier-locked', 'out-of-stock', 'coming-soon', 'limit-reached')),
});
export const rewardsSchema = object({ rewards: list(reward) });

const redemption = object({
  id: string,
  rewardId: string,
  rewardName: string,
  code: string,
  pointsSpent: integer,
  createdAt: date,
  expiresAt: optional(date),
  used: boolean,
});
export const redemptionsSchema = object({ redemptions: array(redemption) });
export const redeemResultSchema = object({ redemption, points: object({ balance: integer }) });

export const activitySchema = object({
  items: list(
    object({
      id: string,
      type: oneOf('earn', 'redeem', 'expire', 'adjust', 'referral', 'bonus', 'tier-change'),
      points: integer,
      description: string,
      createdAt: date,
    }),
  ),
  nextCursor: nullable(string),
});

export const referralSchema = object({
  code: string,
  url: string,
  advocateReward: object({ description: string, points: optional(integer) }),
  friendReward: object({ description: string }),
  stats: object({ invited: integer, converted: integer, pointsEarned: integer }),
});

export const feedbackResultSchema = object({ id: string, category: oneOf('promoter', 'passive', 'detractor') });

type Of<C> = C extends (value: unknown, path: string) => infer T ? T : never;
export type Program = Of<typeof programSchema>;
export type Tier = Program['tiers'][number];
export type Me = Of<typeof meSchema>;
export type Rewards = Of<typeof rewardsSchema>;
export type Reward = Rewards['rewards'][number];
export type Redemption = Of<typeof redemption>;
export type Redemptions = Of<typeof redemptionsSchema>;
export type RedeemResult = Of<typeof redeemResultSchema>;
export type Activity = Of<typeof activitySchema>;
export type ActivityItem = Activity['items'][number];
export type Referral = Of<typeof referralSchema>;
export type FeedbackResult = Of<typeof feedbackResultSchema>;
