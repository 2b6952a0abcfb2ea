// npm run bench:server: how many redemptions and `GET /v1/me` reads a second the reference API
// answers, with p50/p99 latency, on the embedded engine (PGlite) and on PostgreSQL
// (DATABASE_URL), with one and two API processes, on loopback under bounded load; then the
// double-spend check: every customer's balance is its start less successes × cost, and it holds
// exactly as many redemptions as succeeded.
// BENCH_SECONDS (8) per measurement, BENCH_CONCURRENCY (32) requests in flight.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad, type LoadResult } from './load.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const CUSTOMERS = 64;
const START = 500_000;
const COST = 500; // r_5_off in the demo program
const SECRET = `bench-${randomUUID()}-${randomUUID()}`;

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** The few answer fields the bench reads. */
interface Reply {
  customerId?: string;
  token?: string;
  points?: { balance: number };
  redemptions?: unknown[];
}

/** One request on a kept-alive loopback connection; the status and the parsed body. */
function call(url: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers: Record<string, string> = {};
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (payload !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Idempotency-Key'] = randomUUID();
  }
  return new Promise<{ status: number; body: Reply }>((resolve, reject) => {
    const req = request(url, { method: init.method ?? (payload ? 'POST' : 'GET'), headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : {}) as Reply }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function apiProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/server/api-process.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, LOYALTY_TOKEN_SECRET: SECRET, ...env },
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
  return { base, pid: child.pid!, stop: () => (child.kill('SIGTERM'), exited) };
}

/**
 * CPU time (user + system, ms) the processes used so far, from /proc (Linux; 0 elsewhere). On a
 * shared machine requests/s depend on what else runs; CPU per request does not, much.
 */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

interface Measured extends LoadResult {
  /** API processes' CPU per request, ms. */
  cpu: number;
}

interface Row {
  engine: string;
  processes: number;
  redeem: Measured;
  read: Measured;
  doubleSpends: number;
  successes: number;
}

async function measure(engine: string, env: Record<string, string>, processes: number): Promise<Row> {
  // One process first (it creates and seeds the schema), then the others on the same database.
  const first = apiProcess(env);
  const apis = [first];
  const bases = [await first.base];
  for (let i = 1; i < processes; i++) {
    const api = apiProcess(env);
    apis.push(api);
    bases.push(await api.base);
  }
  try {
    const customers: { id: string; token: string }[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const made = await call(`${bases[0]}/demo/customers`, { body: { balance: START } });
      customers.push({ id: made.body.customerId!, token: made.body.token! });
    }
    const pick = (n: number) => ({ base: bases[n % bases.length], customer: customers[n % CUSTOMERS] });
    const load = { concurrency: CONCURRENCY, durationMs: SECONDS * 1000 };
    // Warm-up: connections, prepared plans, JIT.
    await runLoad({ ...load, durationMs: 1000 }, async (_w, n) => {
      const { base, customer } = pick(n);
      return (await call(`${base}/v1/me`, { token: customer.token })).status;
    });
    const pids = apis.map((api) => api.pid);
    const measured = async (work: () => Promise<LoadResult>): Promise<Measured> => {
      const before = cpuMs(pids);
      const result = await work();
      return { ...result, cpu: (cpuMs(pids) - before) / result.requests };
    };
    const read = await measured(() =>
      runLoad(load, async (_w, n) => {
        const { base, customer } = pick(n);
        return (await call(`${base}/v1/me`, { token: customer.token })).status;
      }),
    );
    const successes = new Map<string, number>();
    const redeem = await measured(() =>
      runLoad(load, async (_w, n) => {
        const { base, customer } = pick(n);
        const reply = await call(`${base}/v1/redemptions`, { token: customer.token, body: { rewardId: 'r_5_off' } });
        if (reply.status === 201) successes.set(customer.id, (successes.get(customer.id) ?? 0) + 1);
        return reply.status;
      }),
    );
    // The double-spend check, read back through the other process when there are two.
    let doubleSpends = 0;
    for (const customer of customers) {
      const done = successes.get(customer.id) ?? 0;
      const base = bases.at(-1)!;
      const me = await call(`${base}/v1/me`, { token: customer.token });
      const held = (await call(`${base}/v1/redemptions`, { token: customer.token })).body.redemptions?.length;
      if (me.body.points?.balance !== START - done * COST || held !== done) doubleSpends++;
    }
    const total = [...successes.values()].reduce((sum, value) => sum + value, 0);
    return { engine, processes, redeem, read, doubleSpends, successes: total };
  } finally {
    await Promise.all(apis.map((api) => api.stop()));
  }
}

const statuses = (result: LoadResult) => [...result.statuses].map(([status, count]) => `${count}×${status}`).join(' ');
const fixed = (value: number) => value.toFixed(1).padStart(6);

function print(row: Row) {
  console.log(
    `${row.engine.padEnd(20)} ${String(row.processes).padStart(2)} proc | ` +
      `redeem ${row.redeem.perSecond.toFixed(0).padStart(5)}/s p50 ${fixed(row.redeem.p50)} ms p99 ${fixed(row.redeem.p99)} ms ` +
      `(API CPU ${row.redeem.cpu.toFixed(2)} ms each) | ` +
      `GET /v1/me ${row.read.perSecond.toFixed(0).padStart(5)}/s p50 ${fixed(row.read.p50)} ms p99 ${fixed(row.read.p99)} ms ` +
      `(API CPU ${row.read.cpu.toFixed(2)} ms each) | ` +
      `double spends ${row.doubleSpends} (${row.successes} redemptions: ${statuses(row.redeem)}; reads: ${statuses(row.read)})`,
  );
}

console.log(
  `load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);
console.log(
  `bench:server: ${CONCURRENCY} requests in flight, ${SECONDS} s each, ${CUSTOMERS} customers, loopback, ` +
    `Node ${process.version}, pool ${process.env.DATABASE_POOL_SIZE ?? 10} per process`,
);
const rows: Row[] = [];
const dir = await mkdtemp(join(tmpdir(), 'loyalty-bench-'));
try {
  rows.push(await measure('embedded (PGlite)', { LOYALTY_DATA_DIR: join(dir, 'data') }, 1));
  print(rows.at(-1)!);
  console.log('embedded (PGlite)     2 proc | skipped: a PGlite data directory is never opened by two processes');
  const url = process.env.DATABASE_URL;
  if (!url)
    console.log('PostgreSQL          1-2 proc | skipped: set DATABASE_URL to a PostgreSQL server to measure it');
  else {
    for (const processes of [1, 2]) {
      const schema = `bench_${randomUUID().replaceAll('-', '')}`;
      const env = {
        DATABASE_URL: url,
        LOYALTY_DB_SCHEMA: schema,
        DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '10',
      };
      rows.push(await measure('PostgreSQL', env, processes));
      print(rows.at(-1)!);
      await dropSchema(url, schema);
    }
  }
} finally {
  agent.destroy();
  await rm(dir, { recursive: true, force: true });
}
const failed = rows.some((row) => row.doubleSpends > 0);
console.log(failed ? 'FAILED: a balance does not match its redemptions' : 'double spends: 0');
process.exitCode = failed ? 1 : 0;

async function dropSchema(url: string, schema: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA "${schema}" CASCADE`);
  await client.end();
}
