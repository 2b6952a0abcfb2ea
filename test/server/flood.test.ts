// A flood of anonymous answers of maximum size against a server on the SQL storage (PGlite always,
// PostgreSQL when DATABASE_URL is set), over real HTTP: what it stores stays bounded (rows by the
// per-address limit, bytes per stored reply by the digest), stored replies expire, and /healthz
// follows the database.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { describe, it } from './helpers/node-test.ts';
import { createApi, type ApiOptions } from '../../server/app.ts';
import { Catalog } from '../../server/catalog.ts';
import { Clock } from '../../server/clock.ts';
import type { Deps } from '../../server/deps.ts';
import { demoProgram } from '../../server/demo-program.ts';
import { runJobs } from '../../server/jobs.ts';
import { createNodeListener } from '../../server/node.ts';
import { seedStorage } from '../../server/seed.ts';
import { openDatabase, type Database } from '../../server/sql/engine.ts';
import { openSqlStorage } from '../../server/sql-storage.ts';
import { SECRET } from './helpers/api.ts';
import { loadContract } from './helpers/contract.ts';

const engines = [
  { name: 'PGlite (embedded)', open: () => openDatabase({}) },
  ...(process.env.DATABASE_URL
    ? [{ name: 'PostgreSQL server', open: () => openDatabase({ url: process.env.DATABASE_URL }) }]
    : []),
];

const LIMIT = 20;
const POSTS = 60;

/** The largest answer the API takes: every text field at its maximum. */
const biggest = () => ({
  id: crypto.randomUUID(),
  survey: 'nps',
  score: 3,
  comment: 'c'.repeat(2000),
  orderId: 'o'.repeat(128),
  page: `https://shop.example/${'p'.repeat(2020)}`,
  locale: 'en-US',
  answeredAt: new Date().toISOString(),
  editKey: 'k'.repeat(128),
});

async function serve(db: Database, schema: string, options: Partial<ApiOptions> = {}) {
  const seed = (storage: Parameters<typeof seedStorage>[0]) =>
    seedStorage(storage, new Catalog(demoProgram, new Date()));
  const storage = await openSqlStorage(db, { schema, seed });
  const api = createApi({ program: demoProgram, secret: SECRET, allowedOrigins: [], storage, ...options });
  const listener = createNodeListener(api);
  const server: Server = createServer((request, response) => void listener(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, storage, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

for (const engine of engines) {
  describe(`anonymous flood on ${engine.name}`, () => {
    let db: Database;
    const schema = `flood_${crypto.randomUUID().replaceAll('-', '')}`;
    before(async () => {
      db = await engine.open();
    });
    after(async () => {
      await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await db.close();
    });

    it(`keeps ${LIMIT} answers and small replies out of ${POSTS} maximum-size posts; replies expire`, async () => {
      const server = await serve(db, schema, { feedbackRateLimit: { limit: LIMIT, windowMs: 60_000 } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < POSTS; i++) {
          const response = await fetch(`${server.url}/v1/feedback`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
            body: JSON.stringify(biggest()),
          });
          await response.arrayBuffer();
          statuses.push(response.status);
        }
        assert.equal(statuses.filter((status) => status === 201).length, LIMIT);
        assert.equal(statuses.filter((status) => status === 429).length, POSTS - LIMIT);

        const [feedback] = await db.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM "${schema}".feedback`);
        assert.equal(feedback.rows, LIMIT);
        const [replies] = await db.query<{ rows: number; bytes: number }>(
          `SELECT count(*)::int AS rows,
                  max(octet_length(scope) + octet_length(key) + octet_length(fingerprint) + octet_length(body))::int AS bytes
           FROM "${schema}".responses`,
        );
        assert.equal(replies.rows, LIMIT);
        // Each request carried about 4.4 KB; its stored reply keeps a digest and {id, category}.
        assert.ok(replies.bytes < 200, `a stored reply holds ${replies.bytes} bytes`);

        // The cleanup job drops replies older than 72 hours.
        await db.query(`UPDATE "${schema}".responses SET created_at = now() - interval '73 hours'`);
        await runJobs({ storage: server.storage, clock: new Clock() } as unknown as Deps);
        const [left] = await db.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM "${schema}".responses`);
        assert.equal(left.rows, 0);
      } finally {
        await server.close();
      }
    });

    it('GET /healthz: 200 while the database answers, 503 problem+json once it does not', async () => {
      const own = await engine.open();
      const server = await serve(own, schema);
      try {
        const contract = await loadContract();
        const health = async () => {
          const response = await fetch(`${server.url}/healthz`);
          const reply = { status: response.status, headers: response.headers, text: await response.text() };
          contract.check('GET', '/healthz', reply);
          return { ...reply, body: JSON.parse(reply.text) as { status?: string; code?: string } };
        };
        const ok = await health();
        assert.equal(ok.status, 200);
        assert.deepEqual(ok.body, { status: 'ok' });
        await own.close();
        const down = await health();
        assert.equal(down.status, 503);
        assert.equal(down.headers.get('Content-Type'), 'application/problem+json');
        assert.equal(down.body.code, 'service-unavailable');
      } finally {
        await server.close();
      }
    });
  });
}
