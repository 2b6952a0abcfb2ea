// Demo endpoints: minting tokens, creating customers, awarding points for orders.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here; helpers/contract.ts checks each one against docs/openapi.yaml */
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { NOW, setup } from './helpers/api.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('POST /demo/token', () => {
  it('mints a token for a seeded customer, valid for an hour by default', async () => {
    const api = await setup();
    const reply = await api.post('/demo/token', { customerId: 'c_ada' });
    assert.equal(reply.status, 201);
    assert.equal(reply.body.customerId, 'c_ada');
    assert.equal(reply.body.expiresAt, new Date(NOW.getTime() + 3600_000).toISOString());
    assert.equal((await api.get('/v1/me', { token: reply.body.token })).body.customer.id, 'c_ada');
  });

  it('honours ttlSeconds and refuses unknown customers and bad input', async () => {
    const api = await setup();
    assert.equal(
      (await api.post('/demo/token', { customerId: 'c_bob', ttlSeconds: 60 })).body.expiresAt,
      new Date(NOW.getTime() + 60_000).toISOString(),
    );
    const unknown = await api.post('/demo/token', { customerId: 'c_nobody' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'unknown-customer');
    assert.equal((await api.post('/demo/token', { customerId: 'c_bob', ttlSeconds: 0 })).body.field, 'ttlSeconds');
    assert.equal((await api.post('/demo/token', {})).body.field, 'customerId');
  });
});

describe('POST /demo/orders', () => {
  it('awards earn rate × tier multiplier, rounded down (Silver 1.25×)', async () => {
    const api = await setup();
    const reply = await api.post('/demo/orders', { customerId: 'c_ada', orderId: 'A-1', total: usd(10_999) });
    assert.equal(reply.status, 201);
    // $109.99 → 109.99 × 1.25 = 137.49 → 137
    assert.deepEqual(reply.body, { orderId: 'A-1', pointsAwarded: 137, balance: 1387 });
    const token = await api.token('c_ada');
    const me = (await api.get('/v1/me', { token })).body;
    assert.equal(me.points.lifetime, 2240 + 137);
    const [item] = (await api.get('/v1/activity?limit=1', { token })).body.items;
    assert.deepEqual(
      { type: item.type, points: item.points, description: item.description },
      { type: 'earn', points: 137, description: 'Order A-1' },
    );
  });

  it('awards 1× at Bronze and notes a tier change when an order lifts the tier', async () => {
    const api = await setup();
    const reply = await api.post('/demo/orders', { customerId: 'c_bob', total: usd(90_000) });
    assert.equal(reply.body.pointsAwarded, 900, 'the tier before the order sets the multiplier');
    assert.match(reply.body.orderId, /^o_/);
    const token = await api.token('c_bob');
    assert.deepEqual((await api.get('/v1/me', { token })).body.tier, { id: 'silver', name: 'Silver' });
    const items = (await api.get('/v1/activity?limit=2', { token })).body.items;
    assert.deepEqual(
      items.map((i: { type: string; points: number }) => [i.type, i.points]),
      [
        ['tier-change', 0],
        ['earn', 900],
      ],
    );
  });

  it('awards an order id once: a resent order answers 200 with the first result', async () => {
    const api = await setup();
    const first = await api.post('/demo/orders', { customerId: 'c_bob', orderId: 'B-7', total: usd(5_000) });
    const again = await api.post('/demo/orders', { customerId: 'c_bob', orderId: 'B-7', total: usd(5_000) });
    assert.equal(first.status, 201);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first.body);
    const token = await api.token('c_bob');
    assert.equal((await api.get('/v1/me', { token })).body.points.balance, first.body.balance);
    const other = await api.post('/demo/orders', { customerId: 'c_bob', orderId: 'B-7', total: usd(9_000) });
    assert.equal(other.status, 422);
    assert.equal(other.body.code, 'order-id-reused');
    assert.equal((await api.get('/v1/me', { token })).body.points.balance, first.body.balance);
  });

  it('uses the token when customerId is left out', async () => {
    const api = await setup();
    const token = await api.token('c_bob');
    const reply = await api.post('/demo/orders', { total: usd(500) }, { token });
    assert.deepEqual(reply.body.balance, 147);
  });

  it('refuses a wrong currency, a negative total, no customer, or an unknown one, changing nothing', async () => {
    const api = await setup();
    const before = await api.storage.snapshot();
    const cases: [unknown, number, string][] = [
      [{ customerId: 'c_bob', total: { amount: 100, currency: 'EUR' } }, 400, 'total.currency'],
      [{ customerId: 'c_bob', total: usd(-100) }, 400, 'total.amount'],
      [{ customerId: 'c_bob', total: usd(1.5) }, 400, 'total.amount'],
      [{ customerId: 'c_bob', total: { amount: 100, currency: 'usd' } }, 400, 'total.currency'],
      [{ customerId: 'c_bob' }, 400, 'total'],
      [{ total: usd(100) }, 400, 'customerId'],
    ];
    for (const [body, status, field] of cases) {
      const reply = await api.post('/demo/orders', body);
      assert.equal(reply.status, status, JSON.stringify(body));
      assert.equal(reply.body.field, field);
    }
    assert.equal(
      (await api.post('/demo/orders', { customerId: 'c_nobody', total: usd(100) })).body.code,
      'unknown-customer',
    );
    assert.deepEqual(await api.storage.snapshot(), before);
  });
});

describe('POST /demo/customers', () => {
  it('creates a customer with an opening balance and returns a token', async () => {
    const api = await setup();
    const { token, customerId } = await api.customer({ firstName: 'Eve', balance: 700, pending: 20 });
    const me = (await api.get('/v1/me', { token })).body;
    assert.deepEqual(me.customer, { id: customerId, firstName: 'Eve' });
    assert.deepEqual(me.points, { balance: 700, pending: 20, lifetime: 700, expiring: [] });
    assert.deepEqual(
      (await api.get('/v1/activity', { token })).body.items.map((i: { type: string }) => i.type),
      ['adjust'],
    );
  });

  it('puts the customer in the tier asked for', async () => {
    const api = await setup();
    const { token } = await api.customer({ tierId: 'silver' });
    assert.deepEqual((await api.get('/v1/me', { token })).body.tier, { id: 'silver', name: 'Silver' });
    const refused = await api.post('/demo/customers', { tierId: 'gold', lifetime: 10 });
    assert.equal(refused.status, 400);
    assert.equal((await api.post('/demo/customers', { tierId: 'platinum' })).body.field, 'tierId');
    assert.equal((await api.post('/demo/customers', { balance: 10, lifetime: 5 })).body.field, 'lifetime');
  });

  it('accepts expiring points', async () => {
    const api = await setup();
    const later = new Date(NOW.getTime() + 86_400_000).toISOString();
    const { token } = await api.customer({ balance: 100, expiring: [{ points: 40, expiresAt: later }] });
    assert.deepEqual((await api.get('/v1/me', { token })).body.points.expiring, [{ points: 40, expiresAt: later }]);
  });
});
