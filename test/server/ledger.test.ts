// The ledger behind /admin/v1 over real HTTP, on every storage engine (memory, the embedded
// PGlite, and a PostgreSQL server when DATABASE_URL is set): refunds take back points in
// proportion and never below zero, pending order points mature once, referral rewards go to an
// advocate once per friend, and the merchant keeps a customer's email and birthday.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- response bodies are untyped JSON here; helpers/contract.ts checks each one against docs/openapi.yaml */
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { createApi } from '../../server/app.ts';
import { demoProgram } from '../../server/demo-program.ts';
import type { ProgramFile } from '../../server/program.ts';
import { describe, it } from './helpers/node-test.ts';
import { client, listen, NOW, SECRET, setup } from './helpers/api.ts';
import { closeTestDatabases, type Engine } from './helpers/storage.ts';

const ADMIN_KEY = 'admin-key-0123456789abcdef0123456789';
const DAY = 86_400_000;
const usd = (amount: number) => ({ amount, currency: 'USD' });

const engines: Engine[] = ['memory', 'pglite', ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])];
after(closeTestDatabases);

/** A fresh API on `engine`, served on a loopback port, with admin calls at hand. */
async function ledger(engine: Engine, program: ProgramFile = demoProgram) {
  const api = await listen(await setup({ engine, program, adminKey: ADMIN_KEY }));
  const auth = { token: ADMIN_KEY };
  const admin = {
    put: (path: string, body: unknown) =>
      api.request(path, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    post: (path: string, body: unknown, key?: string) => api.post(path, body, { ...auth, ...(key ? { key } : {}) }),
    get: (path: string) => api.get(path, auth),
  };
  const customer = async (id: string, fields: Record<string, unknown> = {}) => {
    assert.equal((await admin.put(`/admin/v1/customers/${id}`, fields)).status, 201);
    return (await admin.post('/admin/v1/tokens', { customerId: id })).body.token as string;
  };
  const me = async (token: string) => (await api.get('/v1/me', { token })).body.points;
  const activity = async (token: string) => (await api.get('/v1/activity', { token })).body.items;
  return { api, admin, customer, me, activity };
}

/** The demo program with a change to its `program` part. */
const programWith = (change: Partial<ProgramFile['program']>): ProgramFile => ({
  ...demoProgram,
  program: { ...demoProgram.program, ...change },
});

for (const engine of engines) {
  describe(`ledger on ${engine}`, () => {
    it('a refund takes back the points in proportion, once per key; beyond the total it is refused and changes nothing', async () => {
      const { api, admin, customer, me, activity } = await ledger(engine);
      try {
        const token = await customer('c_refund');
        const order = { orderId: 'o_r1', customerId: 'c_refund', total: usd(10_000) };
        assert.equal((await admin.post('/admin/v1/orders', order)).body.points, 100);
        const key = crypto.randomUUID();
        const first = await admin.post('/admin/v1/orders/o_r1/refunds', { amount: usd(2_500) }, key);
        assert.equal(first.status, 201);
        assert.equal(first.body.pointsTakenBack, 25);
        assert.equal(first.body.pointsUnrecovered, 0);
        const again = await admin.post('/admin/v1/orders/o_r1/refunds', { amount: usd(2_500) }, key);
        assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
        assert.deepEqual(again.body, first.body);
        assert.equal((await me(token)).balance, 75, 'taken back once');
        assert.deepEqual(
          (await activity(token))
            .filter((item: { type: string }) => item.type === 'adjust')
            .map((i: { points: number }) => i.points),
          [-25],
        );

        const before = await api.storage.snapshot();
        const tooMuch = await admin.post('/admin/v1/orders/o_r1/refunds', { amount: usd(7_501) }, crypto.randomUUID());
        assert.equal(tooMuch.status, 409);
        assert.equal(tooMuch.headers.get('Content-Type'), 'application/problem+json');
        assert.equal(tooMuch.body.code, 'refund-exceeds-order');
        assert.deepEqual(await api.storage.snapshot(), before, 'nothing changed');
        const unknown = await admin.post('/admin/v1/orders/o_nope/refunds', { amount: usd(1) }, crypto.randomUUID());
        assert.equal(unknown.body.code, 'unknown-order');

        // The rest of the order: 7,500 of 10,000 cents back makes 100 points back in all.
        const rest = await admin.post('/admin/v1/orders/o_r1/refunds', { amount: usd(7_500) }, crypto.randomUUID());
        assert.equal(rest.body.pointsTakenBack, 75);
        assert.deepEqual(rest.body.refundedTotal, usd(10_000));
        assert.equal((await me(token)).balance, 0);
      } finally {
        await api.close();
      }
    });

    it('a refund never drives the balance below zero: what was spent is recorded as not taken back', async () => {
      const { api, admin, customer, me, activity } = await ledger(engine);
      try {
        const token = await customer('c_spent');
        await admin.post('/admin/v1/orders', { orderId: 'o_s1', customerId: 'c_spent', total: usd(10_000) });
        const spend = { customerId: 'c_spent', points: -90, reason: 'Spent at the till' };
        assert.equal((await admin.post('/admin/v1/adjustments', spend, crypto.randomUUID())).status, 201);
        const refund = await admin.post('/admin/v1/orders/o_s1/refunds', { amount: usd(10_000) }, crypto.randomUUID());
        assert.equal(refund.status, 201);
        assert.equal(refund.body.pointsTakenBack, 10);
        assert.equal(refund.body.pointsUnrecovered, 90);
        assert.equal(refund.body.balance, 0);
        assert.equal((await me(token)).balance, 0);
        const [order] = await api.storage.findOrders('o_s1');
        assert.equal(order?.pointsUnrecovered, 90, 'kept on the order');
        const item = (await activity(token)).find((i: { description: string }) => i.description.includes('o_s1'));
        assert.match(item.description, /90 points already spent/);
        assert.equal(item.points, -10);
      } finally {
        await api.close();
      }
    });

    it('pending order points cannot be spent, show as pending, and mature once after pendingDays even with runs racing', async () => {
      const { api, admin, customer, me, activity } = await ledger(engine, programWith({ pendingDays: 14 }));
      // A second app on the same storage: two job runners at once, as two processes would be.
      const other = client(
        createApi({
          program: programWith({ pendingDays: 14 }),
          secret: SECRET,
          allowedOrigins: '*',
          testing: true,
          storage: api.storage,
          now: () => new Date(api.clock.now),
        }),
      );
      try {
        const token = await customer('c_wait');
        const order = await admin.post('/admin/v1/orders', {
          orderId: 'o_p1',
          customerId: 'c_wait',
          total: usd(60_000),
        });
        assert.deepEqual(order.body, { orderId: 'o_p1', points: 600, status: 'pending' });
        assert.deepEqual(await me(token), { balance: 0, pending: 600, lifetime: 0, expiring: [] });
        const [earned] = await activity(token);
        assert.equal(earned.pending, true);
        assert.equal(earned.points, 600);
        const redeem = await api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token });
        assert.equal(redeem.body.code, 'insufficient-points', 'pending points cannot be spent');
        // A partial refund while pending takes back from the pending points.
        await admin.post('/admin/v1/orders/o_p1/refunds', { amount: usd(10_000) }, crypto.randomUUID());
        assert.equal((await me(token)).pending, 500);

        api.clock.now = new Date(NOW.getTime() + 13 * DAY);
        assert.equal((await api.post('/test/jobs', {})).body.matured, 0, 'not yet');
        api.clock.now = new Date(NOW.getTime() + 14 * DAY);
        const runs = await Promise.all([
          api.post('/test/jobs', {}),
          other.post('/test/jobs', {}),
          api.post('/test/jobs', {}),
        ]);
        assert.equal(
          runs.reduce((sum, run) => sum + (run.body.matured as number), 0),
          500,
          'matured once',
        );
        const later = (await admin.post('/admin/v1/tokens', { customerId: 'c_wait' })).body.token as string;
        assert.deepEqual(await me(later), { balance: 500, pending: 0, lifetime: 500, expiring: [] });
        const [released] = await activity(later);
        assert.equal(released.type, 'earn');
        assert.equal(released.points, 500);
        assert.equal(released.pending, undefined);
        assert.equal((await api.post('/v1/redemptions', { rewardId: 'r_5_off' }, { token: later })).status, 201);
      } finally {
        await api.close();
      }
    });

    it("a friend's first order with a referral code rewards the advocate once and the friend; self-referral and later orders do not", async () => {
      const { api, admin, customer, me } = await ledger(engine, {
        ...demoProgram,
        program: { ...demoProgram.program, referral: { ...demoProgram.program.referral, friendPoints: 100 } },
      });
      try {
        const ada = await api.token('c_ada');
        const start = (await me(ada)).balance;
        const stats = async () => (await api.get('/v1/referral', { token: ada })).body.stats;
        const converted = (await stats()).converted;
        const friend = await customer('c_friend', { firstName: 'Fay' });
        const order = (orderId: string, customerId = 'c_friend', referralCode = 'ADA-7K2Q') =>
          admin.post('/admin/v1/orders', { orderId, customerId, total: usd(2_000), referralCode });
        // Two "first" orders of one friend racing: one of them is the first.
        await Promise.all([order('o_f1'), order('o_f2')]);
        assert.equal((await me(ada)).balance, start + 500, 'the advocate once');
        assert.equal((await stats()).converted, converted + 1);
        assert.equal((await me(friend)).balance, 100 + 20 + 20, "the friend's bonus and both orders' points");
        await order('o_f3');
        assert.equal((await me(ada)).balance, start + 500, 'a later order rewards nothing');

        assert.equal(
          (
            await admin.post('/admin/v1/orders', {
              orderId: 'o_self',
              customerId: 'c_ada',
              total: usd(100),
              referralCode: 'ADA-7K2Q',
            })
          ).status,
          201,
        );
        const self = await customer('c_self');
        const code = (await api.get('/v1/referral', { token: self })).body.code;
        await order('o_self2', 'c_self', code);
        assert.equal((await me(self)).balance, 20, 'only the order: no reward for one’s own code');
        assert.equal((await stats()).converted, converted + 1);
      } finally {
        await api.close();
      }
    });

    it("keeps a customer's email and birthday from the merchant, and refuses bad ones without changing anything", async () => {
      const { api, admin } = await ledger(engine);
      try {
        const created = await admin.put('/admin/v1/customers/c_mail', {
          firstName: 'Mo',
          email: 'mo@shop.example',
          birthday: '1990-02-28',
        });
        assert.equal(created.status, 201);
        assert.equal(created.body.email, 'mo@shop.example');
        const fixed = await admin.put('/admin/v1/customers/c_mail', { birthday: '1990-03-01' });
        assert.equal(fixed.status, 200);
        assert.equal(fixed.body.email, 'mo@shop.example', 'kept when not sent');
        const token = (await admin.post('/admin/v1/tokens', { customerId: 'c_mail' })).body.token;
        assert.equal((await api.get('/v1/me', { token })).body.birthday, '1990-03-01');
        const before = await api.storage.snapshot();
        for (const [body, field] of [
          [{ email: 'not an email' }, 'email'],
          [{ birthday: '1990-02-30' }, 'birthday'],
          [{ birthday: '2999-01-01' }, 'birthday'],
        ] as const) {
          const refused = await admin.put('/admin/v1/customers/c_mail', body);
          assert.equal(refused.status, 400);
          assert.equal(refused.body.field, field);
        }
        assert.deepEqual(await api.storage.snapshot(), before);
      } finally {
        await api.close();
      }
    });
  });
}
