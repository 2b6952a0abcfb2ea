// The server's small parts on their own: program file checks, language choice, locks,
// idempotency, base64url, storage copies.
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { decodeBase64url, encodeBase64url } from '../../server/base64url.ts';
import { demoProgram } from '../../server/demo-program.ts';
import { Idempotency } from '../../server/idempotency.ts';
import { loadProgramFile, spendTiersProgramPath } from '../../server/load-program.ts';
import { pickLanguage } from '../../server/locale.ts';
import { KeyedLock } from '../../server/locks.ts';
import { MemoryStorage } from '../../server/memory-storage.ts';
import { checkProgramFile, ProgramFileError } from '../../server/program-check.ts';
import type { ProgramFile } from '../../server/program.ts';
import { ApiError } from '../../server/problem.ts';

describe('program files', () => {
  it('accepts both shipped programs', async () => {
    assert.equal(demoProgram.program.name, 'Acme Rewards');
    assert.equal((await loadProgramFile(spendTiersProgramPath)).program.tierMetric, 'spend');
  });

  it('names the field at fault', () => {
    // Edits made through the typed file; `as never` where the edit is the mistake under test.
    const cases: [(file: ProgramFile) => void, RegExp][] = [
      [(f) => (f.rewards[3].cost = -1), /^my-program\.json: rewards\[3\]\.cost must be at least 0$/],
      [(f) => (f.rewards[0].kind = 'voucher' as never), /rewards\[0\]\.kind must be one of/],
      [(f) => (f.rewards[0].minTier = 'platinum'), /rewards\[0\]\.minTier is not a tier id/],
      [(f) => (f.rewards[1].id = f.rewards[0].id), /rewards: the id r_5_off is used twice/],
      [(f) => (f.rewards[0].value = { amount: 500, currency: 'EUR' }), /program currency USD/],
      [(f) => (f.program.tiers[1].threshold = 0), /thresholds rise with rank/],
      [(f) => (f.program.tiers[0].threshold = 10), /lowest-ranked tier must have threshold 0/],
      [(f) => (f.program.tierMetric = 'visits' as never), /program\.tierMetric/],
      [(f) => Object.assign(f.program, { typo: true }), /program\.typo is not a known field/],
      [
        (f) => (f.customers[0].redemptions![0].rewardId = 'gone'),
        /customers\[0\]\.redemptions\[0\]\.rewardId is not a reward id/,
      ],
      [
        (f) => (f.customers[0].activity![0].at = 'last week'),
        /customers\[0\]\.activity\[0\]\.at must be an ISO 8601 date-time or \{"days": n\}/,
      ],
      [(f) => (f.rewards[2].variable!.step = 300), /maxPoints must be minPoints plus a whole number of steps/],
    ];
    for (const [edit, message] of cases) {
      const file = structuredClone(demoProgram);
      edit(file);
      assert.throws(
        () => checkProgramFile(file, 'my-program.json'),
        (error: Error) => error instanceof ProgramFileError && message.test(error.message),
      );
    }
  });

  it('reports unreadable and non-JSON files by path', async () => {
    await assert.rejects(loadProgramFile('does/not/exist.json'), /Cannot read the program file does\/not\/exist\.json/);
    await assert.rejects(loadProgramFile(new URL(import.meta.url).pathname), /is not valid JSON/);
  });
});

describe('pickLanguage', () => {
  const pick = (header: string | undefined) => pickLanguage(header, 'en', ['es']);
  it('follows q-values, then order, and falls back to the base language', () => {
    assert.equal(pick(undefined), 'en');
    assert.equal(pick('es'), 'es');
    assert.equal(pick('es-AR'), 'es');
    assert.equal(pick('en, es'), 'en');
    assert.equal(pick('es;q=0.5, en;q=0.9'), 'en');
    assert.equal(pick('de, es;q=0.1'), 'es');
    assert.equal(pick('es;q=0'), 'en');
    assert.equal(pick('*'), 'en');
    assert.equal(pick(' ; , ,'), 'en');
  });
});

describe('KeyedLock', () => {
  it('runs tasks for one key one at a time, in order, and other keys freely', async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const task = (name: string, ms: number) => async () => {
      events.push(`${name}:start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(`${name}:end`);
      return name;
    };
    const results = await Promise.all([
      lock.run('a', task('a1', 20)),
      lock.run('a', task('a2', 1)),
      lock.run('b', task('b1', 1)),
    ]);
    assert.deepEqual(results, ['a1', 'a2', 'b1']);
    assert.ok(events.indexOf('a1:end') < events.indexOf('a2:start'));
    assert.ok(events.indexOf('b1:end') < events.indexOf('a1:end'), 'b did not wait for a');
  });

  it('keeps going after a task fails', async () => {
    const lock = new KeyedLock();
    await assert.rejects(
      lock.run('a', () => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.equal(await lock.run('a', async () => 'next'), 'next');
  });
});

describe('Idempotency', () => {
  it('runs once per key, replays, and refuses another fingerprint', async () => {
    const gate = new Idempotency(new MemoryStorage());
    let runs = 0;
    const execute = async () => ({ status: 201, body: { run: ++runs } });
    const request = { scope: 'c', key: 'k', fingerprint: 'f' };
    assert.deepEqual(await gate.run(request, execute), { status: 201, body: { run: 1 }, replayed: false });
    assert.deepEqual(await gate.run(request, execute), { status: 201, body: { run: 1 }, replayed: true });
    await assert.rejects(
      gate.run({ ...request, fingerprint: 'other' }, execute),
      (error: ApiError) => error.status === 422,
    );
    assert.equal(runs, 1);
  });

  it('runs a concurrent duplicate after the first, never alongside it, and stores no failure', async () => {
    const gate = new Idempotency(new MemoryStorage());
    let runs = 0;
    let running = 0;
    let most = 0;
    const failing = async () => {
      runs++;
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      throw new ApiError(409, 'insufficient-points', 'no');
    };
    const request = { scope: 'c', key: 'k', fingerprint: 'f' };
    const results = await Promise.allSettled([gate.run(request, failing), gate.run(request, failing)]);
    assert.deepEqual(
      results.map((result) => result.status),
      ['rejected', 'rejected'],
    );
    // A failure changed nothing, so the waiting duplicate (maybe in another process) runs again.
    assert.equal(runs, 2);
    assert.equal(most, 1, 'one at a time per key');
  });
});

describe('base64url', () => {
  it('round-trips bytes and refuses non-canonical text', () => {
    for (const length of [0, 1, 2, 3, 31, 32]) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      assert.deepEqual(decodeBase64url(encodeBase64url(bytes)), bytes);
    }
    assert.equal(encodeBase64url(new Uint8Array([251, 255])), '-_8');
    assert.equal(decodeBase64url('ab=='), null);
    assert.equal(decodeBase64url('a+b/'), null);
    assert.equal(decodeBase64url('A'), null);
    assert.equal(decodeBase64url('AB'), null, 'trailing bits set: not canonical');
    assert.deepEqual(decodeBase64url('AA'), new Uint8Array([0]));
  });
});

describe('MemoryStorage', () => {
  it('hands out copies, so callers cannot change stored state by accident', async () => {
    const storage = new MemoryStorage();
    const customer = {
      id: 'c',
      balance: 5,
      pending: 0,
      lifetimePoints: 5,
      lifetimeSpend: 0,
      expiring: [],
      referral: { code: 'C-1', invited: 0, converted: 0, pointsEarned: 0 },
      createdAt: '2025-01-01T00:00:00.000Z',
    };
    await storage.putCustomer(customer);
    customer.balance = 99;
    const read = (await storage.getCustomer('c'))!;
    assert.equal(read.balance, 5);
    read.balance = 42;
    assert.equal((await storage.getCustomer('c'))!.balance, 5);
  });

  it('takes the last unit of stock once', async () => {
    const storage = new MemoryStorage();
    await storage.setStock('r', 1);
    assert.deepEqual(await Promise.all([storage.takeStock('r'), storage.takeStock('r')]), [true, false]);
    assert.equal(await storage.takeStock('unlimited'), true);
  });
});
