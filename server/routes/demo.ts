// Demo-only endpoints (createApi({demo: true})): they mint tokens and award points without any
// merchant backend, so they must never be on in production. Not part of the /v1 contract.
import type { Hono } from 'hono';
import { optionalCustomer } from '../auth.js';
import { randomChars, referralCode } from '../codes.js';
import type { Deps } from '../deps.js';
import { recordOrder } from '../domain/orders.js';
import { tierFor } from '../domain/tiers.js';
import { readJson } from '../http/body.js';
import { ApiError, invalid } from '../problem.js';
import type { CustomerRecord } from '../storage.js';
import { MAX_TOKEN_TTL_SECONDS } from '../tokens.js';
import { Fields } from '../validate.js';

const ID = { max: 64, pattern: /^[A-Za-z0-9_-]+$/, patternName: 'letters, digits, _ or -' };
const DEFAULT_TTL_SECONDS = 3600;

export async function mintToken(deps: Deps, customerId: string, ttlSeconds = DEFAULT_TTL_SECONDS) {
  const iat = Math.floor(deps.clock.now().getTime() / 1000);
  const exp = iat + ttlSeconds;
  return {
    token: await deps.tokens.sign({ sub: customerId, iat, exp }),
    customerId,
    expiresAt: new Date(exp * 1000).toISOString(),
  };
}

export function demoRoutes(app: Hono, deps: Deps): void {
  app.post('/demo/token', async (c) => {
    const fields = Fields.of(await readJson(c.req.raw)).only('customerId', 'ttlSeconds');
    const customerId = fields.string('customerId', ID);
    const ttl = fields.optInteger('ttlSeconds', { min: 1, max: MAX_TOKEN_TTL_SECONDS });
    if (!(await deps.storage.getCustomer(customerId))) throw unknownCustomer(customerId);
    return c.json(await mintToken(deps, customerId, ttl), 201);
  });

  // A merchant's token URL as the script tag's `data-token-url` fetches it (GET): the shopper
  // named by `?customerId=`, else a guest (204).
  app.get('/demo/token', async (c) => {
    const customerId = c.req.query('customerId');
    if (!customerId) return c.body(null, 204);
    if (!(await deps.storage.getCustomer(customerId))) throw unknownCustomer(customerId);
    return c.json(await mintToken(deps, customerId));
  });

  app.post('/demo/customers', async (c) => {
    const fields = Fields.of(await readJson(c.req.raw)).only(
      'firstName',
      'balance',
      'pending',
      'lifetime',
      'spend',
      'tierId',
      'expiring',
    );
    const firstName = fields.optString('firstName', { max: 64 });
    const balance = fields.optInteger('balance', { min: 0 }) ?? 0;
    const tierId = fields.optString('tierId');
    const tier = tierId === undefined ? undefined : deps.catalog.tier(tierId);
    if (tierId !== undefined && !tier)
      throw invalid('tierId', `tierId must be one of ${deps.catalog.tiers.map((t) => t.id).join(', ')}`);
    // Reaching a tier means reaching its threshold in the program's metric.
    const reach = (metric: 'points' | 'spend') =>
      tier && deps.catalog.program.tierMetric === metric ? tier.threshold : 0;
    const lifetime = fields.optInteger('lifetime', { min: 0 }) ?? Math.max(balance, reach('points'));
    const spend = fields.optInteger('spend', { min: 0 }) ?? reach('spend');
    if (lifetime < balance) throw invalid('lifetime', 'lifetime must be at least the balance');
    if (tier && tierFor(deps.catalog, { lifetimePoints: lifetime, lifetimeSpend: spend }).id !== tier.id) {
      throw invalid('tierId', `lifetime/spend do not put the customer in ${tier.id}`);
    }
    const expiring = (fields.optObjects('expiring') ?? []).map((entry) => {
      entry.only('points', 'expiresAt');
      return { points: entry.integer('points', { min: 1 }), expiresAt: entry.dateTime('expiresAt') };
    });
    const now = deps.clock.now().toISOString();
    const customer: CustomerRecord = {
      id: `c_${randomChars(10).toLowerCase()}`,
      ...(firstName === undefined ? {} : { firstName }),
      balance,
      pending: fields.optInteger('pending', { min: 0 }) ?? 0,
      lifetimePoints: lifetime,
      lifetimeSpend: spend,
      expiring: expiring.map((bucket) => ({ ...bucket, expiresAt: new Date(bucket.expiresAt).toISOString() })),
      referral: { code: referralCode(firstName), invited: 0, converted: 0, pointsEarned: 0 },
      createdAt: now,
    };
    await deps.storage.transaction(customer.id, async (storage) => {
      await storage.putCustomer(customer);
      if (balance > 0) {
        await storage.addActivity(customer.id, {
          id: await storage.nextId('act'),
          type: 'adjust',
          points: balance,
          description: 'Opening balance',
          createdAt: now,
        });
      }
    });
    const { token, expiresAt } = await mintToken(deps, customer.id);
    return c.json({ customerId: customer.id, token, expiresAt }, 201);
  });

  app.post('/demo/orders', async (c) => {
    const signedIn = await optionalCustomer(c.req.raw, deps);
    const fields = Fields.of(await readJson(c.req.raw)).only('customerId', 'orderId', 'total');
    const customerId = fields.optString('customerId', ID) ?? signedIn?.id;
    if (!customerId) throw invalid('customerId', 'customerId is required without a customer token');
    const orderId = fields.optString('orderId', { max: 64 }) ?? `o_${randomChars(8).toLowerCase()}`;
    const total = fields.money('total');
    const { currency } = deps.catalog.program;
    if (total.currency !== currency)
      throw invalid('total.currency', `total.currency must be the program currency ${currency}`);
    const order = await recordOrder(deps, { customerId, orderId, total }, 422);
    return c.json({ orderId, pointsAwarded: order.points, balance: order.balance }, order.replayed ? 200 : 201);
  });

  app.get('/demo/feedback', async (c) => c.json({ feedback: await deps.storage.listFeedback() }));
}

const unknownCustomer = (id: string) => new ApiError(404, 'unknown-customer', `There is no customer with id ${id}`);
