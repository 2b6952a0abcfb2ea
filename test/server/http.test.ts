// HTTP plumbing shared by every endpoint: CORS, unknown routes, wrong methods, error shape.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here; helpers/contract.ts checks each one against docs/openapi.yaml */
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { setup } from './helpers/api.ts';

const STORE = 'https://shop.example';

describe('CORS', () => {
  it('answers a preflight from an allowed origin with methods, headers and max-age', async () => {
    const api = await setup({ allowedOrigins: [STORE] });
    const reply = await api.request('/v1/redemptions', {
      method: 'OPTIONS',
      headers: {
        Origin: STORE,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
      },
    });
    assert.equal(reply.status, 204);
    assert.equal(reply.headers.get('Access-Control-Allow-Origin'), STORE);
    assert.match(reply.headers.get('Access-Control-Allow-Methods')!, /GET.*POST/);
    const allowed = reply.headers.get('Access-Control-Allow-Headers')!.toLowerCase();
    for (const name of ['authorization', 'content-type', 'idempotency-key', 'if-none-match', 'accept-language'])
      assert.ok(allowed.includes(name), name);
    assert.ok(Number(reply.headers.get('Access-Control-Max-Age')) > 0);
    assert.match(reply.headers.get('Vary')!, /Origin/);
  });

  it('exposes ETag and Retry-After on actual responses, errors included', async () => {
    const api = await setup({ allowedOrigins: [STORE] });
    for (const path of ['/v1/program', '/v1/me', '/nowhere']) {
      const reply = await api.get(path, { headers: { Origin: STORE } });
      assert.equal(reply.headers.get('Access-Control-Allow-Origin'), STORE, path);
      assert.match(reply.headers.get('Access-Control-Expose-Headers')!, /ETag/);
      assert.match(reply.headers.get('Access-Control-Expose-Headers')!, /Retry-After/);
      assert.match(reply.headers.get('Vary')!, /Origin/);
    }
  });

  it('gives a disallowed origin no CORS headers at all', async () => {
    const api = await setup({ allowedOrigins: [STORE] });
    const preflight = await api.request('/v1/me', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    const actual = await api.get('/v1/program', { headers: { Origin: 'https://evil.example' } });
    for (const reply of [preflight, actual]) {
      for (const [name] of reply.headers) assert.ok(!name.startsWith('access-control-'), name);
    }
    assert.equal(actual.status, 200, 'the server still answers; the browser blocks it');
  });

  it('allows any origin with "*" (reflected, so credentials would still work)', async () => {
    const api = await setup({ allowedOrigins: '*' });
    const reply = await api.get('/v1/program', { headers: { Origin: 'http://localhost:8000' } });
    assert.equal(reply.headers.get('Access-Control-Allow-Origin'), 'http://localhost:8000');
  });

  it('does not confuse an origin with a trailing slash in the configuration', async () => {
    const api = await setup({ allowedOrigins: [`${STORE}/`] });
    assert.equal(
      (await api.get('/v1/program', { headers: { Origin: STORE } })).headers.get('Access-Control-Allow-Origin'),
      STORE,
    );
  });
});

describe('routing', () => {
  it('answers unknown routes with a 404 problem', async () => {
    const api = await setup();
    for (const path of ['/', '/v1', '/v2/program', '/v1/programs', '/v1/rewards/r_5_off']) {
      const reply = await api.get(path);
      assert.equal(reply.status, 404, path);
      assert.equal(reply.headers.get('Content-Type'), 'application/problem+json');
      assert.deepEqual(Object.keys(reply.body).sort(), ['code', 'detail', 'status', 'title', 'type']);
      assert.equal(reply.body.code, 'not-found');
    }
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const api = await setup();
    const reply = await api.request('/v1/me', { method: 'DELETE' });
    assert.equal(reply.status, 405);
    assert.equal(reply.body.code, 'method-not-allowed');
    assert.equal(reply.headers.get('Allow'), 'GET, PATCH, OPTIONS');
    assert.equal((await api.request('/v1/feedback', { method: 'GET' })).headers.get('Allow'), 'POST, OPTIONS');
    assert.equal((await api.request('/v1/redemptions', { method: 'PUT' })).headers.get('Allow'), 'GET, POST, OPTIONS');
  });

  it('keeps demo and testing endpoints off unless asked for', async () => {
    const { app } = await setup({ demo: false, testing: false });
    // Straight to the app: the contract describes these endpoints as they are when switched on.
    const post = (path: string, body: unknown) =>
      app.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    assert.equal((await post('/demo/token', { customerId: 'c_ada' })).status, 404);
    assert.equal((await post('/demo/customers', {})).status, 404);
    assert.equal((await app.request('/test/requests')).status, 404);
    assert.equal((await post('/test/clock', { now: null })).status, 404);
  });

  it('turns an unexpected failure into a 500 problem without details', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    api.storage.getCustomer = () => Promise.reject(new Error('disk on fire'));
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const reply = await api.get('/v1/me', { token });
      assert.equal(reply.status, 500);
      assert.equal(reply.body.code, 'internal-error');
      assert.ok(!reply.text.includes('disk on fire'), 'internals stay in the log');
      assert.equal(logged.length, 1);
    } finally {
      console.error = original;
    }
  });
});
