// Runtime shapes of every API response (docs/openapi.yaml), and the types derived from them.
// Read tolerantly (Postel): unknown fields are ignored; only what the client needs to act is
// required (ids, codes, costs, balances); a display field that is missing or broken gets a
// fallback (`text`, `or`); an enum the API may extend (`open`) keeps values the client does not
// know, and the element shows them with a neutral label. Lists with an entry per row are `list`s:
// a row missing what is needed to act is left out rather than failing the whole response. Codes
// the shopper owns stay strict: a broken one is an error to see and report, not a code silently
// missing. URLs are made absolute against the response's URL (`url`).
import {
  array,
  boolean,
  date,
  either,
  integer,
  list,
  number,
  object,
  oneOf,
  open,
  optional,
  or,
  string,
  text,
  typed,
  url,
} from './validate.js';

/** What names a thing the client acts on (a customer, a reward, a code): an empty one names nothing. */
const id = typed<string>('a non-empty string', (v) => typeof v === 'string' && v !== '');

/** An ISO 4217 code, as Intl needs it to format money (a malformed one would make it throw). */
// Any text: formatMoney shows a code Intl refuses as the number and the code.
const currency = typed<string>('a currency code', (v) => typeof v === 'string' && v !== '');
const money = object({ amount: integer, currency });
export type Money = Of<typeof money>;

export const tierMetrics = ['points', 'spend'] as const;
const tier = object({
  id: string,
  name: text,
  rank: or(integer, 0),
  threshold: or(integer, 0),
  metric: or(open(...tierMetrics), 'points'),
  multiplier: or(number, 1),
  benefits: or(list(string), []),
});

export const wayToEarnKinds = ['purchase', 'signup', 'birthday', 'referral', 'review', 'social', 'custom'] as const;
export const programSchema = object({
  // The one field required: a body without the program's name is not a program (another API's reply).
  name: string,
  currency: or(currency, 'USD'),
  pointsLabel: optional(or(object({ one: string, other: string }), undefined)),
  earnRate: optional(or(object({ points: integer, per: money }), undefined)),
  tiers: or(list(tier), []),
  waysToEarn: or(
    list(
      object({
        id: string,
        kind: or(open(...wayToEarnKinds), 'custom'),
        title: text,
        points: or(integer, 0),
        pointsType: or(open('fixed', 'per-currency'), 'fixed'),
        ctaUrl: optional(url),
      }),
    ),
    [],
  ),
  referral: or(object({ advocateReward: text, friendReward: text }), { advocateReward: '', friendReward: '' }),
  joinUrl: optional(url),
  signInUrl: optional(url),
});

export const meSchema = object({
  customer: object({ id, firstName: optional(text) }),
  points: object({
    balance: integer,
    pending: or(integer, 0),
    lifetime: or(integer, 0),
    expiring: or(list(object({ points: integer, expiresAt: date })), []),
  }),
  tier: or(object({ id: string, name: text }), null),
  tierProgress: or(
    object({
      metric: or(open(...tierMetrics), 'points'),
      current: or(integer, 0),
      nextTierId: or(string, null),
      nextTierName: or(string, null),
      remaining: or(integer, null),
    }),
    { metric: 'points', current: 0, nextTierId: null, nextTierName: null, remaining: null },
  ),
  referral: or(object({ code: id, url: or(url, '') }), null),
});

export const rewardKinds = [
  'discount',
  'free-product',
  'free-shipping',
  'store-credit',
  'donation',
  'partner',
  'experience',
] as const;
export const unavailableReasons = ['tier-locked', 'out-of-stock', 'coming-soon', 'limit-reached'] as const;
const reward = object({
  id,
  name: text,
  description: text,
  instructions: optional(text),
  kind: or(open(...rewardKinds), ''),
  cost: integer,
  variable: optional(object({ minPoints: integer, maxPoints: integer, step: integer, valuePerPoint: money })),
  value: optional(or(either(money, object({ percent: number })), undefined)),
  imageUrl: optional(url),
  minTier: optional(or(string, undefined)),
  availableFrom: optional(or(date, undefined)),
  // Not saying is no reason to refuse: the server decides when the shopper redeems.
  available: or(boolean, true),
  reason: optional(or(open(...unavailableReasons), undefined)),
});
export const rewardsSchema = object({ rewards: list(reward) });

/** `rewardName` and the other display fields may be missing from a redemption reply: the SDK fills them. */
const redemption = object({
  id,
  rewardId: or(string, ''),
  rewardName: text,
  code: id,
  pointsSpent: or(integer, 0),
  createdAt: or(date, ''),
  expiresAt: optional(or(date, undefined)),
  used: or(boolean, false),
});
export const redemptionsSchema = object({ redemptions: array(redemption) });
/** The balance may be missing: the SDK then asks /v1/me again rather than lose the code. */
export const redeemResultSchema = object({
  redemption,
  points: or(object({ balance: integer }), null),
});

export const activityTypes = ['earn', 'redeem', 'expire', 'adjust', 'referral', 'bonus', 'tier-change'] as const;
export const activitySchema = object({
  items: list(
    object({
      id,
      type: or(open(...activityTypes), ''),
      points: or(integer, 0),
      description: text,
      createdAt: or(date, ''),
    }),
  ),
  nextCursor: or(string, null),
});

export const referralSchema = object({
  code: id,
  url: or(url, ''),
  advocateReward: or(object({ description: text, points: optional(or(integer, undefined)) }), { description: '' }),
  friendReward: or(object({ description: text }), { description: '' }),
  stats: or(object({ invited: or(integer, 0), converted: or(integer, 0), pointsEarned: or(integer, 0) }), {
    invited: 0,
    converted: 0,
    pointsEarned: 0,
  }),
});

/** A category the client does not know is left out: the client works it out from the score. */
export const feedbackResultSchema = object({
  id: string,
  category: optional(or(oneOf('promoter', 'passive', 'detractor'), undefined)),
});

type Of<C> = C extends (value: unknown, path: string, base?: string) => infer T ? T : never;
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
