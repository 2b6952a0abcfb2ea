// GET /v1/rewards: the catalog. With a token, availability is the customer's own (their tier,
// their per-customer limits); without one it is general, and tier-gated rewards show as locked.
import type { Hono } from 'hono';
import { optionalCustomer } from '../auth.js';
import type { Reward } from '../catalog.js';
import type { Deps } from '../deps.js';
import { currentAvailability, type Availability } from '../domain/availability.js';
import { conditionalJson } from '../http/etag.js';
import { localizer, type Localizer } from '../locale.js';

export function rewardsRoutes(app: Hono, deps: Deps): void {
  app.get('/v1/rewards', async (c) => {
    const customer = await optionalCustomer(c.req.raw, deps);
    const localized = localizer(deps.catalog.file, c.req.header('Accept-Language'));
    const rewards = [];
    for (const reward of deps.catalog.rewards) {
      rewards.push(rewardView(reward, await currentAvailability(deps, reward, customer), localized));
    }
    return conditionalJson(
      c.req.raw,
      { rewards },
      { cache: customer ? 'private' : 'public', language: localized.language },
    );
  });
}

function rewardView(reward: Reward, status: Availability, { t }: Localizer) {
  const key = `rewards.${reward.id}`;
  return {
    id: reward.id,
    name: t(`${key}.name`, reward.name),
    description: t(`${key}.description`, reward.description),
    ...(reward.instructions === undefined ? {} : { instructions: t(`${key}.instructions`, reward.instructions) }),
    kind: reward.kind,
    cost: reward.cost,
    ...(reward.variable === undefined ? {} : { variable: reward.variable }),
    ...(reward.value === undefined ? {} : { value: reward.value }),
    ...(reward.imageUrl === undefined ? {} : { imageUrl: reward.imageUrl }),
    ...(reward.minTier === undefined ? {} : { minTier: reward.minTier }),
    ...(reward.availableFrom === undefined ? {} : { availableFrom: reward.availableFrom }),
    ...status,
  };
}
