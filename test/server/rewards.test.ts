// GET /v1/rewards: the catalog with general availability for guests and personal for customers.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here; helpers/contract.ts checks each one against docs/openapi.yaml */
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { NOW, setup } from './helpers/api.ts';

interface RewardView {
  id: string;
  kind: string;
  available: boolean;
  reason?: string;
  [key: string]: unknown;
}

const byId = (rewards: RewardView[]) => Object.fromEntries(rewards.map((reward) => [reward.id, reward]));

describe('GET /v1/rewards', () => {
  it('lists a dozen rewards of every kind', async () => {
    const api = await setup();
    const { status, body } = await api.get('/v1/rewards');
    assert.equal(status, 200);
    assert.ok(body.rewards.length >= 12);
    const kinds = new Set(body.rewards.map((reward: RewardView) => reward.kind));
    assert.deepEqual([...kinds].sort(), [
      'discount',
      'donation',
      'experience',
      'free-product',
      'free-shipping',
      'partner',
      'store-credit',
    ]);
    const rewards = byId(body.rewards);
    assert.deepEqual(rewards.r_5_off.value, { amount: 500, currency: 'USD' });
    assert.deepEqual(rewards.r_10_percent.value, { percent: 10 });
    assert.deepEqual(rewards.r_pay_with_points.variable, {
      minPoints: 100,
      maxPoints: 5000,
      step: 100,
      valuePerPoint: { amount: 1, currency: 'USD' },
    });
    assert.equal(rewards.r_pay_with_points.cost, 100);
    assert.equal(rewards.r_tote.imageUrl, '/img/tote.svg');
    // Stock and limits are the server's business; only availability is shown.
    assert.equal(rewards.r_tote.stock, undefined);
    assert.equal(rewards.r_candle.limitPerCustomer, undefined);
  });

  it('reports general availability to guests: tier-gated rewards are locked', async () => {
    const api = await setup();
    const rewards = byId((await api.get('/v1/rewards')).body.rewards);
    assert.deepEqual(pick(rewards.r_socks), { available: false, reason: 'tier-locked' });
    assert.deepEqual(pick(rewards.r_preview), { available: false, reason: 'tier-locked' });
    assert.deepEqual(pick(rewards.r_mug), { available: false, reason: 'out-of-stock' });
    assert.deepEqual(pick(rewards.r_styling), { available: false, reason: 'coming-soon' });
    assert.equal(rewards.r_styling.availableFrom, new Date(NOW.getTime() + 14 * 86_400_000).toISOString());
    assert.deepEqual(pick(rewards.r_candle), { available: true });
    assert.deepEqual(pick(rewards.r_5_off), { available: true });
  });

  it('reports personal availability with a token: tier and per-customer limits', async () => {
    const api = await setup();
    const ada = byId((await api.get('/v1/rewards', { token: await api.token('c_ada') })).body.rewards);
    assert.deepEqual(pick(ada.r_socks), { available: true }, 'Silver reaches a Silver reward');
    assert.deepEqual(pick(ada.r_preview), { available: false, reason: 'tier-locked' });
    assert.deepEqual(pick(ada.r_candle), { available: false, reason: 'limit-reached' }, 'Ada already has her candle');
    const bob = byId((await api.get('/v1/rewards', { token: await api.token('c_bob') })).body.rewards);
    assert.deepEqual(pick(bob.r_socks), { available: false, reason: 'tier-locked' });
    assert.deepEqual(pick(bob.r_candle), { available: true });
  });

  it('ignores affordability: Bob (142 points) sees the tote as available', async () => {
    const api = await setup();
    const bob = byId((await api.get('/v1/rewards', { token: await api.token('c_bob') })).body.rewards);
    assert.deepEqual(pick(bob.r_tote), { available: true });
  });

  it('makes a coming-soon reward available once its date passes', async () => {
    const api = await setup();
    api.clock.now = new Date(NOW.getTime() + 15 * 86_400_000);
    const rewards = byId((await api.get('/v1/rewards')).body.rewards);
    assert.deepEqual(pick(rewards.r_styling), { available: true });
  });

  it('supports ETag/304 and varies by customer', async () => {
    const api = await setup();
    const guest = await api.get('/v1/rewards');
    assert.equal(
      (await api.get('/v1/rewards', { headers: { 'If-None-Match': guest.headers.get('ETag')! } })).status,
      304,
    );
    const ada = await api.get('/v1/rewards', { token: await api.token('c_ada') });
    assert.notEqual(ada.headers.get('ETag'), guest.headers.get('ETag'));
    assert.match(ada.headers.get('Cache-Control')!, /private/);
    assert.match(guest.headers.get('Cache-Control')!, /public/);
  });

  it('translates names and descriptions', async () => {
    const api = await setup();
    const rewards = byId((await api.get('/v1/rewards', { headers: { 'Accept-Language': 'es' } })).body.rewards);
    assert.equal(rewards.r_free_shipping.name, 'Envío gratis');
    assert.equal(rewards.r_free_shipping.description, 'Envío estándar gratis en un pedido.');
    assert.equal(rewards.r_tote.name, 'Canvas tote bag', 'untranslated strings fall back');
  });
});

function pick({ available, reason }: RewardView) {
  return reason === undefined ? { available } : { available, reason };
}
