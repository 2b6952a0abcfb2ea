// Testing endpoints (faults, request log, clock) and the test host's per-scope isolation.
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here; helpers/contract.ts checks each one against docs/openapi.yaml */
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { loadProgramFile, spendTiersProgramPath } from '../../server/load-program.ts';
import { createTestHost } from '../../server/test-host.ts';
import { client, NOW, SECRET, setup } from './helpers/api.ts';

describe('POST /test/faults', () => {
  it('answers the next N matching requests with the status and Retry-After, then recovers', async () => {
    const api = await setup();
    const armed = await api.post('/test/faults', { path: '/v1/program', times: 2, status: 503, retryAfter: 2 });
    assert.equal(armed.status, 201);
    for (let i = 0; i < 2; i++) {
      const reply = await api.get('/v1/program');
      assert.equal(reply.status, 503);
      assert.equal(reply.body.code, 'service-unavailable');
      assert.equal(reply.headers.get('Retry-After'), '2');
    }
    assert.equal((await api.get('/v1/program')).status, 200);
  });

  it('matches the method when given, and never uses a fault up on a preflight', async () => {
    const api = await setup();
    await api.post('/test/faults', { method: 'post', path: '/v1/redemptions', status: 429, retryAfter: 1 });
    const token = await api.token('c_ada');
    assert.equal(
      (
        await api.request('/v1/redemptions', {
          method: 'OPTIONS',
          headers: { Origin: 'http://localhost', 'Access-Control-Request-Method': 'POST' },
        })
      ).status,
      204,
    );
    assert.equal((await api.get('/v1/redemptions', { token })).status, 200);
    const limited = await api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.code, 'rate-limited');
    assert.equal(await api.balance(token), 1250, 'the faulted request did nothing');
  });

  it('answers a made-up body with 200, for malformed-response tests', async () => {
    const api = await setup();
    await api.post('/test/faults', { path: '/v1/me', body: { customer: 'not an object' } });
    const reply = await api.app.request('/v1/me');
    assert.equal(reply.status, 200);
    assert.deepEqual(await reply.json(), { customer: 'not an object' });
  });

  it('rewrites the real answer: fields set (with * for every item), removed, and unknown ones added', async () => {
    const api = await setup();
    await api.post('/test/faults', {
      path: '/v1/rewards',
      rewrite: { set: { 'rewards.0.kind': 'mystery-box' }, remove: ['rewards.*.description'], extras: true },
    });
    // Off the contract on purpose: read without the contract check.
    const reply = await api.app.request('/v1/rewards');
    assert.equal(reply.status, 200);
    const body = (await reply.json()) as { rewards: Record<string, unknown>[] };
    assert.equal(body.rewards[0].kind, 'mystery-box');
    assert.ok(body.rewards.every((reward) => !('description' in reward) && 'x-added-later' in reward));
    assert.ok('x-added-later' in body);
    assert.equal((await api.get('/v1/rewards')).body.rewards[0].kind, 'discount', 'only the next answer');
  });

  it('delays answers by delayMs', async () => {
    const api = await setup();
    await api.post('/test/faults', { path: '/v1/program', delayMs: 80 });
    const started = performance.now();
    assert.equal((await api.get('/v1/program')).status, 200);
    assert.ok(performance.now() - started >= 75);
  });

  it('holds a reply made at once until released: a read made before a write that arrives after it', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    await api.post('/test/faults', { method: 'GET', path: '/v1/me', hold: true });
    const read = api.get('/v1/me', { token });
    while ((await api.get('/test/held')).body.held === 0) await new Promise((wake) => setTimeout(wake, 5));
    const redeemed = await api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token });
    assert.equal(redeemed.status, 201);
    assert.deepEqual((await api.post('/test/release', {})).body, { released: 1 });
    const reply = await read;
    assert.equal(reply.status, 200);
    assert.equal(reply.body.points.balance, 1250, 'the balance as it was when the read was answered');
    assert.equal(await api.balance(token), 750);
    assert.equal((await api.post('/test/faults', { path: '/v1/me', hold: true, status: 500 })).status, 400);
  });

  it('refuses a fault that would do nothing, and clears on DELETE', async () => {
    const api = await setup();
    assert.equal((await api.post('/test/faults', { path: '/v1/me' })).status, 400);
    assert.equal((await api.post('/test/faults', { path: 'v1/me', status: 500 })).body.field, 'path');
    await api.post('/test/faults', { path: '/v1/program', status: 500, times: 5 });
    assert.equal((await api.request('/test/faults', { method: 'DELETE' })).status, 204);
    assert.equal((await api.get('/v1/program')).status, 200);
  });
});

describe('GET /test/requests', () => {
  it('logs every request with what coalescing and retry tests need', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    await api.request('/test/requests', { method: 'DELETE' });
    const etag = (await api.get('/v1/program')).headers.get('ETag')!;
    await api.get('/v1/program', { headers: { 'If-None-Match': etag } });
    await api.get('/v1/activity?limit=5', { token });
    await api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token, key: 'k-1' });
    const { requests } = (await api.get('/test/requests')).body;
    assert.deepEqual(requests, [
      { method: 'GET', path: '/v1/program', query: {}, status: 200, authorization: false },
      { method: 'GET', path: '/v1/program', query: {}, status: 304, ifNoneMatch: etag, authorization: false },
      { method: 'GET', path: '/v1/activity', query: { limit: '5' }, status: 200, authorization: true },
      { method: 'POST', path: '/v1/redemptions', query: {}, status: 201, idempotencyKey: 'k-1', authorization: true },
    ]);
    assert.equal((await api.request('/test/requests', { method: 'DELETE' })).status, 204);
    assert.deepEqual((await api.get('/test/requests')).body.requests, []);
  });
});

describe('POST /test/clock', () => {
  it('sets and unsets the server clock', async () => {
    const api = await setup();
    const set = await api.post('/test/clock', { now: '2030-01-01T00:00:00Z' });
    assert.deepEqual(set.body, { now: '2030-01-01T00:00:00.000Z' });
    const token = await api.token('c_bob');
    const [item] =
      (await api.post('/demo/orders', { total: { amount: 100, currency: 'USD' } }, { token })) &&
      (await api.get('/v1/activity?limit=1', { token })).body.items;
    assert.equal(item.createdAt, '2030-01-01T00:00:00.000Z');
    const unset = await api.post('/test/clock', { now: null });
    assert.equal(unset.body.now, NOW.toISOString(), 'back to the clock the app was made with');
    assert.equal((await api.post('/test/clock', {})).status, 400);
    assert.equal((await api.post('/test/clock', { now: 'soon' })).body.field, 'now');
  });
});

describe('createTestHost', () => {
  const host = createTestHost({ secret: SECRET });

  it('serves the shared app at /api and an isolated app per scope at /api/s/<scope>', async () => {
    const a = client(host, { prefix: '/api/s/scope-a' });
    const b = client(host, { prefix: '/api/s/scope-b' });
    const shared = client(host, { prefix: '/api' });
    assert.equal((await shared.get('/v1/program')).body.name, 'Acme Rewards');

    const tokenA = await a.token('c_ada');
    await a.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token: tokenA });
    assert.equal(await a.balance(tokenA), 750);
    assert.equal(await b.balance(await b.token('c_ada')), 1250, 'scope b has its own storage');
    assert.equal(await shared.balance(await shared.token('c_ada')), 1250);

    await a.post('/test/faults', { path: '/v1/program', status: 500 });
    assert.equal((await b.get('/v1/program')).status, 200, 'faults stay in their scope');
    assert.equal((await a.get('/v1/program')).status, 500);

    const logB = (await b.get('/test/requests')).body.requests.map((r: { path: string }) => r.path);
    assert.ok(!logB.includes('/v1/redemptions'), 'request logs stay in their scope');
  });

  it('runs another program in scopes named after it', async () => {
    const spendHost = createTestHost({
      secret: SECRET,
      scopePrograms: { spend: await loadProgramFile(spendTiersProgramPath) },
    });
    assert.equal((await client(spendHost, { prefix: '/api/s/spend-1' }).get('/v1/program')).body.name, 'Maison Club');
    assert.equal((await client(spendHost, { prefix: '/api/s/other-1' }).get('/v1/program')).body.name, 'Acme Rewards');
  });

  it('keeps a scope across requests and strips the prefix (query strings too)', async () => {
    const scoped = client(host, { prefix: `/api/s/${crypto.randomUUID()}` });
    const { customerId, token } = await scoped.customer({ balance: 10 });
    const page = await scoped.get('/v1/activity?limit=1', { token });
    assert.equal(page.body.items.length, 1);
    assert.equal((await scoped.get('/v1/me', { token })).body.customer.id, customerId);
  });

  it('allows any local origin, and answers outside /api with a 404 problem', async () => {
    const reply = await host.request('/api/s/cors/v1/program', { headers: { Origin: 'http://127.0.0.1:41234' } });
    assert.equal(reply.headers.get('Access-Control-Allow-Origin'), 'http://127.0.0.1:41234');
    const outside = await host.request('/v1/program');
    assert.equal(outside.status, 404);
    assert.equal(outside.headers.get('Content-Type'), 'application/problem+json');
    assert.equal((await host.request('/api/s/bad%20scope/v1/program')).status, 400);
  });

  it('passes request bodies through to the scoped app', async () => {
    const reply = await host.request('/api/s/body/demo/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ customerId: 'c_bob' }),
    });
    assert.equal(reply.status, 201);
  });
});
