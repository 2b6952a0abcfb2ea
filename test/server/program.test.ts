// GET /v1/program: public, cacheable with ETag/304, translated on Accept-Language.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here; helpers/contract.ts checks each one against docs/openapi.yaml */
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { loadProgramFile, spendTiersProgramPath } from '../../server/load-program.ts';
import { setup } from './helpers/api.ts';

describe('GET /v1/program', () => {
  it('describes the demo program without a token', async () => {
    const api = await setup();
    const { status, body, headers } = await api.get('/v1/program');
    assert.equal(status, 200);
    assert.equal(body.name, 'Acme Rewards');
    assert.equal(body.currency, 'USD');
    assert.deepEqual(body.pointsLabel, { one: 'point', other: 'points' });
    assert.deepEqual(body.earnRate, { points: 1, per: { amount: 100, currency: 'USD' } });
    assert.deepEqual(
      body.tiers.map((t: { id: string; threshold: number; multiplier: number; metric: string }) => [
        t.id,
        t.threshold,
        t.multiplier,
        t.metric,
      ]),
      [
        ['bronze', 0, 1, 'points'],
        ['silver', 1000, 1.25, 'points'],
        ['gold', 2500, 1.5, 'points'],
      ],
    );
    const kinds = new Set(body.waysToEarn.map((w: { kind: string }) => w.kind));
    assert.deepEqual([...kinds].sort(), ['birthday', 'custom', 'purchase', 'referral', 'review', 'signup', 'social']);
    assert.equal(body.joinUrl, '/account/join');
    assert.equal(body.signInUrl, '/account/sign-in');
    assert.match(headers.get('Cache-Control')!, /public/);
    assert.equal(headers.get('Content-Language'), 'en');
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const api = await setup();
    const first = await api.get('/v1/program');
    const etag = first.headers.get('ETag')!;
    assert.match(etag, /^"[A-Za-z0-9_-]{43}"$/, 'a strong ETag (SHA-256, base64url)');
    const second = await api.get('/v1/program', { headers: { 'If-None-Match': etag } });
    assert.equal(second.status, 304);
    assert.equal(second.text, '');
    assert.equal(second.headers.get('ETag'), etag);
    // A list of tags, and the weak form of ours, match too (weak comparison, RFC 9110).
    assert.equal((await api.get('/v1/program', { headers: { 'If-None-Match': `"other", W/${etag}` } })).status, 304);
    assert.equal((await api.get('/v1/program', { headers: { 'If-None-Match': '"stale"' } })).status, 200);
  });

  it('says what it varies on', async () => {
    const api = await setup();
    const vary = (await api.get('/v1/program')).headers.get('Vary')!;
    for (const name of ['Accept-Language', 'Authorization', 'Origin']) assert.match(vary, new RegExp(name));
  });

  it('translates names for Accept-Language: es, with its own ETag', async () => {
    const api = await setup();
    const en = await api.get('/v1/program', { headers: { 'Accept-Language': 'en-US' } });
    const es = await api.get('/v1/program', { headers: { 'Accept-Language': 'es-MX,es;q=0.9,en;q=0.5' } });
    assert.equal(es.body.name, 'Recompensas Acme');
    assert.deepEqual(es.body.pointsLabel, { one: 'punto', other: 'puntos' });
    assert.deepEqual(
      es.body.tiers.map((t: { name: string }) => t.name),
      ['Bronce', 'Plata', 'Oro'],
    );
    assert.equal(es.headers.get('Content-Language'), 'es');
    assert.notEqual(es.headers.get('ETag'), en.headers.get('ETag'));
    // Untranslated strings fall back to the file's own.
    assert.equal(es.body.currency, 'USD');
  });

  it('prefers English when the client ranks it above Spanish, and ignores unknown languages', async () => {
    const api = await setup();
    assert.equal(
      (await api.get('/v1/program', { headers: { 'Accept-Language': 'es;q=0.4, en;q=0.8' } })).body.name,
      'Acme Rewards',
    );
    assert.equal(
      (await api.get('/v1/program', { headers: { 'Accept-Language': 'fr, de' } })).body.name,
      'Acme Rewards',
    );
    assert.equal(
      (await api.get('/v1/program', { headers: { 'Accept-Language': 'fr, es;q=0.5' } })).body.name,
      'Recompensas Acme',
    );
  });

  it('reports a spend program: thresholds in minor units, metric "spend"', async () => {
    const api = await setup({ program: await loadProgramFile(spendTiersProgramPath) });
    const { body } = await api.get('/v1/program');
    assert.equal(body.currency, 'EUR');
    assert.deepEqual(
      body.tiers.map((t: { threshold: number; metric: string }) => [t.threshold, t.metric]),
      [
        [0, 'spend'],
        [50000, 'spend'],
        [150000, 'spend'],
      ],
    );
    assert.equal(body.joinUrl, undefined);
  });

  it('still answers when a (valid) token is sent', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    assert.equal((await api.get('/v1/program', { token })).status, 200);
  });
});
