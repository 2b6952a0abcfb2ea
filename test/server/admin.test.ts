// /admin/v1: the merchant's server-to-server API. Off without a key, Bearer key required, never
// CORS-readable; orders once per id, adjustments once per key, reward codes used once.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here */
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { setup } from './helpers/api.ts';

const KEY = 'admin-key-0123456789abcdef0123456789';

async function admin(options: { adminKey?: string } = { adminKey: KEY }) {
  const api = await setup(options);
  // Through the checked client: every admin answer must match docs/openapi.yaml.
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    api.request(path, {
      method,
      headers: {
        Authorization: `Bearer ${KEY}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { api, call };
}

describe('/admin/v1', () => {
  it('is off without a key, refuses a wrong key, and never sends CORS headers', async () => {
    const off = await admin({});
    // Unchecked: with the admin API off, its paths are just unknown ones.
    assert.equal((await off.api.app.request('/admin/v1/feedback')).status, 404);
    const { call } = await admin();
    assert.equal((await call('GET', '/admin/v1/feedback', undefined, { Authorization: 'Bearer nope' })).status, 401);
    const read = await call('GET', '/admin/v1/feedback', undefined, { Origin: 'https://shop.example' });
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('Access-Control-Allow-Origin'), null);
  });

  it('creates a customer, mints a token the widgets accept, and records an order once', async () => {
    const { api, call } = await admin();
    assert.equal((await call('PUT', '/admin/v1/customers/c_new', { firstName: 'Nia' })).status, 201);
    assert.equal((await call('PUT', '/admin/v1/customers/c_new', { firstName: 'Nia B' })).status, 200);
    assert.equal((await call('POST', '/admin/v1/tokens', { customerId: 'c_nobody' })).status, 404);
    const { token } = (await call('POST', '/admin/v1/tokens', { customerId: 'c_new' })).body;
    const order = { orderId: 'o_1', customerId: 'c_new', total: { amount: 4200, currency: 'USD' } };
    const first = await call('POST', '/admin/v1/orders', order);
    assert.equal(first.status, 201);
    assert.deepEqual(first.body, { orderId: 'o_1', points: 42, status: 'approved' });
    assert.equal((await call('POST', '/admin/v1/orders', order)).status, 200);
    const other = await call('POST', '/admin/v1/orders', { ...order, total: { amount: 1, currency: 'USD' } });
    assert.equal(other.status, 409);
    assert.equal(await api.balance(token), 42, 'awarded once');
    const me = (await api.get('/v1/me', { token })).body;
    assert.equal(me.customer.firstName, 'Nia B');
  });

  it('adjusts once per Idempotency-Key and never below zero', async () => {
    const { api, call } = await admin();
    const token = await api.token('c_ada');
    const key = { 'Idempotency-Key': crypto.randomUUID() };
    const body = { customerId: 'c_ada', points: -250, reason: 'Goodwill correction' };
    assert.equal((await call('POST', '/admin/v1/adjustments', body, key)).status, 201);
    assert.equal((await call('POST', '/admin/v1/adjustments', body, key)).status, 201);
    assert.equal(await api.balance(token), 1000);
    const tooMuch = { ...body, points: -5000 };
    const refused = await call('POST', '/admin/v1/adjustments', tooMuch, { 'Idempotency-Key': 'other' });
    assert.equal(refused.status, 409);
    assert.equal(await api.balance(token), 1000);
  });

  it('checks a reward code and consumes it once; then the shopper sees it used', async () => {
    const { api, call } = await admin();
    const token = await api.token('c_ada');
    const { code } = (await api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token })).body.redemption;
    const checked = await call('GET', `/admin/v1/codes/${code}`);
    assert.equal(checked.body.status, 'valid');
    assert.equal(checked.body.customerId, 'c_ada');
    const uses = await Promise.all(
      [1, 2, 3].map(() => call('POST', `/admin/v1/codes/${code}/consume`, { orderId: 'o_9' })),
    );
    assert.deepEqual(uses.map((use) => use.status).sort(), [200, 409, 409]);
    assert.equal((await call('GET', '/admin/v1/codes/NOPE-0000')).status, 404);
    const mine = (await api.get('/v1/redemptions', { token })).body.redemptions;
    assert.equal(mine.find((r: { code: string }) => r.code === code).used, true);
  });
});
