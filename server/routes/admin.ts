// The merchant's side, server to server, under /admin/v1 (createApi({adminKey})): customers,
// tokens for the widgets, orders, adjustments, reward codes at checkout, survey answers. Bearer
// LOYALTY_ADMIN_KEY; no CORS headers ever (app.ts), so no browser page can call it.
import type { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { decodeJson, encodeJson } from '../base64url.js';
import { referralCode } from '../codes.js';
import type { Deps } from '../deps.js';
import { withStorage } from '../deps.js';
import { recordOrder } from '../domain/orders.js';
import { spendPoints } from '../domain/points.js';
import { refundOrder } from '../domain/refunds.js';
import { readJson } from '../http/body.js';
import { keyedJson } from '../http/keyed.js';
import { ApiError, invalid } from '../problem.js';
import { Fields } from '../validate.js';
import { mintToken } from './demo.js';
import { readBirthday } from './me.js';

const ID = { max: 64, pattern: /^[A-Za-z0-9_-]+$/, patternName: 'letters, digits, _ or -' };
// One @, no spaces, a dot in the domain: enough to catch a wrong field, not a full RFC 5322 check.
const EMAIL = { max: 254, pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, patternName: 'an email address' };
const MAX_TTL_SECONDS = 86_400;
const PAGE = 100;

export function adminRoutes(app: Hono, deps: Deps, adminKey: string): void {
  // Hono's bearer check compares in constant time.
  app.use('/admin/v1/*', bearerAuth({ token: adminKey }));

  app.put('/admin/v1/customers/:id', async (c) => {
    const id = Fields.of({ id: c.req.param('id') }).string('id', ID);
    const fields = Fields.of(await readJson(c.req.raw));
    const firstName = fields.optString('firstName', { max: 64 });
    const email = fields.optString('email', EMAIL);
    const birthday = readBirthday(fields, deps.clock.now(), true);
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
      // The shop may set or correct both; the shopper gives a birthday only once (PATCH /v1/me).
      if (email !== undefined) customer.email = email;
      if (birthday !== undefined) customer.birthday = birthday;
      await storage.putCustomer(customer);
      return { customer, created: !existing };
    });
    const saved = customer.customer;
    return c.json(
      {
        id,
        firstName: saved.firstName ?? null,
        email: saved.email ?? null,
        birthday: saved.birthday ?? null,
        balance: saved.balance,
        pending: saved.pending,
      },
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
    const total = programMoney(deps, fields, 'total');
    const referralCode = fields.optString('referralCode', { max: 64 });
    // Merchant order ids are unique across customers: refunds name the order alone. Held as a
    // lock too, so the same id for two customers at once is recorded once.
    const order = await deps.storage.transaction(`order:${orderId}`, async (storage) => {
      const taken = (await storage.findOrders(orderId)).some((found) => found.customerId !== customerId);
      if (taken) throw new ApiError(409, 'order-id-reused', `Order ${orderId} was recorded for another customer`);
      const input = { customerId, orderId, total, ...(referralCode ? { referralCode } : {}) };
      return recordOrder(withStorage(deps, storage), input, 409);
    });
    return c.json({ orderId, points: order.points, status: order.status }, order.replayed ? 200 : 201);
  });

  // Once per Idempotency-Key (a refund has no id of its own in most shops); the key's answer is
  // stored in the refund's transaction, so a retry replays it and takes nothing back twice.
  app.post('/admin/v1/orders/:orderId/refunds', (c) =>
    keyedJson(c.req.raw, deps, 'admin', (body) => {
      const orderId = c.req.param('orderId');
      const fields = Fields.of(body);
      const amount = programMoney(deps, fields, 'amount');
      if (amount.amount < 1) throw invalid('amount.amount', 'amount.amount must be at least 1');
      return async (storage) => ({ status: 201, body: await refundOrder(deps, storage, orderId, amount) });
    }),
  );

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

function programMoney(deps: Deps, fields: Fields, key: string) {
  const money = fields.money(key);
  const { currency } = deps.catalog.program;
  if (money.currency !== currency)
    throw invalid(`${key}.currency`, `${key}.currency must be the program currency ${currency}`);
  return money;
}

const unknownCustomer = (id: string) => new ApiError(404, 'unknown-customer', `There is no customer with id ${id}`);
const unknownCode = () => new ApiError(404, 'unknown-code', 'No reward code like this was issued');
