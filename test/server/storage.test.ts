// The SQL storage on the embedded engine (always) and on a PostgreSQL server (when DATABASE_URL
// is set): migrations run once, the ledger refuses what a ledger must, two apps over one database
// never spend twice, and reopening keeps everything.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { describe, it } from './helpers/node-test.ts';
import { createApi } from '../../server/app.ts';
import { demoProgram } from '../../server/demo-program.ts';
import { openStorage } from '../../server/open-storage.ts';
import { openDatabase, type Database } from '../../server/sql/engine.ts';
import { openSqlStorage } from '../../server/sql-storage.ts';
import { client, SECRET } from './helpers/api.ts';

const engines = [
  { name: 'PGlite (embedded)', open: (dataDir: string) => openDatabase({ dataDir }) },
  ...(process.env.DATABASE_URL
    ? [{ name: 'PostgreSQL server', open: () => openDatabase({ url: process.env.DATABASE_URL }) }]
    : []),
];

for (const engine of engines) {
  describe(`SQL storage on ${engine.name}`, () => {
    let dir: string;
    let db: Database;
    const schema = `t_${crypto.randomUUID().replaceAll('-', '')}`;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'loyalty-storage-'));
      db = await engine.open(join(dir, 'data'));
    });
    after(async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('migrates and seeds a schema once, however often it is opened', async () => {
      let seeded = 0;
      const seed = async () => void seeded++;
      await Promise.all([openSqlStorage(db, { schema, seed }), openSqlStorage(db, { schema, seed })]);
      await openSqlStorage(db, { schema, seed });
      assert.equal(seeded, 1);
      const rows = await db.query(`SELECT id, name FROM "${schema}".migrations`);
      assert.deepEqual(rows, [
        { id: 1, name: 'ledger' },
        { id: 2, name: 'birthday' },
        { id: 3, name: 'orders' },
      ]);
    });

    it('keeps movements append-only and no balance below zero', async () => {
      const storage = await openSqlStorage(db, { schema });
      const customer = {
        id: 'c_x',
        balance: 10,
        pending: 0,
        lifetimePoints: 10,
        lifetimeSpend: 0,
        expiring: [],
        referral: { code: 'X', invited: 0, converted: 0, pointsEarned: 0 },
        createdAt: new Date().toISOString(),
      };
      await storage.putCustomer(customer);
      await storage.addActivity('c_x', {
        id: 'act_1',
        type: 'earn',
        points: 10,
        description: 'Order 1',
        createdAt: customer.createdAt,
      });
      await assert.rejects(db.query(`UPDATE "${schema}".movements SET points = 1000`), /append-only/);
      await assert.rejects(db.query(`DELETE FROM "${schema}".movements`), /append-only/);
      await assert.rejects(storage.putCustomer({ ...customer, balance: -1 }), /check constraint/);
      assert.equal((await storage.getCustomer('c_x'))?.balance, 10);
    });

    it('two apps on one database: concurrent redemptions never overspend; one key redeems once', async () => {
      const shared = `${schema}_apps`;
      const open = () => openSqlStorage(db, { schema: shared });
      const [one, two] = [await open(), await open()].map((storage) =>
        client(createApi({ program: demoProgram, secret: SECRET, allowedOrigins: '*', demo: true, storage })),
      );
      const { token } = (await one.post('/demo/customers', { balance: 2000 })).body;
      const key = crypto.randomUUID();
      const replies = await Promise.all([
        ...Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? one : two).post('/v1/redemptions', { rewardId: 'r_5_off' }, { token }),
        ),
        ...Array.from({ length: 4 }, (_, i) =>
          (i % 2 ? one : two).post('/v1/redemptions', { rewardId: 'r_5_off' }, { token, key }),
        ),
      ]);
      const codes = new Set(replies.filter((r) => r.status === 201).map((r) => r.body.redemption.code as string));
      assert.equal(codes.size, 4, '2000 points buy four $5 rewards');
      assert.equal(await two.balance(token), 0);
      assert.equal((await one.get('/v1/redemptions', { token })).body.redemptions.length, 4);
    });

    it('keeps the birthday a shopper gave, once, in the database', async () => {
      const storage = await openSqlStorage(db, { schema: `${schema}_birthday` });
      const api = client(createApi({ program: demoProgram, secret: SECRET, allowedOrigins: '*', demo: true, storage }));
      const { token, customerId } = (await api.post('/demo/customers', {})).body;
      const patch = (birthday: string) =>
        api.request('/v1/me', {
          method: 'PATCH',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ birthday }),
        });
      assert.equal((await patch('1990-05-17')).status, 200);
      assert.equal((await patch('1991-01-01')).status, 409);
      assert.equal((await storage.getCustomer(customerId))?.birthday, '1990-05-17');
      assert.equal((await api.get('/v1/me', { token })).body.birthday, '1990-05-17');
    });

    if (engine.name.startsWith('PGlite'))
      it('keeps everything in its data directory across a restart', async () => {
        // Nested and not there yet, as `.loyalty-data/demo` on a fresh clone.
        const dataDir = join(dir, 'fresh', 'restart');
        const first = await openStorage({ dataDir }, demoProgram);
        const api = client(
          createApi({ program: demoProgram, secret: SECRET, allowedOrigins: '*', demo: true, storage: first.storage }),
        );
        const token = await api.token('c_ada');
        const code = (await api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token })).body.redemption.code;
        await first.close();
        const second = await openStorage({ dataDir }, demoProgram);
        const again = client(
          createApi({ program: demoProgram, secret: SECRET, allowedOrigins: '*', storage: second.storage }),
        );
        assert.equal(await again.balance(token), 750, 'not seeded again: the redemption is kept');
        assert.deepEqual(
          (await again.get('/v1/redemptions', { token })).body.redemptions.map((r: { code: string }) => r.code).at(0),
          code,
        );
        await second.close();
      });
  });
}
