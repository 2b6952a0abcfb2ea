// POST /v1/redemptions redeems a reward (Idempotency-Key required); GET lists past redemptions.
import type { Hono } from 'hono';
import { requireCustomer } from '../auth.js';
import { withStorage, type Deps } from '../deps.js';
import { redeem } from '../domain/redeem.js';
import { conditionalJson } from '../http/etag.js';
import { keyedJson } from '../http/keyed.js';
import { Fields } from '../validate.js';

export function redemptionsRoutes(app: Hono, deps: Deps): void {
  app.get('/v1/redemptions', async (c) => {
    const customer = await requireCustomer(c.req.raw, deps);
    const redemptions = await deps.storage.listRedemptions(customer.id);
    return conditionalJson(c.req.raw, { redemptions }, { cache: 'private' });
  });

  app.post('/v1/redemptions', async (c) => {
    const customer = await requireCustomer(c.req.raw, deps);
    return keyedJson(c.req.raw, deps, customer.id, (body) => {
      const fields = Fields.of(body).only('rewardId', 'points');
      const input = {
        rewardId: fields.string('rewardId', { max: 64 }),
        ...(fields.has('points') ? { points: fields.integer('points', { min: 1 }) } : {}),
      };
      return async (storage) => ({ status: 201, body: await redeem(withStorage(deps, storage), customer.id, input) });
    });
  });
}
