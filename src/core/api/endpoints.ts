// Where each resource and write lives and how its JSON becomes ours: the contract's paths
// (docs/openapi.yaml) by default, and over them a merchant's own paths and mappings
// (`configure({ api })`), so an existing loyalty backend is configuration, not a fork.
// The response check runs after the mapping: a mapping that forgets a field the widgets need
// is an `invalid-response` error, as an off-contract response would be.
import type { ResourceName } from '../config.js';
import { LoyaltyError, type LoyaltyErrorCode } from '../errors.js';
import type { FeedbackAnswer } from '../outbox/outbox.js';
import {
  activitySchema,
  feedbackResultSchema,
  meSchema,
  programSchema,
  redeemResultSchema,
  redemptionsSchema,
  referralSchema,
  rewardsSchema,
  type Activity,
  type FeedbackResult,
  type Me,
  type Program,
  type RedeemResult,
  type Redemptions,
  type Referral,
  type Rewards,
} from './schemas.js';
import type { Check } from './validate.js';
import type { AnyMapping } from './cache-name.js';

export { cacheName } from './cache-name.js';

export interface ResourceTypes {
  program: Program;
  me: Me;
  rewards: Rewards;
  redemptions: Redemptions;
  referral: Referral;
  activity: Activity;
}

/** The body of `POST /v1/redemptions`. */
export interface RedeemRequest {
  rewardId: string;
  /** Points to spend on a variable reward. */
  points?: number;
}

/** One page of the points history: `cursor` is the `nextCursor` of the page before (absent on the first). */
export interface ActivityPage {
  limit: number;
  cursor?: string;
}

export type Query = Record<string, string | number>;
/** A query to send; undefined values are left out. */
export type QueryParams = Record<string, string | number | undefined>;

/** A merchant's endpoint for one resource; each part falls back to the contract's. */
export interface ResourceMapping<T> {
  /**
   * Relative to `apiBase`, e.g. `'customers/me/loyalty'`; may carry a query
   * (`'catalog?channel=web'`). Default: the contract's (`v1/me`, …).
   */
  path?: string;
  /**
   * The merchant's JSON to ours (declare the parameter with your own response type). Its result
   * is validated afterwards; if it throws, the resource fails with an `invalid-response` error.
   */
  map?(raw: unknown): T;
}

export interface ActivityMapping extends ResourceMapping<Activity> {
  /** The query for a page of history. Default: `{ limit, cursor }` (`cursor` is undefined on the first page). */
  page?(page: ActivityPage): QueryParams;
}

/** A merchant's endpoint for a write: its path, the request body and the reply. */
export interface WriteMapping<Body, Result> {
  path?: string;
  /** Our request body to the merchant's. */
  body?(body: Body): unknown;
  /** The merchant's reply to ours (validated afterwards); `body` is our request, for what the reply leaves out. */
  map?(raw: unknown, body: Body): Result;
}

/** `configure({ api })`: the merchant's API shape, per resource and per write. Every part is optional. */
export interface ApiMapping extends Partial<{
  [N in Exclude<ResourceName, 'activity'>]: ResourceMapping<ResourceTypes[N]>;
}> {
  activity?: ActivityMapping;
  /** `POST v1/redemptions`: spends points on a reward. */
  redeem?: WriteMapping<RedeemRequest, RedeemResult>;
  /** `POST v1/feedback`: an NPS answer (sent again with more fields as the shopper adds a comment). */
  feedback?: WriteMapping<FeedbackAnswer, FeedbackResult>;
  /** `PATCH v1/me`: the shopper's birthday (YYYY-MM-DD), given once in `<loyalty-panel>`; the reply is `me`. */
  birthday?: WriteMapping<BirthdayRequest, Me>;
}

/** The body of `PATCH /v1/me`. */
export interface BirthdayRequest {
  birthday: string;
}

/** Every call's check of the reply, by name; the contract's path is `v1/<name>` unless `contractPaths` says. */
const checks = {
  program: programSchema,
  me: meSchema,
  rewards: rewardsSchema,
  redemptions: redemptionsSchema,
  referral: referralSchema,
  activity: activitySchema,
  redeem: redeemResultSchema,
  feedback: feedbackResultSchema,
  birthday: meSchema,
};

const contractPaths: Partial<Record<keyof Replies, string>> = { redeem: 'v1/redemptions', birthday: 'v1/me' };

interface Replies extends ResourceTypes {
  redeem: RedeemResult;
  feedback: FeedbackResult;
  birthday: Me;
}

export interface Bodies {
  redeem: RedeemRequest;
  feedback: FeedbackAnswer;
  birthday: BirthdayRequest;
}

/** What the client needs for one call: path, query, the JSON to send, and the check of the reply. */
export interface Endpoint<T> {
  path: string;
  searchParams?: Query;
  json?: unknown;
  /** The merchant's mapping alone (the raw reply when there is none), for a reply read its own way. */
  mapped: Check<unknown>;
  check: Check<T>;
}

export interface Call<N> {
  /** A page of the history (its first page too). */
  page?: ActivityPage;
  /** A write's body. */
  body?: N extends keyof Bodies ? Bodies[N] : never;
}

/** One call of `name`: a resource's GET or a write's POST (PATCH), with the merchant's overrides applied. */
export function endpoint<N extends keyof Replies>(
  api: ApiMapping | undefined,
  name: N,
  { page, body }: Call<N> = {},
): Endpoint<Replies[N]> {
  const mapping: AnyMapping = api?.[name] ?? {};
  const check = checks[name] as Check<Replies[N]>;
  const [path, own = ''] = (mapping.path ?? contractPaths[name] ?? `v1/${name}`).split('?', 2);
  // The page query adds to the configured path's own query rather than replacing it.
  const query: Query = Object.fromEntries(new URLSearchParams(own));
  const pageQuery = page ? (mapping.page ?? defaultPage)(page) : {};
  for (const [key, value] of Object.entries(pageQuery)) if (value !== undefined) query[key] = value;
  const { map } = mapping;
  const mapped = (raw: unknown) => (map ? attempt(name, 'map', 'invalid-response', () => map(raw, body)) : raw);
  return {
    path,
    searchParams: Object.keys(query).length ? query : undefined,
    // A body mapping that throws fails before anything is sent: a config error, not the API's.
    json: mapping.body && body ? attempt(name, 'body', 'config', () => mapping.body!(body)) : body,
    mapped,
    // The contract's check runs on what the mapping made.
    check: (raw, _path, base) => check(mapped(raw), name, base),
  };
}

const defaultPage = ({ limit, cursor }: ActivityPage): QueryParams => ({ limit, cursor });

/** Runs a merchant's function; what it throws becomes a LoyaltyError naming the resource. */
function attempt<T>(name: string, part: string, code: LoyaltyErrorCode, run: () => T): T {
  try {
    return run();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new LoyaltyError(code, `api.${name}.${part} failed: ${reason}`, { cause });
  }
}
