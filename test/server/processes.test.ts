// Two API processes on one PostgreSQL database, over real ports: bursts of redemptions and of one
// order split across both never spend or award twice, and a restart of both keeps everything.
// Needs a PostgreSQL server (DATABASE_URL; .ci/run starts one); skipped without.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- response bodies are untyped JSON here */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from './helpers/node-test.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const url = process.env.DATABASE_URL;

function apiProcess(schema: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/server/helpers/api-process.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, DATABASE_URL: url, LOYALTY_DB_SCHEMA: schema },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const base = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
      const found = /listening on (\S+)/.exec(out)?.[1];
      if (found) resolve(found);
    });
    void exited.then(() => reject(new Error('the API process exited before listening')));
  });
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function call(base: string, path: string, init: { token?: string; key?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.key) headers['Idempotency-Key'] = init.key;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: await response.json() };
}

const START = 10_000;
const COST = 500; // r_5_off

describe('two API processes on one PostgreSQL', () => {
  it('bursts of redemptions and one order across both: no double spend or award; a restart keeps everything', async (test) => {
    if (!url) return test.skip('set DATABASE_URL to a PostgreSQL server');
    const schema = `proc_${crypto.randomUUID().replaceAll('-', '')}`;
    let apis = [apiProcess(schema), apiProcess(schema)];
    try {
      let [a, b] = await Promise.all(apis.map((api) => api.base));
      const { customerId, token } = (await call(a, '/demo/customers', { body: { balance: START } })).body;
      const bases = [a, b];

      // 30 distinct keys and 10 copies of one shared key, alternating between the processes.
      const shared = crypto.randomUUID();
      const distinct = Array.from({ length: 30 }, (_, i) =>
        call(bases[i % 2], '/v1/redemptions', { token, key: crypto.randomUUID(), body: { rewardId: 'r_5_off' } }),
      );
      const same = Array.from({ length: 10 }, (_, i) =>
        call(bases[i % 2], '/v1/redemptions', { token, key: shared, body: { rewardId: 'r_5_off' } }),
      );
      const replies = await Promise.all([...distinct, ...same]);
      for (const reply of replies) assert.ok([201, 409].includes(reply.status), JSON.stringify(reply));
      const sharedReplies = replies.slice(30);
      assert.ok(sharedReplies.every((reply) => reply.status === sharedReplies[0].status));
      const codes = new Set(replies.filter((reply) => reply.status === 201).map((reply) => reply.body.redemption.code));
      const spent = codes.size; // the shared key's replays carry its one code
      const me = (await call(b, '/v1/me', { token })).body;
      assert.equal(me.points.balance, START - spent * COST);
      assert.ok(me.points.balance >= 0);
      const listed = (await call(a, '/v1/redemptions', { token })).body.redemptions;
      assert.equal(listed.length, spent, 'one redemption per success; the shared key once');
      assert.equal(spent, Math.min(START / COST, 31));

      // One order posted 10 times to both: awarded once.
      const order = { customerId, orderId: `o_${crypto.randomUUID()}`, total: { amount: 5000, currency: 'USD' } };
      const orders = await Promise.all(
        Array.from({ length: 10 }, (_, i) => call(bases[i % 2], '/demo/orders', { body: order })),
      );
      assert.equal(orders.filter((reply) => reply.status === 201).length, 1);
      assert.ok(orders.every((reply) => reply.status === 201 || reply.status === 200));
      const awarded = orders[0].body.pointsAwarded as number;
      assert.ok(awarded > 0);
      const after = (await call(a, '/v1/me', { token })).body.points.balance as number;
      assert.equal(after, START - spent * COST + awarded);
      const feedbackId = crypto.randomUUID();
      const answer = { id: feedbackId, survey: 'nps', score: 9, answeredAt: new Date().toISOString() };
      assert.equal((await call(b, '/v1/feedback', { token, key: crypto.randomUUID(), body: answer })).status, 201);

      // Restart both: every balance, code and answer is still there.
      await Promise.all(apis.map((api) => api.stop()));
      apis = [apiProcess(schema), apiProcess(schema)];
      [a, b] = await Promise.all(apis.map((api) => api.base));
      assert.equal((await call(b, '/v1/me', { token })).body.points.balance, after);
      const kept = (await call(a, '/v1/redemptions', { token })).body.redemptions;
      assert.deepEqual(new Set(kept.map((r: { code: string }) => r.code)), codes);
      const feedback = (await call(a, '/demo/feedback')).body.feedback;
      assert.ok(feedback.some((item: { id: string; score: number }) => item.id === feedbackId && item.score === 9));
      const replay = await call(b, '/demo/orders', { body: order });
      assert.equal(replay.status, 200, 'the order is still recorded: nothing awarded again');
    } finally {
      await Promise.all(apis.map((api) => api.stop()));
    }
  });
});
