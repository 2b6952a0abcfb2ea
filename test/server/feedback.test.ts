// POST /v1/feedback: one record per answer id, merged on resend; guest answers; replays by key.
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here; helpers/contract.ts checks each one against docs/openapi.yaml */
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { NOW, setup, type TestApi } from './helpers/api.ts';

const answer = (fields: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  survey: 'nps',
  score: 9,
  answeredAt: NOW.toISOString(),
  ...fields,
});

async function stored(api: TestApi) {
  return (await api.get('/demo/feedback')).body.feedback as Record<string, unknown>[];
}

describe('POST /v1/feedback', () => {
  it('records a customer answer: 201 with the NPS category', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const sent = answer({
      score: 10,
      comment: 'Love it',
      orderId: '1094',
      page: '/order/1094/thanks',
      locale: 'en-GB',
    });
    const reply = await api.post('/v1/feedback', sent, { token });
    assert.equal(reply.status, 201);
    assert.deepEqual(reply.body, { id: sent.id, category: 'promoter' });
    const [record] = await stored(api);
    assert.deepEqual(record, {
      ...sent,
      customerId: 'c_ada',
      receivedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
  });

  it('categorizes 0–6 detractor, 7–8 passive, 9–10 promoter', async () => {
    const api = await setup();
    const categories = [];
    for (let score = 0; score <= 10; score++)
      categories.push((await api.post('/v1/feedback', answer({ score }))).body.category);
    assert.deepEqual(categories, [...Array(7).fill('detractor'), 'passive', 'passive', 'promoter', 'promoter']);
  });

  it('records a guest answer (no token) with no customer', async () => {
    const api = await setup();
    const sent = answer({ score: 3, orderId: 'guest-77' });
    const reply = await api.post('/v1/feedback', sent);
    assert.equal(reply.status, 201);
    assert.deepEqual(reply.body, { id: sent.id, category: 'detractor' });
    assert.equal((await stored(api))[0].customerId, null);
  });

  it('merges a resend of the same id: 200, fields sent overwrite, absent fields stay, one record', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const first = answer({ score: 6 });
    await api.post('/v1/feedback', first, { token });
    api.clock.now = new Date(NOW.getTime() + 5000);
    const update = await api.post(
      '/v1/feedback',
      { id: first.id, survey: 'nps', comment: 'Shipping was slow', answeredAt: NOW.toISOString() },
      { token },
    );
    assert.equal(update.status, 200);
    assert.deepEqual(update.body, { id: first.id, category: 'detractor' });
    const records = await stored(api);
    assert.equal(records.length, 1);
    assert.equal(records[0].score, 6);
    assert.equal(records[0].comment, 'Shipping was slow');
    assert.equal(records[0].receivedAt, NOW.toISOString());
    assert.equal(records[0].updatedAt, api.clock.now.toISOString());
  });

  it('keeps the comment when a late score-only retry arrives', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const full = answer({ score: 8, comment: 'Good, but pricey' });
    await api.post('/v1/feedback', full, { token });
    const late = await api.post(
      '/v1/feedback',
      { id: full.id, survey: 'nps', score: 8, answeredAt: full.answeredAt },
      { token },
    );
    assert.equal(late.status, 200);
    const records = await stored(api);
    assert.equal(records.length, 1);
    assert.equal(records[0].comment, 'Good, but pricey');
  });

  it('never lets a send older than the stored answer take back a changed score', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const later = new Date(NOW.getTime() + 3000).toISOString();
    const first = answer({ score: 3 });
    await api.post('/v1/feedback', { ...first, score: 9, answeredAt: later, comment: 'Changed my mind' }, { token });
    // The first send (score 3), held back by the network, arrives last.
    const late = await api.post('/v1/feedback', { ...first, page: '/thanks' }, { token });
    assert.equal(late.status, 200);
    assert.deepEqual(late.body, { id: first.id, category: 'promoter' });
    const [record] = await stored(api);
    assert.equal(record.score, 9);
    assert.equal(record.answeredAt, later);
    assert.equal(record.comment, 'Changed my mind');
    assert.equal(record.page, '/thanks', 'what the answer lacked is filled in');
  });

  it('updates the category when the score changes', async () => {
    const api = await setup();
    const first = answer({ score: 2, editKey: 'guest-device-secret-0123456789' });
    await api.post('/v1/feedback', first);
    assert.deepEqual((await api.post('/v1/feedback', { ...first, score: 9 })).body, {
      id: first.id,
      category: 'promoter',
    });
  });

  it('replays a request with the same Idempotency-Key, and refuses the key for another body', async () => {
    const api = await setup();
    const sent = answer({ score: 7 });
    const first = await api.post('/v1/feedback', sent, { key: 'fb-1' });
    const again = await api.post('/v1/feedback', sent, { key: 'fb-1' });
    assert.equal(again.status, 201, 'the first answer (201), not an update (200)');
    assert.equal(again.text, first.text);
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
    assert.equal((await stored(api)).length, 1);
    const reused = await api.post('/v1/feedback', { ...sent, score: 1 }, { key: 'fb-1' });
    assert.equal(reused.status, 422);
    assert.equal(reused.body.code, 'idempotency-key-reused');
    assert.equal((await stored(api))[0].score, 7);
  });

  it('requires score the first time an id is sent, and nothing is stored', async () => {
    const api = await setup();
    const before = await api.storage.snapshot();
    const noScore = answer({ score: undefined }); // JSON drops it
    const reply = await api.post('/v1/feedback', noScore);
    assert.equal(reply.status, 400);
    assert.equal(reply.body.field, 'score');
    assert.deepEqual(await api.storage.snapshot(), before);
  });

  it('refuses invalid answers with 400 naming the field, storing nothing', async () => {
    const api = await setup();
    const cases: [Record<string, unknown>, string][] = [
      [answer({ id: 'not-a-uuid' }), 'id'],
      [answer({ survey: 'csat' }), 'survey'],
      [answer({ score: 11 }), 'score'],
      [answer({ score: -1 }), 'score'],
      [answer({ score: 7.5 }), 'score'],
      [answer({ score: '9' }), 'score'],
      [answer({ comment: 'x'.repeat(2001) }), 'comment'],
      [answer({ comment: 42 }), 'comment'],
      [answer({ answeredAt: 'yesterday' }), 'answeredAt'],
      [answer({ answeredAt: '2025-06-01T12:00:00' }), 'answeredAt'],
      [answer({ locale: 'not a locale' }), 'locale'],
      [answer({ rating: 5 }), 'rating'],
      [{ survey: 'nps', score: 9, answeredAt: NOW.toISOString() }, 'id'],
    ];
    const before = await api.storage.snapshot();
    for (const [body, field] of cases) {
      const reply = await api.post('/v1/feedback', body);
      assert.equal(reply.status, 400, `${field}: ${reply.text}`);
      assert.equal(reply.body.field, field);
    }
    assert.deepEqual(await api.storage.snapshot(), before);
  });

  it('accepts a comment of exactly 2,000 characters', async () => {
    const api = await setup();
    assert.equal((await api.post('/v1/feedback', answer({ comment: 'x'.repeat(2000) }))).status, 201);
  });

  it("lets nobody else change a customer's answer (409 feedback-conflict)", async () => {
    const api = await setup();
    const sent = answer({ score: 10, comment: 'Great' });
    await api.post('/v1/feedback', sent, { token: await api.token('c_ada') });
    const byBob = await api.post('/v1/feedback', { ...sent, score: 0 }, { token: await api.token('c_bob') });
    assert.equal(byBob.status, 409);
    assert.equal(byBob.body.code, 'feedback-conflict');
    assert.equal((await api.post('/v1/feedback', { ...sent, score: 0 })).status, 409, 'nor a guest');
    assert.equal((await stored(api))[0].score, 10);
  });

  it("changes a guest answer only with the guest's own key; never adopted by a customer", async () => {
    const api = await setup();
    const editKey = 'guest-device-secret-0123456789';
    const sent = answer({ score: 9, comment: 'Mine', editKey });
    assert.equal((await api.post('/v1/feedback', sent)).status, 201);
    const attempts = [
      { body: { ...sent, editKey: undefined, score: 0 }, token: undefined, who: 'a guest without the key' },
      { body: { ...sent, editKey: 'someone-elses-secret-0123456789', score: 0 }, token: undefined, who: 'another key' },
      { body: { ...sent, editKey: undefined, score: 0 }, token: await api.token('c_bob'), who: 'a customer' },
      { body: { ...sent, score: 0 }, token: await api.token('c_bob'), who: 'a customer with the key' },
    ];
    for (const { body, token, who } of attempts) {
      const reply = await api.post('/v1/feedback', body, token ? { token } : {});
      assert.equal(reply.status, 409, who);
      assert.equal(reply.body.code, 'feedback-conflict', who);
    }
    assert.deepEqual(
      (await stored(api)).map(({ score, comment, customerId }) => ({ score, comment, customerId })),
      [{ score: 9, comment: 'Mine', customerId: null }],
      'unchanged',
    );
    const own = await api.post('/v1/feedback', { ...sent, comment: 'Changed by me' });
    assert.equal(own.status, 200);
    const [record] = await stored(api);
    assert.equal(record.comment, 'Changed by me');
    assert.equal(record.guestKey, undefined, 'the key (nor its hash) is never listed');
    assert.ok(!JSON.stringify(record).includes(editKey));
  });

  it('keeps a guest answer sent without a key unchangeable', async () => {
    const api = await setup();
    const sent = answer({ score: 9 });
    await api.post('/v1/feedback', sent);
    assert.equal((await api.post('/v1/feedback', { ...sent, score: 1 })).status, 409);
    assert.equal((await stored(api))[0].score, 9);
  });

  it('requires an Idempotency-Key', async () => {
    const api = await setup();
    const reply = await api.post('/v1/feedback', answer(), { key: null });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.code, 'idempotency-key-missing');
  });

  it('answers concurrent sends of one answer with one record', async () => {
    const api = await setup();
    const sent = answer({ score: 9, comment: 'hi', editKey: 'guest-device-secret-0123456789' });
    const replies = await Promise.all([
      api.post('/v1/feedback', sent),
      api.post('/v1/feedback', { ...sent, comment: undefined }),
    ]);
    assert.deepEqual(replies.map((reply) => reply.status).sort(), [200, 201]);
    const records = await stored(api);
    assert.equal(records.length, 1);
    assert.equal(records[0].comment, 'hi');
  });
});
