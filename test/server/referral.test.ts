// GET /v1/referral: the share link and what each side gets.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here; helpers/contract.ts checks each one against docs/openapi.yaml */
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { setup } from './helpers/api.ts';

describe('GET /v1/referral', () => {
  it("gives Ada's code, an absolute share link, the rewards and her stats", async () => {
    const api = await setup();
    const { status, body } = await api.get('/v1/referral', { token: await api.token('c_ada') });
    assert.equal(status, 200);
    assert.deepEqual(body, {
      code: 'ADA-7K2Q',
      url: 'http://localhost/?ref=ADA-7K2Q',
      advocateReward: { description: '500 points when a friend makes their first purchase', points: 500 },
      friendReward: { description: '$10 off a first order of $50 or more' },
      stats: { invited: 5, converted: 1, pointsEarned: 500 },
    });
  });

  it('resolves the link against the origin the API was called on', async () => {
    const api = await setup();
    const token = await api.token('c_bob');
    const reply = await api.app.request('https://shop.example:8443/v1/referral', {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(((await reply.json()) as { url: string }).url, 'https://shop.example:8443/?ref=BOB-2K7D');
  });

  it('gives a new customer a code of their own', async () => {
    const api = await setup();
    const { token } = await api.customer({ firstName: 'Zoë' });
    const { body } = await api.get('/v1/referral', { token });
    assert.match(body.code, /^ZOE-[0-9A-Z]{4}$/);
    assert.deepEqual(body.stats, { invited: 0, converted: 0, pointsEarned: 0 });
  });

  it('translates the reward descriptions', async () => {
    const api = await setup();
    const { body } = await api.get('/v1/referral', {
      token: await api.token('c_ada'),
      headers: { 'Accept-Language': 'es-ES' },
    });
    assert.equal(body.friendReward.description, '10 $ de descuento en un primer pedido de 50 $ o más');
  });

  it('supports ETag/304', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const first = await api.get('/v1/referral', { token });
    assert.equal(
      (await api.get('/v1/referral', { token, headers: { 'If-None-Match': first.headers.get('ETag')! } })).status,
      304,
    );
  });
});
