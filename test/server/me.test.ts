// GET /v1/me: points, expiring points soonest first, tier and progress on what was earned.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here; helpers/contract.ts checks each one against docs/openapi.yaml */
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { loadProgramFile, spendTiersProgramPath } from '../../server/load-program.ts';
import { NOW, setup } from './helpers/api.ts';

const DAY = 86_400_000;

describe('GET /v1/me', () => {
  it('describes Ada: Silver, 1,250 points, progress to Gold on lifetime points', async () => {
    const api = await setup();
    const { status, body, headers } = await api.get('/v1/me', { token: await api.token('c_ada') });
    assert.equal(status, 200);
    assert.deepEqual(body.customer, { id: 'c_ada', firstName: 'Ada' });
    assert.deepEqual(body.points, {
      balance: 1250,
      pending: 85,
      lifetime: 2240,
      expiring: [
        { points: 150, expiresAt: new Date(NOW.getTime() + 12 * DAY).toISOString() },
        { points: 220, expiresAt: new Date(NOW.getTime() + 40 * DAY).toISOString() },
      ],
    });
    assert.deepEqual(body.tier, { id: 'silver', name: 'Silver' });
    assert.deepEqual(body.tierProgress, {
      metric: 'points',
      current: 2240,
      nextTierId: 'gold',
      nextTierName: 'Gold',
      remaining: 260,
    });
    assert.deepEqual(body.referral, { code: 'ADA-7K2Q', url: 'http://localhost/?ref=ADA-7K2Q' });
    assert.match(headers.get('Cache-Control')!, /private/);
  });

  it('describes Bob: Bronze with a few points', async () => {
    const api = await setup();
    const { body } = await api.get('/v1/me', { token: await api.token('c_bob') });
    assert.deepEqual(body.points, { balance: 142, pending: 0, lifetime: 142, expiring: [] });
    assert.deepEqual(body.tier, { id: 'bronze', name: 'Bronze' });
    assert.deepEqual(body.tierProgress, {
      metric: 'points',
      current: 142,
      nextTierId: 'silver',
      nextTierName: 'Silver',
      remaining: 858,
    });
  });

  it('leaves out points that already expired', async () => {
    const api = await setup();
    api.clock.now = new Date(NOW.getTime() + 20 * DAY);
    const { body } = await api.get('/v1/me', { token: await api.token('c_ada') });
    assert.deepEqual(
      body.points.expiring.map((e: { points: number }) => e.points),
      [220],
    );
  });

  it('has null next-tier fields at the top tier', async () => {
    const api = await setup();
    const { token } = await api.customer({ tierId: 'gold', balance: 100 });
    const { body } = await api.get('/v1/me', { token });
    assert.deepEqual(body.tier, { id: 'gold', name: 'Gold' });
    assert.deepEqual(body.tierProgress, {
      metric: 'points',
      current: 2500,
      nextTierId: null,
      nextTierName: null,
      remaining: null,
    });
  });

  it('does not move tier progress when points are redeemed', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const before = (await api.get('/v1/me', { token })).body;
    assert.equal((await api.post('/v1/redemptions', { rewardId: 'r_store_credit' }, { token })).status, 201);
    const after = (await api.get('/v1/me', { token })).body;
    assert.equal(after.points.balance, before.points.balance - 1000);
    assert.equal(after.points.lifetime, before.points.lifetime);
    assert.deepEqual(after.tier, before.tier);
    assert.deepEqual(after.tierProgress, before.tierProgress);
  });

  it('spends the soonest-expiring points first', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    await api.post('/v1/redemptions', { rewardId: 'r_free_shipping' }, { token }); // 300 points
    const { body } = await api.get('/v1/me', { token });
    assert.deepEqual(
      body.points.expiring.map((e: { points: number }) => e.points),
      [70],
    );
  });

  it('answers If-None-Match with 304 until the customer changes', async () => {
    const api = await setup();
    const token = await api.token('c_bob');
    const etag = (await api.get('/v1/me', { token })).headers.get('ETag')!;
    assert.equal((await api.get('/v1/me', { token, headers: { 'If-None-Match': etag } })).status, 304);
    await api.post('/demo/orders', { customerId: 'c_bob', total: { amount: 1000, currency: 'USD' } });
    const changed = await api.get('/v1/me', { token, headers: { 'If-None-Match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('ETag'), etag);
  });

  it('gives two customers different ETags (the body differs; Vary: Authorization)', async () => {
    const api = await setup();
    const ada = await api.get('/v1/me', { token: await api.token('c_ada') });
    const bob = await api.get('/v1/me', { token: await api.token('c_bob') });
    assert.notEqual(ada.headers.get('ETag'), bob.headers.get('ETag'));
    assert.match(ada.headers.get('Vary')!, /Authorization/);
  });

  it('translates the tier name', async () => {
    const api = await setup();
    const { body, headers } = await api.get('/v1/me', {
      token: await api.token('c_ada'),
      headers: { 'Accept-Language': 'es' },
    });
    assert.deepEqual(body.tier, { id: 'silver', name: 'Plata' });
    assert.equal(body.tierProgress.nextTierName, 'Oro');
    assert.equal(headers.get('Content-Language'), 'es');
  });
});

describe('GET /v1/me in a spend program', () => {
  it('measures progress in lifetime spend (minor units), not points', async () => {
    const api = await setup({ program: await loadProgramFile(spendTiersProgramPath) });
    const { body } = await api.get('/v1/me', { token: await api.token('c_sam') });
    assert.deepEqual(body.tier, { id: 'insider', name: 'Insider' });
    assert.deepEqual(body.tierProgress, {
      metric: 'spend',
      current: 62000,
      nextTierId: 'vip',
      nextTierName: 'VIP',
      remaining: 88000,
    });
    assert.equal(body.referral.url, `https://maison.example/invite/${encodeURIComponent(body.referral.code)}`);
  });

  it('puts a big spender at the top tier', async () => {
    const api = await setup({ program: await loadProgramFile(spendTiersProgramPath) });
    const { body } = await api.get('/v1/me', { token: await api.token('c_vip') });
    assert.deepEqual(body.tier, { id: 'vip', name: 'VIP' });
    assert.deepEqual(body.tierProgress, {
      metric: 'spend',
      current: 200000,
      nextTierId: null,
      nextTierName: null,
      remaining: null,
    });
  });

  it('starts a new customer at the entry tier with the full threshold to go', async () => {
    const api = await setup({ program: await loadProgramFile(spendTiersProgramPath) });
    const { body } = await api.get('/v1/me', { token: await api.token('c_new') });
    assert.deepEqual(body.customer, { id: 'c_new' });
    assert.deepEqual(body.tierProgress, {
      metric: 'spend',
      current: 0,
      nextTierId: 'insider',
      nextTierName: 'Insider',
      remaining: 50000,
    });
  });

  it('raises spend (and maybe the tier) with orders, not with points', async () => {
    const api = await setup({ program: await loadProgramFile(spendTiersProgramPath) });
    const token = await api.token('c_sam');
    const order = await api.post('/demo/orders', { customerId: 'c_sam', total: { amount: 90000, currency: 'EUR' } });
    // 2 stars per €1 at Insider's 1.5×: €900 → 2,700 stars.
    assert.deepEqual(order.body, { orderId: order.body.orderId, pointsAwarded: 2700, balance: 3000 });
    const { body } = await api.get('/v1/me', { token });
    assert.deepEqual(body.tier, { id: 'vip', name: 'VIP' });
    assert.equal(body.tierProgress.current, 152000);
  });
});

describe('PATCH /v1/me', () => {
  it('stores the birthday once; the same date again is a retry, another date is 409 birthday-set', async () => {
    const api = await setup();
    const token = await api.token('c_bob');
    assert.equal((await api.get('/v1/me', { token })).body.birthday, null);
    const patch = (birthday: unknown) =>
      api.request('/v1/me', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ birthday }),
      });
    const first = await patch('1990-04-12');
    assert.equal(first.status, 200, first.text);
    assert.equal(first.body.birthday, '1990-04-12');
    assert.equal((await api.get('/v1/me', { token })).body.birthday, '1990-04-12');
    assert.equal((await patch('1990-04-12')).status, 200);
    const changed = await patch('1991-01-01');
    assert.equal(changed.status, 409);
    assert.equal(changed.body.code, 'birthday-set');
    assert.equal((await api.get('/v1/me', { token })).body.birthday, '1990-04-12');
  });

  it('refuses a date that is not real or lies in the future, and a guest', async () => {
    const api = await setup();
    const token = await api.token('c_bob');
    for (const birthday of ['1990-02-30', '12/04/1990', '2030-01-01', 19900412]) {
      const reply = await api.request('/v1/me', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ birthday }),
      });
      assert.equal(reply.status, 400, String(birthday));
      assert.equal(reply.body.field, 'birthday');
    }
    const guest = await api.request('/v1/me', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ birthday: '1990-04-12' }),
    });
    assert.equal(guest.status, 401);
    assert.equal((await api.get('/v1/me', { token })).body.birthday, null);
  });
});
