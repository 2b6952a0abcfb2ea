// The merchant's side, server to server, under /admin/v1 (createApi({adminKey})): customers,
// tokens for the widgets, orders, adjustments, reward codes at checkout, survey answers. Bearer
// LOYALTY_ADMIN_KEY; no CORS headers ever (app.ts), so no browser page can call it.
import type { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { decodeJson, encodeJson } from '../base64url.js';
import { referralCode } from '../codes.js';
import type { Deps } from '../deps.js';
import { recordOrder } from '../domain/orders.js';
import { spendPoints } from '../domain/points.js';
import { readJson } from '../http/body.js';
import { keyedJson } from '../http/keyed.js';
import { ApiError, invalid } from '../problem.js';
import { Fields } from '../validate.js';
import { mintToken } from './demo.js';

const ID = { max: 64, pattern: /^[A-Za-z0-9_-]+$/, patternName: 'letters, digits, _ or -' };
const MAX_TTL_SECONDS = 86_400;
const PAGE = 100;

export function adminRoutes(app: Hono, deps: Deps, adminKey: string): void {
  // Hono's bearer check compares in constant time.
  app.use('/admin/v1/*', bearerAuth({ token: adminKey }));

  app.put('/admin/v1/customers/:id', async (c) => {
    const id = Fields.of({ id: c.req.param('id') }).string('id', ID);
    const fields = Fields.of(await readJson(c.req.raw));
    const firstName = fields.optString('firstName', { max: 64 });
    const customer = await deps.storage.transaction(id, async (storage) => {
      const existing = await storage.getCustomer(id);
      const customer = existing ?? {
        id,
        balance: 0,
        pending: 0,
        lifetimePoints: 0,
        lifetimeSpend: 0,
        expiring: [],
        referral: { code: referralCode(firstName), invited: 0, converted: 0, pointsEarned: 0 },
        createdAt: deps.clock.now().toISOString(),
      };
      if (firstName !== undefined) customer.firstName = firstName;
      await storage.putCustomer(customer);
      return { customer, created: !existing };
    });
    return c.json(
      { id, firstName: customer.customer.firstName ?? null, balance: customer.customer.balance },
      customer.created ? 201 : 200,
    );
  });

  app.post('/admin/v1/tokens', async (c) => {
    const fields = Fields.of(await readJson(c.req.raw));
    const customerId = fields.string('customerId', ID);
    const ttl = fields.optInteger('ttlSeconds', { min: 1, max: MAX_TTL_SECONDS });
    if (!(await deps.storage.getCustomer(customerId))) throw unknownCustomer(customerId);
    const { token, expiresAt } = await mintToken(deps, customerId, ttl);
    return c.json({ token, expiresAt }, 201);
  });

  app.post('/admin/v1/orders', async (c) => {
    const fields = Fields.of(await readJson(c.req.raw));
    const customerId = fields.string('customerId', ID);
    const orderId = fields.string('orderId', { max: 128 });
    const total = fields.money('total');
    const { currency } = deps.catalog.program;
    if (total.currency !== currency)
      throw invalid('total.currency', `total.currency must be the program currency ${currency}`);
    const order = await recordOrder(deps, { customerId, orderId, total }, 409);
    return c.json({ orderId, points: order.points, status: 'approved' }, order.replayed ? 200 : 201);
  });

  app.post('/admin/v1/adjustments', (c) =>
    keyedJson(c.req.raw, deps, 'admin', (body) => {
      const fields = Fields.of(body);
      const customerId = fields.string('customerId', ID);
      const points = fields.integer('points', { min: -1_000_000, max: 1_000_000 });
      const reason = fields.string('reason', { max: 200 });
      if (points === 0) throw invalid('points', 'points must not be 0');
      return (storage) =>
        storage.transaction(customerId, async (tx) => {
          const customer = await tx.getCustomer(customerId);
          if (!customer) throw unknownCustomer(customerId);
          if (customer.balance + points < 0)
            throw new ApiError(409, 'insufficient-points', `The balance is ${customer.balance}; it cannot go below 0`);
          if (points < 0) spendPoints(customer, -points);
          else {
            customer.balance += points;
            customer.lifetimePoints += points;
          }
          await tx.putCustomer(customer);
          const id = await tx.nextId('act');
          const createdAt = deps.clock.now().toISOString();
          await tx.addActivity(customerId, { id, type: 'adjust', points, description: reason, createdAt });
          return { status: 201, body: { id, customerId, points, balance: customer.balance } };
        });
    }),
  );

  app.get('/admin/v1/codes/:code', async (c) => {
    const found = await deps.storage.findCode(c.req.param('code'));
    if (!found) throw unknownCode();
    return c.json(codeView(deps, found.customerId, found.redemption));
  });

  app.post('/admin/v1/codes/:code/consume', async (c) => {
    const code = c.req.param('code');
    const orderId = Fields.of(await readJson(c.req.raw)).optString('orderId', { max: 128 });
    const found = await deps.storage.transaction(`code:${code}`, async (storage) => {
      const found = await storage.findCode(code);
      if (!found) throw unknownCode();
      const view = codeView(deps, found.customerId, found.redemption);
      if (view.status !== 'valid') throw new ApiError(409, 'code-unusable', `The code is ${view.status}`);
      if (!(await storage.useCode(code))) throw new ApiError(409, 'code-unusable', 'The code is used');
      return { ...view, status: 'used' as const, used: true, ...(orderId === undefined ? {} : { orderId }) };
    });
    return c.json(found);
  });

  app.get('/admin/v1/feedback', async (c) => {
    const cursor = c.req.query('cursor');
    const start = cursor === undefined ? 0 : Number((decodeJson(cursor) as { o?: number } | null)?.o);
    if (!Number.isInteger(start) || start < 0)
      throw new ApiError(400, 'invalid-cursor', 'The cursor is not one this server gave out', {
        field: 'query.cursor',
      });
    const all = await deps.storage.listFeedback();
    const items = all.slice(start, start + PAGE);
    const nextCursor = start + PAGE < all.length ? encodeJson({ o: start + PAGE }) : null;
    return c.json({ items, nextCursor });
  });
}

function codeView(
  deps: Deps,
  customerId: string,
  redemption: { code: string; rewardId: string; rewardName: string; used: boolean; expiresAt?: string },
) {
  const expired = redemption.expiresAt !== undefined && Date.parse(redemption.expiresAt) <= deps.clock.now().getTime();
  return {
    code: redemption.code,
    customerId,
    rewardId: redemption.rewardId,
    rewardName: redemption.rewardName,
    used: redemption.used,
    ...(redemption.expiresAt === undefined ? {} : { expiresAt: redemption.expiresAt }),
    status: redemption.used ? ('used' as const) : expired ? ('expired' as const) : ('valid' as const),
  };
}

const unknownCustomer = (id: string) => new ApiError(404, 'unknown-customer', `There is no customer with id ${id}`);
const unknownCode = () => new ApiError(404, 'unknown-code', 'No reward code like this was issued');
