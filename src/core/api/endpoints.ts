// Where each resource and write lives and how its JSON becomes ours: the contract's paths
// (docs/openapi.yaml) by default, and over them a merchant's own paths and mappings
// (`configure({ api })`), so an existing loyalty backend is configuration, not a fork.
// The response check runs after the mapping: a mapping that forgets a field the widgets need
// is an `invalid-response` error, as an off-contract response would be.
import type { ResourceName } from '../config.js';
import { LoyaltyError } from '../errors.js';
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

type Query = Record<string, string | number>;
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
}

interface Contract<T> {
  path: string;
  check: Check<T>;
}

const reads: { [N in ResourceName]: Contract<ResourceTypes[N]> } = {
  program: { path: 'v1/program', check: programSchema },
  me: { path: 'v1/me', check: meSchema },
  rewards: { path: 'v1/rewards', check: rewardsSchema },
  redemptions: { path: 'v1/redemptions', check: redemptionsSchema },
  referral: { path: 'v1/referral', check: referralSchema },
  activity: { path: 'v1/activity', check: activitySchema },
};

const writes = {
  redeem: { path: 'v1/redemptions', check: redeemResultSchema },
  feedback: { path: 'v1/feedback', check: feedbackResultSchema },
};

interface WriteTypes {
  redeem: [RedeemRequest, RedeemResult];
  feedback: [FeedbackAnswer, FeedbackResult];
}

/** What the client needs for one call: path, query, the JSON to send, and the check of the reply. */
export interface Endpoint<T> {
  path: string;
  searchParams?: Query;
  json?: unknown;
  check: Check<T>;
}

/** The GET of a resource; `page` for the history's pages (the first page too). */
export function readEndpoint<N extends ResourceName>(
  api: ApiMapping | undefined,
  name: N,
  page?: ActivityPage,
): Endpoint<ResourceTypes[N]> {
  const mapping = api?.[name] as ResourceMapping<ResourceTypes[N]> | undefined;
  const contract = reads[name] as Contract<ResourceTypes[N]>;
  const pageQuery = page && (api?.activity?.page ?? defaultPage)(page);
  const map = mapping?.map && ((raw: unknown) => mapping.map!(raw));
  return {
    ...target(mapping?.path ?? contract.path, pageQuery),
    check: mapped(name, map, contract.check),
  };
}

/** The POST of a write, with our body turned into the merchant's. */
export function writeEndpoint<N extends keyof WriteTypes>(
  api: ApiMapping | undefined,
  name: N,
  body: WriteTypes[N][0],
): Endpoint<WriteTypes[N][1]> {
  const mapping = api?.[name] as WriteMapping<WriteTypes[N][0], WriteTypes[N][1]> | undefined;
  const contract = writes[name] as Contract<WriteTypes[N][1]>;
  const map = mapping?.map && ((raw: unknown) => mapping.map!(raw, body));
  let json: unknown = body;
  try {
    if (mapping?.body) json = mapping.body(body);
  } catch (cause) {
    // Nothing was sent: a config error, not the API's.
    throw new LoyaltyError('config', `api.${name}.body failed: ${message(cause)}`, { cause });
  }
  return { ...target(mapping?.path ?? contract.path, undefined), json, check: mapped(name, map, contract.check) };
}

/**
 * The resource's name in cache keys. A mapped resource's name carries a fingerprint of its path
 * and mapping: the ETag is the merchant's raw body's, and a 304 keeps what the old mapping made
 * of it, so a changed mapping must not find the old entry.
 */
export function cacheName(api: ApiMapping | undefined, name: ResourceName): string {
  const mapping = api?.[name] as (ResourceMapping<unknown> & Pick<ActivityMapping, 'page'>) | undefined;
  if (!mapping?.path && !mapping?.map && !mapping?.page) return name;
  const source = `${mapping.path}|${String(mapping.map)}|${String(mapping.page)}`;
  let hash = 5381;
  for (let index = 0; index < source.length; index++) hash = (hash * 33) ^ source.charCodeAt(index);
  return `${name}~${(hash >>> 0).toString(36)}`;
}

const defaultPage = ({ limit, cursor }: ActivityPage): QueryParams => ({ limit, cursor });

/** Splits a configured path's own query off, so the page query adds to it instead of replacing it. */
function target(path: string, query: QueryParams | undefined): { path: string; searchParams?: Query } {
  const [bare, own = ''] = path.split('?', 2);
  const searchParams: Query = Object.fromEntries(new URLSearchParams(own));
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) searchParams[key] = value;
  return Object.keys(searchParams).length ? { path: bare, searchParams } : { path: bare };
}

/** The mapping, if any, then the contract's check; errors name the resource. */
function mapped<T>(name: string, map: ((raw: unknown) => unknown) | undefined, check: Check<T>): Check<T> {
  return (raw) => {
    if (!map) return check(raw, name);
    let ours: unknown;
    try {
      ours = map(raw);
    } catch (cause) {
      throw new LoyaltyError('invalid-response', `Invalid response: api.${name}.map failed: ${message(cause)}`, {
        cause,
      });
    }
    return check(ours, name);
  };
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
