// The reference loyalty API as a web-standard Hono app (Request in, Response out), so one handler
// runs in Node (node.ts), the Vite dev server, the test runner and edge runtimes alike.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { Catalog } from './catalog.js';
import { Clock } from './clock.js';
import type { Deps } from './deps.js';
import { allowOnly } from './http/allow.js';
import { limitBody } from './http/body.js';
import { cors } from './http/cors.js';
import { FEEDBACK_RATE_LIMIT, limitAnonymous, type RateLimit } from './http/rate-limit.js';
import { requestLog, type LogLine } from './http/request-log.js';
import { Idempotency } from './idempotency.js';
import { MemoryStorage } from './memory-storage.js';
import { runJobs } from './jobs.js';
import { ApiError, problemResponse } from './problem.js';
import { checkProgramFile } from './program-check.js';
import type { ProgramFile } from './program.js';
import { activityRoutes } from './routes/activity.js';
import { adminRoutes } from './routes/admin.js';
import { demoRoutes } from './routes/demo.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { meRoutes } from './routes/me.js';
import { programRoutes } from './routes/program.js';
import { redemptionsRoutes } from './routes/redemptions.js';
import { referralRoutes } from './routes/referral.js';
import { rewardsRoutes } from './routes/rewards.js';
import { surveysRoutes } from './routes/surveys.js';
import { testingRoutes } from './routes/testing.js';
import { seedStorage } from './seed.js';
import type { Storage } from './storage.js';
import { Faults, injectFaults } from './testing/faults.js';
import { logRequests, RequestLog } from './testing/request-log.js';
import { createTokenService } from './tokens.js';
import { InvalidField } from './validate.js';

export interface ApiOptions {
  program: ProgramFile;
  /** Signs and checks customer tokens (HMAC-SHA256). Never sent to the browser. */
  secret: string;
  /** Storefront origins allowed to call the API from the browser; "*" allows any. */
  allowedOrigins: string[] | '*';
  /** Mount /demo/* (token minting, fake orders): never in production. */
  demo?: boolean;
  /** Mount /test/* (faults, request log, clock) and log requests. */
  testing?: boolean;
  now?: () => Date;
  /** Turns /admin/v1 on, for requests with `Authorization: Bearer <adminKey>`; off when absent. */
  adminKey?: string;
  /** Runs the jobs (jobs.ts) this often; off when absent (tests run them through /test/jobs). */
  jobsEveryMs?: number;
  /** Used as is; without it, a fresh in-memory storage seeded from the program file. */
  storage?: Storage;
  /**
   * The storefront's public URL (LOYALTY_PUBLIC_URL): referral links with a relative template
   * resolve against it. Only the test host and the dev server leave it out, and then links follow
   * the URL the API was called on; a public server must set it (the Host header is the caller's).
   */
  publicUrl?: string;
  /** Receives one line per request (JSON-ready); silent when absent. */
  log?: LogLine;
  /** Anonymous POST /v1/feedback per client address; `false` turns it off. */
  feedbackRateLimit?: RateLimit | false;
}

export function createApi(options: ApiOptions): Hono {
  const program = checkProgramFile(options.program);
  const clock = new Clock(options.now);
  const catalog = new Catalog(program, clock.now());
  const storage = options.storage ?? new MemoryStorage();
  const ready = options.storage ? Promise.resolve() : seedStorage(storage, catalog);
  const deps: Deps = {
    catalog,
    storage,
    clock,
    tokens: createTokenService(options.secret),
    idempotency: new Idempotency(storage),
    ...(options.publicUrl ? { publicUrl: new URL(options.publicUrl).href } : {}),
  };
  if (options.jobsEveryMs) {
    // unref: the timer alone never keeps the process alive.
    setInterval(() => {
      runJobs(deps).catch((error: unknown) => console.error('loyalty api: jobs failed', error));
    }, options.jobsEveryMs).unref();
  }
  const faults = new Faults();
  const log = new RequestLog();

  const app = new Hono();
  app.use(requestId());
  // Problem responses are built apart from the context: give them the id too.
  app.use(async (c, next) => {
    await next();
    c.res.headers.set('X-Request-Id', c.get('requestId'));
  });
  if (options.log) app.use(requestLog(options.log));
  app.use(async (_c, next) => {
    await ready;
    await next();
  });
  if (options.testing) app.use(logRequests(log));
  const storefront = cors(options.allowedOrigins);
  // The admin API is server to server: no CORS headers, so no browser page can read it.
  app.use((c, next) => (c.req.path.startsWith('/admin/') ? next() : storefront(c, next)));
  if (options.testing) app.use(injectFaults(faults));
  // /test/faults takes bodies up to 1 MB; everything else the 16 KB readJson allows.
  const limit = limitBody();
  app.use((c, next) => (c.req.path.startsWith('/test/') ? next() : limit(c, next)));
  const feedbackLimit = options.feedbackRateLimit ?? FEEDBACK_RATE_LIMIT;
  if (feedbackLimit) app.use('/v1/feedback', limitAnonymous(feedbackLimit));

  healthRoutes(app, deps);

  programRoutes(app, deps);
  meRoutes(app, deps);
  rewardsRoutes(app, deps);
  redemptionsRoutes(app, deps);
  activityRoutes(app, deps);
  referralRoutes(app, deps);
  feedbackRoutes(app, deps);
  surveysRoutes(app, deps);
  for (const path of ['/v1/program', '/v1/rewards', '/v1/activity', '/v1/referral']) allowOnly(app, path, 'GET');
  allowOnly(app, '/v1/surveys', 'GET');
  allowOnly(app, '/v1/me', 'GET', 'PATCH');
  allowOnly(app, '/v1/redemptions', 'GET', 'POST');
  allowOnly(app, '/v1/feedback', 'POST');
  if (options.adminKey) adminRoutes(app, deps, options.adminKey);
  if (options.demo) demoRoutes(app, deps);
  if (options.testing) testingRoutes(app, deps, faults, log);

  app.notFound((c) => problemResponse(new ApiError(404, 'not-found', `Nothing at ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => {
    c.set('logError', error.message);
    if (error instanceof ApiError) return problemResponse(error);
    // Hono's bearer check (the admin API) refuses with an HTTPException.
    if (error instanceof HTTPException && error.status === 401)
      return problemResponse(new ApiError(401, 'unauthorized', 'Send Authorization: Bearer <LOYALTY_ADMIN_KEY>'));
    if (error instanceof InvalidField)
      return problemResponse(new ApiError(400, 'invalid-request', error.message, { field: error.field }));
    console.error('loyalty api: unexpected error', error);
    return problemResponse(new ApiError(500, 'internal-error', 'The server failed to answer; try again later'));
  });
  return app;
}
