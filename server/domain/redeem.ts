// Redeeming a reward: every check first, then all the writes, in one transaction holding the
// customer's lock, so a refused request changes nothing and two requests never spend the same
// points.
import type { Reward } from '../catalog.js';
import { withStorage, type Deps } from '../deps.js';
import { redemptionCode } from '../codes.js';
import { ApiError, invalid } from '../problem.js';
import type { RedemptionRecord } from '../storage.js';
import { currentAvailability } from './availability.js';
import { spendPoints } from './points.js';

export interface RedeemInput {
  rewardId: string;
  /** Only for variable rewards, where it is required. */
  points?: number;
}

export interface RedeemResult {
  redemption: RedemptionRecord;
  points: { balance: number };
}

const DAY_MS = 86_400_000;

export function redeem(deps: Deps, customerId: string, input: RedeemInput): Promise<RedeemResult> {
  return deps.storage.transaction(customerId, async (storage) => {
    const { catalog } = deps;
    const customer = await storage.getCustomer(customerId);
    if (!customer) throw new ApiError(401, 'unauthorized', 'The token names an unknown customer');
    const reward = catalog.reward(input.rewardId);
    if (!reward) throw new ApiError(404, 'unknown-reward', `There is no reward with id ${input.rewardId}`);
    const cost = pointsToSpend(reward, input.points);

    const status = await currentAvailability(withStorage(deps, storage), reward, customer);
    if (!status.available) {
      if (status.reason === 'tier-locked') {
        throw new ApiError(
          409,
          'tier-locked',
          `${reward.name} needs the ${catalog.tier(reward.minTier!)?.name ?? reward.minTier} tier`,
        );
      }
      throw new ApiError(409, 'reward-unavailable', `${reward.name} cannot be redeemed now (${status.reason})`, {
        reason: status.reason,
      });
    }
    if (customer.balance < cost) {
      throw new ApiError(
        409,
        'insufficient-points',
        `${reward.name} needs ${cost} points; the balance is ${customer.balance}`,
      );
    }
    if (reward.stock !== undefined && !(await storage.takeStock(reward.id))) {
      throw new ApiError(409, 'reward-unavailable', `${reward.name} is out of stock`, { reason: 'out-of-stock' });
    }

    const now = deps.clock.now();
    spendPoints(customer, cost);
    const redemption: RedemptionRecord = {
      id: await storage.nextId('rdm'),
      rewardId: reward.id,
      rewardName: reward.name,
      code: redemptionCode(catalog.program.codePrefix ?? 'LOYAL'),
      pointsSpent: cost,
      createdAt: now.toISOString(),
      ...(reward.codeValidDays === undefined
        ? {}
        : { expiresAt: new Date(now.getTime() + reward.codeValidDays * DAY_MS).toISOString() }),
      used: false,
    };
    await storage.putCustomer(customer);
    await storage.addRedemption(customer.id, redemption);
    await storage.addActivity(customer.id, {
      id: await storage.nextId('act'),
      type: 'redeem',
      points: -cost,
      description: `Redeemed ${reward.name}`,
      createdAt: redemption.createdAt,
    });
    return { redemption, points: { balance: customer.balance } };
  });
}

/** A fixed reward costs its price; a variable one what the customer chose, within range and on a step. */
function pointsToSpend({ cost, variable }: Reward, points: number | undefined): number {
  if (!variable) {
    if (points !== undefined) throw invalid('points', 'points is only accepted for variable rewards');
    return cost;
  }
  if (points === undefined) throw invalid('points', 'points is required for a variable reward');
  if (points < variable.minPoints || points > variable.maxPoints) {
    throw invalid('points', `points must be between ${variable.minPoints} and ${variable.maxPoints}`);
  }
  if ((points - variable.minPoints) % variable.step !== 0) {
    throw invalid('points', `points must be ${variable.minPoints} plus a multiple of ${variable.step}`);
  }
  return points;
}
