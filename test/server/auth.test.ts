// Customer tokens: HS256 JWTs {sub, iat, exp}; every way a token can be wrong is a 401 problem with
// a WWW-Authenticate challenge, on required and optional-token endpoints alike.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here; helpers/contract.ts checks each one against docs/openapi.yaml */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from './helpers/node-test.ts';
import { createTokenService } from '../../server/tokens.ts';
import { NOW, SECRET, setup, type Reply } from './helpers/api.ts';

const assertUnauthorized = (reply: Reply, detail: RegExp) => {
  assert.equal(reply.status, 401, reply.text);
  assert.equal(reply.headers.get('Content-Type'), 'application/problem+json');
  assert.equal(reply.body.code, 'unauthorized');
  assert.match(reply.body.detail, detail);
  assert.match(reply.headers.get('WWW-Authenticate')!, /^Bearer/);
};

/** A JWT made by hand with Node's crypto, as a merchant's backend in any language would. */
const handMade = (claims: Record<string, unknown>, secret = SECRET, header: object = { alg: 'HS256', typ: 'JWT' }) => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${part(header)}.${part(claims)}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
};
const iat = NOW.getTime() / 1000;
const OTHER_SECRET = 'another-secret-for-rotation-0123456789';

describe('tokens', () => {
  it('round-trip, and refuse other secrets, other payloads and expiry', async () => {
    const tokens = createTokenService(SECRET);
    const exp = iat + 60;
    const token = await tokens.sign({ sub: 'c_ada', iat, exp });
    assert.deepEqual(await tokens.verify(token, NOW), { ok: true, claims: { sub: 'c_ada', iat, exp } });
    assert.deepEqual(await createTokenService(OTHER_SECRET).verify(token, NOW), { ok: false, reason: 'signature' });
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'c_bob', iat, exp })).toString('base64url');
    assert.deepEqual(await tokens.verify(`${header}.${forged}.${signature}`, NOW), { ok: false, reason: 'signature' });
    assert.deepEqual(await tokens.verify(token, new Date(exp * 1000)), { ok: false, reason: 'expired' });
    for (const bad of ['', 'abc', 'a.b', 'a.b.c', `${token}x`, `${token.split('.').slice(0, 2).join('.')}.`]) {
      assert.equal((await tokens.verify(bad, NOW)).ok, false, bad);
    }
  });

  it('are standard HS256 JWTs with sub, iat and exp, and carry no secret', async () => {
    const token = await createTokenService(SECRET).sign({ sub: 'c_ada', iat: 1, exp: 2 });
    assert.ok(!token.includes(SECRET));
    const decode = (part = ''): unknown => JSON.parse(Buffer.from(part, 'base64url').toString());
    const [header, payload] = token.split('.');
    assert.deepEqual(decode(header), { alg: 'HS256', typ: 'JWT' });
    assert.deepEqual(decode(payload), { sub: 'c_ada', iat: 1, exp: 2 });
  });

  it('refuse an empty secret and any secret under 32 bytes', () => {
    assert.throws(() => createTokenService(''), /secret/);
    assert.throws(() => createTokenService('x'.repeat(31)), /31 bytes.*at least 32/);
    assert.throws(() => createTokenService(`${SECRET},${'x'.repeat(8)}`), /secret 2 of 2/);
    assert.doesNotThrow(() => createTokenService('x'.repeat(32)));
  });

  it('refuse alg none, another algorithm, and a token without iat', async () => {
    const tokens = createTokenService(SECRET);
    const claims = { sub: 'c_ada', iat, exp: iat + 60 };
    assert.equal((await tokens.verify(handMade(claims), NOW)).ok, true);
    const none = `${handMade(claims, SECRET, { alg: 'none', typ: 'JWT' }).split('.').slice(0, 2).join('.')}.`;
    assert.deepEqual(await tokens.verify(none, NOW), { ok: false, reason: 'malformed' });
    assert.deepEqual(await tokens.verify(handMade(claims, SECRET, { alg: 'HS512', typ: 'JWT' }), NOW), {
      ok: false,
      reason: 'malformed',
    });
    assert.deepEqual(await tokens.verify(handMade({ sub: 'c_ada', exp: iat + 60 }), NOW), {
      ok: false,
      reason: 'malformed',
    });
  });
});

describe('customer JWTs over HTTP', () => {
  it('accepts a token a backend made by hand with an HMAC (no JWT library)', async () => {
    const api = await setup();
    const reply = await api.get('/v1/me', { token: handMade({ sub: 'c_ada', iat, exp: iat + 600 }) });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.customer.id, 'c_ada');
  });

  it('rotation: signs with the first secret and accepts every listed one', async () => {
    const api = await setup({ secret: `${OTHER_SECRET}, ${SECRET}` });
    const old = handMade({ sub: 'c_ada', iat, exp: iat + 600 });
    assert.equal((await api.get('/v1/me', { token: old })).status, 200, 'a token signed with the old secret');
    const minted = await api.token('c_ada');
    assert.equal((await createTokenService(OTHER_SECRET).verify(minted, NOW)).ok, true, 'new tokens use the first');
    assert.equal((await createTokenService(SECRET).verify(minted, NOW)).ok, false);
    const dropped = await setup({ secret: OTHER_SECRET });
    assertUnauthorized(await dropped.get('/v1/me', { token: old }), /signature/);
  });

  it('refuses a token living longer than 24 hours, or issued in the future', async () => {
    const api = await setup();
    assert.equal((await api.get('/v1/me', { token: handMade({ sub: 'c_ada', iat, exp: iat + 86_400 }) })).status, 200);
    for (const claims of [
      { sub: 'c_ada', iat, exp: iat + 86_401 },
      { sub: 'c_ada', iat: iat + 3600, exp: iat + 7200 },
    ]) {
      const reply = await api.get('/v1/me', { token: handMade(claims) });
      assertUnauthorized(reply, /24 hours/);
    }
    const demo = await api.post('/demo/token', { customerId: 'c_ada', ttlSeconds: 86_401 });
    assert.equal(demo.status, 400);
    assert.equal(demo.body.field, 'ttlSeconds');
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
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'c_ada', iat, exp: iat + 3600 })).toString('base64url');
    const forged = `${header}.${payload}.${signature}`;
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
    const token = await createTokenService(SECRET).sign({ sub: 'c_nobody', iat, exp: iat + 60 });
    assertUnauthorized(await api.get('/v1/me', { token }), /unknown customer/);
  });

  it('refuses a token signed with another secret', async () => {
    const api = await setup();
    const token = await createTokenService(OTHER_SECRET).sign({ sub: 'c_ada', iat, exp: iat + 60 });
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
