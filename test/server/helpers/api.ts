// A test client for one fresh API instance: requests go through `app.request` (no socket) or,
// with `listen()`, over a real port; every response is checked against docs/openapi.yaml, and the
// storage is at hand for snapshots.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { createApi, type ApiOptions } from '../../../server/app.ts';
import { Catalog } from '../../../server/catalog.ts';
import { demoProgram } from '../../../server/demo-program.ts';
import { createNodeListener } from '../../../server/node.ts';
import type { ProgramFile } from '../../../server/program.ts';
import { seedStorage } from '../../../server/seed.ts';
import { loadContract } from './contract.ts';
import { freshStorage, type Engine, type TestStorage } from './storage.ts';

/** The tests' "now": fixed, so times and token expiry are deterministic. */
export const NOW = new Date('2025-06-01T12:00:00.000Z');
export const SECRET = 'test-secret-0123456789abcdef-0123456789';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined for an empty body. Shape checked by the contract already. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface CallOptions {
  token?: string;
  /** Idempotency-Key; a fresh UUID when absent, none when null. */
  key?: string | null;
  headers?: Record<string, string>;
}

export interface TestApi {
  app: Hono;
  storage: TestStorage;
  /** Sets the app's clock (it starts at NOW). */
  clock: { now: Date };
  request(path: string, init?: RequestInit): Promise<Reply>;
  get(path: string, options?: CallOptions): Promise<Reply>;
  post(path: string, body: unknown, options?: CallOptions): Promise<Reply>;
  token(customerId: string, ttlSeconds?: number): Promise<string>;
  customer(fields?: Record<string, unknown>): Promise<{ customerId: string; token: string }>;
  balance(token: string): Promise<number>;
}

export interface SetupOptions extends Partial<Omit<ApiOptions, 'storage' | 'now'>> {
  program?: ProgramFile;
  /** Path prefix the app is mounted under (e.g. a test-host scope); stripped for contract checks. */
  prefix?: string;
  /** The storage engine; LOYALTY_TEST_STORAGE's (memory by default) when absent. */
  engine?: Engine;
}

export async function setup({ engine, ...options }: SetupOptions = {}): Promise<TestApi> {
  const clock = { now: new Date(NOW) };
  const program = options.program ?? demoProgram;
  const catalog = new Catalog(program, clock.now);
  const storage = await freshStorage(engine, (storage) => seedStorage(storage, catalog));
  const app = createApi({
    secret: SECRET,
    allowedOrigins: '*',
    demo: true,
    testing: true,
    ...options,
    program,
    storage,
    now: () => new Date(clock.now),
  });
  return client(app, { storage, clock });
}

/** A checked client for an app made elsewhere (the test host, a different setup). */
export function client(
  app: Hono,
  extra: { storage?: TestStorage; clock?: { now: Date }; prefix?: string; base?: string } = {},
): TestApi {
  const prefix = extra.prefix ?? '';
  const api: TestApi = {
    app,
    storage: extra.storage as TestStorage,
    clock: extra.clock ?? { now: new Date(NOW) },
    async request(path, init = {}) {
      const response = extra.base
        ? await fetch(extra.base + prefix + path, init)
        : await app.request(prefix + path, init);
      const text = await response.text();
      const body: unknown = text ? JSON.parse(text) : undefined;
      const reply: Reply = { status: response.status, headers: response.headers, text, body };
      const contract = await loadContract();
      contract.check(init.method ?? 'GET', path.split('?')[0], reply);
      return reply;
    },
    get(path, options = {}) {
      return api.request(path, { headers: headersFor(options) });
    },
    post(path, body, options = {}) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', ...headersFor(options) };
      if (options.key === undefined && path.startsWith('/v1/')) headers['Idempotency-Key'] = crypto.randomUUID();
      return api.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
    },
    async token(customerId, ttlSeconds) {
      const reply = await api.post('/demo/token', { customerId, ...(ttlSeconds ? { ttlSeconds } : {}) });
      if (reply.status !== 201) throw new Error(`token for ${customerId}: ${reply.status} ${reply.text}`);
      return (reply.body as { token: string }).token;
    },
    async customer(fields = {}) {
      const reply = await api.post('/demo/customers', fields);
      if (reply.status !== 201) throw new Error(`customer: ${reply.status} ${reply.text}`);
      return reply.body as { customerId: string; token: string };
    },
    async balance(token) {
      const reply = await api.get('/v1/me', { token });
      return (reply.body as { points: { balance: number } }).points.balance;
    },
  };
  return api;
}

function headersFor(options: CallOptions): Record<string, string> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.key) headers['Idempotency-Key'] = options.key;
  return headers;
}

/** The same API on a real loopback port: its client goes over HTTP. Close it at the end. */
export async function listen(api: TestApi): Promise<TestApi & { close(): Promise<void> }> {
  const listener = createNodeListener(api.app);
  const server = createServer((request, response) => void listener(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const http = client(api.app, { storage: api.storage, clock: api.clock, base: `http://127.0.0.1:${port}` });
  return {
    ...http,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
