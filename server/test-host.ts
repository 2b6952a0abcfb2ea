// The API as browser tests and the dev server mount it under /api: a shared app at /api/* and,
// at /api/s/<scope>/*, a fresh app per scope name (created on first use) with its own storage,
// faults, request log and clock, so each test can pick a random apiBase and run in isolation.
// At /api/m/<scope>/* the same scope answers as a differently shaped merchant API
// (testing/merchant-api.ts), for the tests of `configure({ api })`.
// Demo and testing endpoints are on; any origin is allowed. Never expose this publicly.
import { Hono } from 'hono';
import { createApi } from './app.js';
import { demoProgram } from './demo-program.js';
import { ApiError, problemResponse } from './problem.js';
import type { ProgramFile } from './program.js';
import type { Storage } from './storage.js';
import { createMerchantApi } from './testing/merchant-api.js';

export interface TestHostOptions {
  secret: string;
  /** The demo program when absent. */
  program?: ProgramFile;
  /** Other programs by name: a scope named `<name>-…` runs that program (e.g. `spend-1234`). */
  scopePrograms?: Record<string, ProgramFile>;
  now?: () => Date;
  /**
   * The shared app's storage (the demo's database); in memory when absent. Scopes always run in
   * memory: hundreds of throwaway scopes per test run (server/README.md has the figures).
   */
  sharedStorage?: Storage;
}

const SCOPE = /^[A-Za-z0-9_-]{1,100}$/;
/** Oldest scopes are dropped past this many, so a long watch-mode session does not grow forever. */
const MAX_SCOPES = 1000;

export function createTestHost(options: TestHostOptions): Hono {
  const make = (program = options.program ?? demoProgram, storage?: Storage) =>
    createApi({
      ...(storage ? { storage } : {}),
      program,
      secret: options.secret,
      allowedOrigins: '*',
      demo: true,
      testing: true,
      // Requests reach the apps forwarded, without a client address: no per-address limit.
      feedbackRateLimit: false,
      ...(options.now ? { now: options.now } : {}),
    });
  const shared = make(undefined, options.sharedStorage);
  const scopes = new Map<string, Hono>();

  const scoped = (name: string): Hono => {
    let app = scopes.get(name);
    if (!app) {
      const programs = options.scopePrograms ?? {};
      const prefix = name.split('-')[0];
      app = make(Object.hasOwn(programs, prefix) ? programs[prefix] : undefined);
      scopes.set(name, app);
      if (scopes.size > MAX_SCOPES) scopes.delete(scopes.keys().next().value!);
    }
    return app;
  };

  const merchants = new WeakMap<Hono, Hono>();
  const merchant = (name: string): Hono => {
    const reference = scoped(name);
    let app = merchants.get(reference);
    if (!app) merchants.set(reference, (app = createMerchantApi((request) => reference.fetch(request))));
    return app;
  };

  const host = new Hono();
  host.all('/api/:shape{[sm]}/:scope/*', (c) => {
    const { shape, scope } = c.req.param();
    if (!SCOPE.test(scope))
      throw new ApiError(400, 'invalid-request', 'A scope name is 1 to 100 letters, digits, _ or -', {
        field: 'scope',
      });
    return forward(shape === 'm' ? merchant(scope) : scoped(scope), c.req.raw, `/api/${shape}/${scope}`);
  });
  host.all('/api/*', (c) => forward(shared, c.req.raw, '/api'));
  host.notFound((c) =>
    problemResponse(
      new ApiError(404, 'not-found', `Nothing at ${c.req.method} ${c.req.path}; the API lives under /api/`),
    ),
  );
  host.onError((error) => {
    if (error instanceof ApiError) return problemResponse(error);
    console.error('loyalty test host: unexpected error', error);
    return problemResponse(new ApiError(500, 'internal-error', 'The test host failed to answer'));
  });
  return host;
}

/** Hands the request to `app` with `prefix` cut from the path, so the app sees /v1/... as usual. */
function forward(app: Hono, request: Request, prefix: string): Response | Promise<Response> {
  const url = new URL(request.url);
  url.pathname = url.pathname.slice(prefix.length) || '/';
  const init: RequestInit & { duplex?: 'half' } = {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
  };
  if (request.body) {
    init.body = request.body;
    init.duplex = 'half'; // required by fetch to pass a streamed body on
  }
  return app.fetch(new Request(url, init));
}
