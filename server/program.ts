// The program file: everything a merchant models (tiers, earn rate, rewards, seeded customers)
// as one JSON document, so the reference server runs anyone's program without code changes.
// See server/programs/demo.json; server/load-program.ts checks a file against these types.
import type { SurveyDefinition } from './surveys.js';
import type { Money } from './validate.js';

export type { Money };

/**
 * A point in time in the file: an ISO 8601 date-time, or a number of days from when the server
 * started (negative = in the past), so demo data never goes stale.
 */
export type TimeRef = string | { days: number };

export const TIER_METRICS = ['points', 'spend'] as const;
export type TierMetric = (typeof TIER_METRICS)[number];

export const EARN_KINDS = ['purchase', 'signup', 'birthday', 'referral', 'review', 'social', 'custom'] as const;
export const REWARD_KINDS = [
  'discount',
  'free-product',
  'free-shipping',
  'store-credit',
  'donation',
  'partner',
  'experience',
] as const;
export const ACTIVITY_TYPES = ['earn', 'redeem', 'expire', 'adjust', 'referral', 'bonus', 'tier-change'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export interface TierDefinition {
  id: string;
  name: string;
  /** 1 for the entry tier, higher is better. */
  rank: number;
  /** Lifetime points, or lifetime spend in minor units when the program's metric is "spend". */
  threshold: number;
  /** Applied to points earned from purchases. */
  multiplier: number;
  benefits: string[];
}

export interface WayToEarnDefinition {
  id: string;
  kind: (typeof EARN_KINDS)[number];
  title: string;
  points: number;
  pointsType: 'fixed' | 'per-currency';
  ctaUrl?: string;
}

export interface RewardDefinition {
  id: string;
  name: string;
  description: string;
  instructions?: string;
  kind: (typeof REWARD_KINDS)[number];
  /** Points to redeem; for a variable reward, its minimum (taken from `variable.minPoints`). */
  cost: number;
  /** "Pay with points": the customer picks how many points, within the range and on the step. */
  variable?: { minPoints: number; maxPoints: number; step: number; valuePerPoint: Money };
  value?: Money | { percent: number };
  imageUrl?: string;
  /** Tier id; customers below it see the reward as tier-locked. */
  minTier?: string;
  availableFrom?: TimeRef;
  /** Units left; absent means unlimited, 0 means out of stock. */
  stock?: number;
  /** Redemptions allowed per customer; absent means unlimited. */
  limitPerCustomer?: number;
  /** How long a redemption code is valid; absent means it does not expire. */
  codeValidDays?: number;
}

export interface SeedActivity {
  type: ActivityType;
  points: number;
  description: string;
  at: TimeRef;
}

export interface SeedRedemption {
  rewardId: string;
  code: string;
  pointsSpent: number;
  at: TimeRef;
  expiresAt?: TimeRef;
  used: boolean;
}

export interface SeedCustomer {
  id: string;
  firstName?: string;
  balance: number;
  pending?: number;
  /** Defaults to the balance. */
  lifetimePoints?: number;
  /** Lifetime spend in minor units of the program currency. */
  lifetimeSpend?: number;
  expiring?: { points: number; expiresAt: TimeRef }[];
  referral?: { code: string; invited: number; converted: number; pointsEarned: number };
  /** Any order; the API sorts newest first. */
  activity?: SeedActivity[];
  redemptions?: SeedRedemption[];
}

export interface ProgramFile {
  program: {
    name: string;
    /** The language the file's strings are in (BCP 47 primary tag); "en" when absent. */
    language?: string;
    /** ISO 4217; every Money in the file uses it. */
    currency: string;
    pointsLabel: { one: string; other: string };
    earnRate: { points: number; per: Money };
    /**
     * Days an order's points stay pending (its return window) before they join the balance;
     * absent or 0: at once.
     */
    pendingDays?: number;
    /** What tiers are earned by; one metric for the whole program. */
    tierMetric: TierMetric;
    tiers: TierDefinition[];
    waysToEarn: WayToEarnDefinition[];
    referral: {
      advocateReward: string;
      friendReward: string;
      /** Points the advocate earns per converted friend, when the reward is points. */
      advocatePoints?: number;
      /** Points the friend earns on their first order with the code, when their reward is points. */
      friendPoints?: number;
      /** Share link; `{code}` is replaced. An absolute path is resolved against the API's origin. */
      urlTemplate: string;
    };
    joinUrl?: string;
    signInUrl?: string;
    /** Prefix of generated redemption codes, e.g. "ACME". */
    codePrefix?: string;
  };
  rewards: RewardDefinition[];
  customers: SeedCustomer[];
  /** Feedback surveys beyond NPS, listed by GET /v1/surveys (surveys.ts). */
  surveys?: SurveyDefinition[];
  /**
   * Translations by language (`es`), keyed by what they replace: `program.name`,
   * `program.pointsLabel.one|other`, `tiers.<id>.name`, `waysToEarn.<id>.title`,
   * `rewards.<id>.name|description|instructions`, `referral.advocateReward|friendReward`,
   * `surveys.<id>.title`, `surveys.<id>.<question id>.text|lowLabel|highLabel`,
   * `surveys.<id>.<question id>.choices.<choice id>`.
   */
  translations?: Record<string, Record<string, string>>;
}
