// GET /v1/activity: newest first, paged by an opaque cursor that survives new items.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here; helpers/contract.ts checks each one against docs/openapi.yaml */
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { setup, type TestApi } from './helpers/api.ts';

interface Item {
  id: string;
  type: string;
  points: number;
  createdAt: string;
}

async function allPages(
  api: TestApi,
  token: string,
  limit: number,
): Promise<{ pages: Item[][]; cursors: (string | null)[] }> {
  const pages: Item[][] = [];
  const cursors: (string | null)[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const reply = await api.get(`/v1/activity${query}`, { token });
    assert.equal(reply.status, 200, reply.text);
    pages.push(reply.body.items);
    cursor = reply.body.nextCursor;
    cursors.push(cursor);
  } while (cursor);
  return { pages, cursors };
}

describe('GET /v1/activity', () => {
  it("returns Ada's 30 items newest first, 20 by default", async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const { body } = await api.get('/v1/activity', { token });
    assert.equal(body.items.length, 20);
    assert.equal(typeof body.nextCursor, 'string');
    const times = body.items.map((item: Item) => Date.parse(item.createdAt));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    const types = new Set((await allPages(api, token, 100)).pages.flat().map((item) => item.type));
    assert.deepEqual([...types].sort(), ['adjust', 'bonus', 'earn', 'expire', 'redeem', 'referral', 'tier-change']);
  });

  it('pages through every item exactly once, and sums to the balance', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const { pages, cursors } = await allPages(api, token, 7);
    assert.deepEqual(
      pages.map((page) => page.length),
      [7, 7, 7, 7, 2],
    );
    assert.equal(cursors.at(-1), null);
    const items = pages.flat();
    assert.equal(new Set(items.map((item) => item.id)).size, 30);
    assert.equal(
      items.reduce((sum, item) => sum + item.points, 0),
      1250,
    );
  });

  it('ends with nextCursor null when the page holds the rest exactly', async () => {
    const api = await setup();
    const token = await api.token('c_bob');
    assert.equal((await api.get('/v1/activity?limit=2', { token })).body.nextCursor, null);
    assert.equal((await api.get('/v1/activity?limit=1', { token })).body.items.length, 1);
  });

  it('keeps later pages stable when new items arrive meanwhile (same timestamps too)', async () => {
    const api = await setup();
    const { customerId, token } = await api.customer({ balance: 0 });
    for (let i = 0; i < 5; i++)
      await api.post('/demo/orders', {
        customerId,
        orderId: `o${i}`,
        total: { amount: 100 * (i + 1), currency: 'USD' },
      });
    const first = (await api.get('/v1/activity?limit=2', { token })).body;
    assert.deepEqual(
      first.items.map((item: Item) => item.points),
      [5, 4],
    );
    await api.post('/demo/orders', { customerId, orderId: 'late', total: { amount: 900, currency: 'USD' } });
    const second = (await api.get(`/v1/activity?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`, { token }))
      .body;
    assert.deepEqual(
      second.items.map((item: Item) => item.points),
      [3, 2],
    );
  });

  it('refuses a limit out of range or not an integer (400, field query.limit)', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    for (const limit of ['0', '101', '-1', '2.5', 'ten', '', '1e2']) {
      const reply = await api.get(`/v1/activity?limit=${limit}`, { token });
      assert.equal(reply.status, 400, limit);
      assert.equal(reply.body.code, 'invalid-request');
      assert.equal(reply.body.field, 'query.limit');
    }
    assert.equal((await api.get('/v1/activity?limit=100', { token })).body.items.length, 30);
  });

  it('refuses a cursor it did not give out (400 invalid-cursor)', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const valid = (await api.get('/v1/activity?limit=2', { token })).body.nextCursor as string;
    for (const cursor of [
      'nonsense',
      '!!!',
      Buffer.from('{"t":"yesterday","i":1}').toString('base64url'),
      valid.slice(0, -3),
      `${valid}=`,
    ]) {
      const reply = await api.get(`/v1/activity?cursor=${encodeURIComponent(cursor)}`, { token });
      assert.equal(reply.status, 400, cursor);
      assert.equal(reply.body.code, 'invalid-cursor');
      assert.equal(reply.body.field, 'query.cursor');
    }
  });

  it('supports ETag/304', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const first = await api.get('/v1/activity?limit=5', { token });
    assert.equal(
      (await api.get('/v1/activity?limit=5', { token, headers: { 'If-None-Match': first.headers.get('ETag')! } }))
        .status,
      304,
    );
  });
});
