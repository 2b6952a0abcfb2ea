// What a redemption reply becomes. Once the server answered 2xx the points are spent, so the
// shopper must get the code whatever the reply looks like: display fields it lacks are filled
// from the reward being redeemed, and a reply without a usable code is looked up in
// GET /v1/redemptions (only one issued by this call: never an older code of the same reward,
// which may be used already). Only when that fails too is it an error, `code-missing`, which is final:
// replaying the same key would only replay the same reply.
import { redeemResultSchema, type RedeemResult, type Redemption, type Reward } from '../api/schemas.js';
import { now } from '../clock.js';
import { LoyaltyError } from '../errors.js';
import type { RedeemRequest } from '../api/endpoints.js';

/** What was known when the POST went out, so the list lookup takes only what it issued. */
export interface BeforeRedeem {
  /** Ids of the shopper's redemptions shown before (empty when none were loaded). */
  known: ReadonlySet<string>;
  /** `now()` when the POST went out. */
  since: number;
}

/** Allowed difference between this device's clock and the API's when dating a new redemption. */
const clockSkewMs = 30_000;

/** The redemption reply read tolerantly; `raw` is undefined when the body was not JSON. */
export async function readRedemption(
  raw: unknown,
  request: RedeemRequest,
  reward: Reward | undefined,
  issued: () => Promise<Redemption[]>,
  before: BeforeRedeem = { known: new Set(), since: now() },
): Promise<RedeemResult> {
  let result: RedeemResult | undefined;
  try {
    result = redeemResultSchema(raw, 'redemptions');
  } catch {
    const found = await find(raw, request, issued, before).catch(() => undefined);
    if (!found)
      throw new LoyaltyError(
        'code-missing',
        'The redemption went through but its reply had no usable code, and GET /v1/redemptions did not list it',
      );
    result = { redemption: found, points: null };
  }
  const { redemption } = result;
  redemption.rewardId ||= request.rewardId;
  redemption.rewardName ||= reward?.id === redemption.rewardId ? reward.name : '';
  redemption.pointsSpent ||= request.points ?? reward?.cost ?? 0;
  redemption.createdAt ||= new Date(now()).toISOString();
  return result;
}

/**
 * The issued redemption the reply meant: the one with its id, else the newest for this reward
 * that is new: not shown before and dated since the POST (an undated one cannot be told apart).
 */
async function find(
  raw: unknown,
  { rewardId }: RedeemRequest,
  issued: () => Promise<Redemption[]>,
  { known, since }: BeforeRedeem,
) {
  const sent = (raw as { redemption?: { id?: unknown } } | undefined)?.redemption?.id;
  const list = await issued();
  if (typeof sent === 'string') return list.find(({ id }) => id === sent);
  const created = (item: Redemption) => Date.parse(item.createdAt);
  return list
    .filter((item) => item.rewardId === rewardId && !known.has(item.id) && created(item) >= since - clockSkewMs)
    .sort((a, b) => created(b) - created(a))[0];
}
