// POST /v1/redemptions and GET /v1/redemptions: spending points exactly once, and every refusal
// leaving storage untouched.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here; helpers/contract.ts checks each one against docs/openapi.yaml */
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { NOW, setup, type Reply, type TestApi } from './helpers/api.ts';

const problem = (reply: Reply, status: number, code: string) => {
  assert.equal(reply.status, status, reply.text);
  assert.equal(reply.headers.get('Content-Type'), 'application/problem+json');
  assert.equal(reply.body.code, code);
  assert.equal(reply.body.type, `urn:loyalty:problem:${code}`);
};

/** Runs `act` and asserts it changed nothing at all in storage. */
async function unchanged(api: TestApi, act: () => Promise<void>) {
  const before = await api.storage.snapshot();
  await act();
  assert.deepEqual(await api.storage.snapshot(), before);
}

describe('POST /v1/redemptions', () => {
  it('redeems a reward: code, new balance, a redeem activity item, listed first', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const reply = await api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token });
    assert.equal(reply.status, 201);
    const { redemption, points } = reply.body;
    assert.deepEqual(points, { balance: 750 });
    assert.equal(redemption.rewardId, 'r_5_off');
    assert.equal(redemption.rewardName, '$5 off your next order');
    assert.equal(redemption.pointsSpent, 500);
    assert.match(redemption.code, /^ACME-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(redemption.createdAt, NOW.toISOString());
    assert.equal(redemption.expiresAt, new Date(NOW.getTime() + 30 * 86_400_000).toISOString());
    assert.equal(redemption.used, false);
    assert.equal(reply.headers.get('Idempotent-Replayed'), null);

    assert.equal(await api.balance(token), 750);
    const list = (await api.get('/v1/redemptions', { token })).body.redemptions;
    assert.equal(list.length, 4);
    assert.deepEqual(list[0], redemption);
    const activity = (await api.get('/v1/activity?limit=1', { token })).body.items[0];
    assert.deepEqual(
      { type: activity.type, points: activity.points, createdAt: activity.createdAt },
      { type: 'redeem', points: -500, createdAt: NOW.toISOString() },
    );
  });

  it('redeems a variable reward for the points chosen', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const reply = await api.post('/v1/redemptions', { rewardId: 'r_pay_with_points', points: 700 }, { token });
    assert.equal(reply.status, 201, reply.text);
    assert.equal(reply.body.redemption.pointsSpent, 700);
    assert.deepEqual(reply.body.points, { balance: 550 });
  });

  it('replays the same key: same status and body, nothing spent twice', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const first = await api.post('/v1/redemptions', { rewardId: 'r_free_shipping' }, { token, key: 'key-1' });
    const again = await api.post('/v1/redemptions', { rewardId: 'r_free_shipping' }, { token, key: 'key-1' });
    assert.equal(again.status, 201);
    assert.equal(again.text, first.text);
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(await api.balance(token), 950);
    assert.equal((await api.get('/v1/redemptions', { token })).body.redemptions.length, 4);
  });

  it('treats the same body with keys in another order as the same request', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    await api.post('/v1/redemptions', { rewardId: 'r_pay_with_points', points: 200 }, { token, key: 'k' });
    const reply = await api.request('/v1/redemptions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': 'k' },
      body: '{"points":200,"rewardId":"r_pay_with_points"}',
    });
    assert.equal(reply.status, 201);
    assert.equal(await api.balance(token), 1050);
  });

  it('answers concurrent requests with one key once: both get the same result', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const replies = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token, key: 'double-click' }),
      ),
    );
    for (const reply of replies) {
      assert.equal(reply.status, 201);
      assert.equal(reply.text, replies[0].text);
    }
    assert.equal(replies.filter((reply) => reply.headers.get('Idempotent-Replayed') === 'true').length, 4);
    assert.equal(await api.balance(token), 750);
    assert.equal((await api.get('/v1/redemptions', { token })).body.redemptions.length, 4);
  });

  it('never overspends under concurrent requests with different keys', async () => {
    const api = await setup();
    const { token } = await api.customer({ balance: 1000 });
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token })),
    );
    assert.deepEqual(replies.map((reply) => reply.status).sort(), [201, 201, 409, 409, 409]);
    assert.equal(await api.balance(token), 0);
  });

  it('scopes keys per customer', async () => {
    const api = await setup();
    const ada = await api.token('c_ada');
    const { token: other } = await api.customer({ balance: 600 });
    await api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token: ada, key: 'shared' });
    const reply = await api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token: other, key: 'shared' });
    assert.equal(reply.status, 201);
    assert.equal(reply.headers.get('Idempotent-Replayed'), null);
    assert.equal(await api.balance(other), 100);
  });

  it('refuses the same key with another body: 422 idempotency-key-reused, nothing spent', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    await api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token, key: 'k' });
    await unchanged(api, async () => {
      problem(
        await api.post('/v1/redemptions', { rewardId: 'r_trees' }, { token, key: 'k' }),
        422,
        'idempotency-key-reused',
      );
    });
  });

  it('refuses another body with a key still in flight: 422', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const [first, second] = await Promise.all([
      api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token, key: 'k' }),
      api.post('/v1/redemptions', { rewardId: 'r_trees' }, { token, key: 'k' }),
    ]);
    // Which one runs first is up to the database (another process may hold the key): one wins.
    const [won, lost] = first.status === 201 ? [first, second] : [second, first];
    assert.equal(won.status, 201);
    problem(lost, 422, 'idempotency-key-reused');
    assert.equal(await api.balance(token), 1250 - won.body.redemption.pointsSpent);
  });

  it('does not store failures: a 409 retried with the same key runs again', async () => {
    const api = await setup();
    const { customerId, token } = await api.customer({ balance: 100 });
    problem(
      await api.post('/v1/redemptions', { rewardId: 'r_free_shipping' }, { token, key: 'retry' }),
      409,
      'insufficient-points',
    );
    await api.post('/demo/orders', { customerId, total: { amount: 20000, currency: 'USD' } });
    assert.equal(
      (await api.post('/v1/redemptions', { rewardId: 'r_free_shipping' }, { token, key: 'retry' })).status,
      201,
    );
  });

  describe('409', () => {
    it('insufficient-points', async () => {
      const api = await setup();
      const token = await api.token('c_bob');
      await unchanged(api, async () => {
        const reply = await api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token });
        problem(reply, 409, 'insufficient-points');
        assert.match(reply.body.detail, /500.*142/);
      });
    });

    it('tier-locked (reported before the balance)', async () => {
      const api = await setup();
      const ada = await api.token('c_ada');
      const bob = await api.token('c_bob');
      await unchanged(api, async () => {
        problem(await api.post('/v1/redemptions', { rewardId: 'r_preview' }, { token: ada }), 409, 'tier-locked');
        problem(await api.post('/v1/redemptions', { rewardId: 'r_socks' }, { token: bob }), 409, 'tier-locked');
      });
    });

    it('reward-unavailable: out of stock, coming soon, limit reached (with the reason)', async () => {
      const api = await setup();
      const ada = await api.token('c_ada');
      await unchanged(api, async () => {
        for (const [rewardId, reason] of [
          ['r_mug', 'out-of-stock'],
          ['r_styling', 'coming-soon'],
          ['r_candle', 'limit-reached'],
        ]) {
          const reply = await api.post('/v1/redemptions', { rewardId }, { token: ada });
          problem(reply, 409, 'reward-unavailable');
          assert.equal(reply.body.reason, reason);
        }
      });
    });

    it('reward-unavailable when the last unit is gone', async () => {
      const api = await setup();
      await api.storage.setStock('r_tote', 1);
      const first = await api.customer({ balance: 2000 });
      const second = await api.customer({ balance: 2000 });
      assert.equal((await api.post('/v1/redemptions', { rewardId: 'r_tote' }, { token: first.token })).status, 201);
      const reply = await api.post('/v1/redemptions', { rewardId: 'r_tote' }, { token: second.token });
      problem(reply, 409, 'reward-unavailable');
      assert.equal(reply.body.reason, 'out-of-stock');
      assert.equal(await api.balance(second.token), 2000);
    });
  });

  describe('refused input changes nothing', () => {
    it('404 unknown-reward', async () => {
      const api = await setup();
      const token = await api.token('c_ada');
      await unchanged(api, async () =>
        problem(await api.post('/v1/redemptions', { rewardId: 'r_nope' }, { token }), 404, 'unknown-reward'),
      );
    });

    it('400 for wrong types, missing and unknown fields, naming the field', async () => {
      const api = await setup();
      const token = await api.token('c_ada');
      const cases: [unknown, string][] = [
        [{}, 'rewardId'],
        [{ rewardId: 5 }, 'rewardId'],
        [{ rewardId: '' }, 'rewardId'],
        [{ rewardId: 'r_pay_with_points', points: '500' }, 'points'],
        [{ rewardId: 'r_pay_with_points', points: -100 }, 'points'],
        [{ rewardId: 'r_pay_with_points', points: 150.5 }, 'points'],
        [{ rewardId: 'r_pay_with_points', points: 0 }, 'points'],
        [{ rewardId: 'r_5_off', extra: true }, 'extra'],
        [[{ rewardId: 'r_5_off' }], 'body'],
        ['r_5_off', 'body'],
        [null, 'body'],
      ];
      await unchanged(api, async () => {
        for (const [body, field] of cases) {
          const reply = await api.post('/v1/redemptions', body, { token });
          problem(reply, 400, 'invalid-request');
          assert.equal(reply.body.field, field, JSON.stringify(body));
          assert.match(reply.body.detail, new RegExp(field === 'body' ? 'body' : field));
        }
      });
    });

    it('400 for points that do not fit the reward', async () => {
      const api = await setup();
      const token = await api.token('c_ada');
      await unchanged(api, async () => {
        for (const body of [
          { rewardId: 'r_pay_with_points' }, // required for a variable reward
          { rewardId: 'r_pay_with_points', points: 50 }, // below minPoints
          { rewardId: 'r_pay_with_points', points: 5100 }, // above maxPoints
          { rewardId: 'r_pay_with_points', points: 250 }, // off the step
          { rewardId: 'r_5_off', points: 500 }, // not a variable reward
        ]) {
          const reply = await api.post('/v1/redemptions', body, { token });
          problem(reply, 400, 'invalid-request');
          assert.equal(reply.body.field, 'points');
        }
      });
    });

    it('400 without an Idempotency-Key, or with an unusable one', async () => {
      const api = await setup();
      const token = await api.token('c_ada');
      await unchanged(api, async () => {
        const missing = await api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token, key: null });
        problem(missing, 400, 'idempotency-key-missing');
        assert.equal(missing.body.field, 'header.Idempotency-Key');
        problem(
          await api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token, key: 'has space' }),
          400,
          'idempotency-key-missing',
        );
        problem(
          await api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token, key: 'x'.repeat(256) }),
          400,
          'idempotency-key-missing',
        );
      });
    });

    it('400 invalid-json for a body that is not JSON', async () => {
      const api = await setup();
      const token = await api.token('c_ada');
      await unchanged(api, async () => {
        const reply = await api.request('/v1/redemptions', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': 'k' },
          body: '{"rewardId": ',
        });
        problem(reply, 400, 'invalid-json');
      });
    });

    it('415 for a body that is not application/json', async () => {
      const api = await setup();
      const token = await api.token('c_ada');
      await unchanged(api, async () => {
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp']) {
          const reply = await api.request('/v1/redemptions', {
            method: 'POST',
            headers: { 'Content-Type': type, Authorization: `Bearer ${token}`, 'Idempotency-Key': 'k' },
            body: JSON.stringify({ rewardId: 'r_5_off' }),
          });
          problem(reply, 415, 'unsupported-media-type');
        }
      });
      // A charset parameter is fine.
      const ok = await api.request('/v1/redemptions', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          Authorization: `Bearer ${token}`,
          'Idempotency-Key': 'k',
        },
        body: JSON.stringify({ rewardId: 'r_5_off' }),
      });
      assert.equal(ok.status, 201);
    });

    it('413 for a body over 16 KB, declared or streamed', async () => {
      const api = await setup();
      const token = await api.token('c_ada');
      const big = JSON.stringify({ rewardId: 'r_5_off', padding: 'x'.repeat(17 * 1024) });
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': 'k' };
      await unchanged(api, async () => {
        problem(await api.request('/v1/redemptions', { method: 'POST', headers, body: big }), 413, 'payload-too-large');
        // No Content-Length: the limit holds while reading.
        const stream = new ReadableStream({
          start(controller) {
            for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
            controller.close();
          },
        });
        const init = { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit;
        problem(await api.request('/v1/redemptions', init), 413, 'payload-too-large');
      });
    });

    it('401 before anything else for a missing token', async () => {
      const api = await setup();
      await unchanged(api, async () =>
        problem(await api.post('/v1/redemptions', { rewardId: 'r_5_off' }), 401, 'unauthorized'),
      );
    });
  });
});

describe('GET /v1/redemptions', () => {
  it("lists the customer's redemptions newest first", async () => {
    const api = await setup();
    const { body } = await api.get('/v1/redemptions', { token: await api.token('c_ada') });
    assert.deepEqual(
      body.redemptions.map((r: { rewardId: string }) => r.rewardId),
      ['r_candle', 'r_trees', 'r_free_shipping'],
    );
    const times = body.redemptions.map((r: { createdAt: string }) => Date.parse(r.createdAt));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    assert.deepEqual(
      body.redemptions.map((r: { used: boolean }) => r.used),
      [false, true, true],
    );
  });

  it('lists nothing for a customer without redemptions, and supports 304', async () => {
    const api = await setup();
    const token = await api.token('c_bob');
    const reply = await api.get('/v1/redemptions', { token });
    assert.deepEqual(reply.body, { redemptions: [] });
    assert.equal(
      (await api.get('/v1/redemptions', { token, headers: { 'If-None-Match': reply.headers.get('ETag')! } })).status,
      304,
    );
  });
});
