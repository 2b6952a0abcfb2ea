// Customer tokens: HMAC-signed {sub, exp}; every way a token can be wrong is a 401 problem with
// a WWW-Authenticate challenge, on required and optional-token endpoints alike.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here; helpers/contract.ts checks each one against docs/openapi.yaml */
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { encodeJson } from '../../server/base64url.ts';
import { createTokenService } from '../../server/tokens.ts';
import { NOW, SECRET, setup, type Reply } from './helpers/api.ts';

const assertUnauthorized = (reply: Reply, detail: RegExp) => {
  assert.equal(reply.status, 401, reply.text);
  assert.equal(reply.headers.get('Content-Type'), 'application/problem+json');
  assert.equal(reply.body.code, 'unauthorized');
  assert.match(reply.body.detail, detail);
  assert.match(reply.headers.get('WWW-Authenticate')!, /^Bearer/);
};

describe('tokens', () => {
  it('round-trip, and refuse other secrets, other payloads and expiry', async () => {
    const tokens = createTokenService(SECRET);
    const exp = NOW.getTime() / 1000 + 60;
    const token = await tokens.sign({ sub: 'c_ada', exp });
    assert.deepEqual(await tokens.verify(token, NOW), { ok: true, claims: { sub: 'c_ada', exp } });
    assert.deepEqual(await createTokenService('another secret').verify(token, NOW), { ok: false, reason: 'signature' });
    const [, signature] = token.split('.');
    assert.deepEqual(await tokens.verify(`${encodeJson({ sub: 'c_bob', exp })}.${signature}`, NOW), {
      ok: false,
      reason: 'signature',
    });
    assert.deepEqual(await tokens.verify(token, new Date(exp * 1000)), { ok: false, reason: 'expired' });
    for (const bad of ['', 'abc', 'a.b.c', `${token}x`, `${token.split('.')[0]}.`, token.replace('.', '.!')]) {
      assert.equal((await tokens.verify(bad, NOW)).ok, false, bad);
    }
  });

  it('carry no secret: the payload is plain base64url JSON', async () => {
    const token = await createTokenService(SECRET).sign({ sub: 'c_ada', exp: 1 });
    assert.ok(!token.includes(SECRET));
    assert.deepEqual(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()), { sub: 'c_ada', exp: 1 });
  });

  it('refuse an empty secret', () => {
    assert.throws(() => createTokenService(''), /secret/);
  });
});

describe('authorization', () => {
  it('is required for /v1/me, activity, referral and redemptions', async () => {
    const api = await setup();
    for (const path of ['/v1/me', '/v1/activity', '/v1/referral', '/v1/redemptions']) {
      const reply = await api.get(path);
      assertUnauthorized(reply, /needs a customer token/);
      assert.equal(reply.headers.get('WWW-Authenticate'), 'Bearer realm="loyalty"');
    }
    assertUnauthorized(await api.post('/v1/redemptions', { rewardId: 'r_5_off' }), /needs a customer token/);
  });

  it('refuses a tampered token', async () => {
    const api = await setup();
    const token = await api.token('c_bob');
    const [, signature] = token.split('.');
    const forged = `${encodeJson({ sub: 'c_ada', exp: NOW.getTime() / 1000 + 3600 })}.${signature}`;
    const reply = await api.get('/v1/me', { token: forged });
    assertUnauthorized(reply, /signature/);
    assert.match(reply.headers.get('WWW-Authenticate')!, /error="invalid_token"/);
    const flipped = token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
    assertUnauthorized(await api.get('/v1/me', { token: flipped }), /signature|malformed/);
  });

  it('refuses malformed tokens and headers', async () => {
    const api = await setup();
    assertUnauthorized(await api.get('/v1/me', { token: 'not-a-token' }), /malformed/);
    assertUnauthorized(await api.get('/v1/me', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } }), /Bearer/);
    assertUnauthorized(await api.get('/v1/me', { headers: { Authorization: 'Bearer' } }), /Bearer/);
  });

  it('refuses an expired token (by the server clock)', async () => {
    const api = await setup();
    const token = await api.token('c_ada', 60);
    assert.equal((await api.get('/v1/me', { token })).status, 200);
    api.clock.now = new Date(NOW.getTime() + 60_000);
    assertUnauthorized(await api.get('/v1/me', { token }), /expired/);
  });

  it('refuses a valid signature for a customer that does not exist', async () => {
    const api = await setup();
    const token = await createTokenService(SECRET).sign({ sub: 'c_nobody', exp: NOW.getTime() / 1000 + 60 });
    assertUnauthorized(await api.get('/v1/me', { token }), /unknown customer/);
  });

  it('refuses a token signed with another secret', async () => {
    const api = await setup();
    const token = await createTokenService('someone else').sign({ sub: 'c_ada', exp: NOW.getTime() / 1000 + 60 });
    assertUnauthorized(await api.get('/v1/me', { token }), /signature/);
  });

  it('checks a token even where it is optional (rewards, feedback)', async () => {
    const api = await setup();
    assert.equal((await api.get('/v1/rewards')).status, 200);
    assertUnauthorized(await api.get('/v1/rewards', { token: 'broken' }), /malformed/);
    const answer = { id: crypto.randomUUID(), survey: 'nps', score: 9, answeredAt: NOW.toISOString() };
    assertUnauthorized(await api.post('/v1/feedback', answer, { token: 'broken' }), /malformed/);
    assert.equal((await api.post('/demo/feedback', {})).status, 404, 'GET only');
    assert.deepEqual((await api.get('/demo/feedback')).body.feedback, [], 'the refused answer was not stored');
  });
});
