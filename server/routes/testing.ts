// Testing-only endpoints (createApi({testing: true})), scoped to one app instance: inject faults,
// read and clear the request log, set the clock. Not part of the /v1 contract.
import type { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { runJobs } from '../jobs.js';
import { readJson } from '../http/body.js';
import { invalid } from '../problem.js';
import type { Fault, Faults } from '../testing/faults.js';
import type { RequestLog } from '../testing/request-log.js';
import { Fields } from '../validate.js';

export function testingRoutes(app: Hono, deps: Deps, faults: Faults, log: RequestLog): void {
  app.post('/test/faults', async (c) => {
    // A made-up answer may be a large catalog (the 1,000-reward scale tests): 1 MB here.
    const fields = Fields.of(await readJson(c.req.raw, 1024 * 1024)).only(
      'method',
      'path',
      'times',
      'status',
      'retryAfter',
      'delayMs',
      'body',
      'hold',
      'rewrite',
    );
    const method = fields.optString('method', { pattern: /^[A-Za-z]+$/, patternName: 'an HTTP method' })?.toUpperCase();
    const fault: Fault = {
      path: fields.string('path', { pattern: /^\//, patternName: 'a path starting with /' }),
      times: fields.optInteger('times', { min: 1, max: 1000 }) ?? 1,
    };
    if (method) fault.method = method;
    const status = fields.optInteger('status', { min: 400, max: 599 });
    const retryAfter = fields.optInteger('retryAfter', { min: 0, max: 3600 });
    const delayMs = fields.optInteger('delayMs', { min: 0, max: 60_000 });
    if (status !== undefined) fault.status = status;
    if (retryAfter !== undefined) fault.retryAfter = retryAfter;
    if (delayMs !== undefined) fault.delayMs = delayMs;
    if (fields.has('body')) fault.body = fields.raw('body');
    if (fields.has('hold')) fault.hold = fields.boolean('hold');
    if (fields.has('rewrite')) {
      const given = fields.raw('rewrite');
      if (typeof given !== 'object' || given === null || Array.isArray(given))
        throw invalid('rewrite', 'rewrite is an object: {set?, remove?, extras?}');
      fault.rewrite = given;
    }
    if ([status, fault.body, fault.rewrite].filter((given) => given !== undefined).length > 1)
      throw invalid('body', 'send one of status, body or rewrite');
    if (fault.hold && (status !== undefined || fault.body !== undefined || fault.rewrite !== undefined))
      throw invalid('hold', 'a held reply is the real one: no status, body or rewrite with it');
    if (
      status === undefined &&
      fault.body === undefined &&
      fault.rewrite === undefined &&
      delayMs === undefined &&
      !fault.hold
    )
      throw invalid('status', 'a fault needs status, body, rewrite, delayMs or hold');
    faults.add(fault);
    return c.json({ fault }, 201);
  });

  app.delete('/test/faults', (c) => {
    faults.clear();
    return c.body(null, 204);
  });

  // Replies held by `hold` faults: how many wait, and letting them go.
  app.get('/test/held', (c) => c.json({ held: faults.holding }));
  app.post('/test/release', (c) => c.json({ released: faults.release() }));

  app.get('/test/requests', (c) => c.json({ requests: log.entries }));

  app.delete('/test/requests', (c) => {
    log.entries = [];
    return c.body(null, 204);
  });

  // The jobs a server runs every minute, now, at the app's clock.
  app.post('/test/jobs', async (c) => c.json(await runJobs(deps)));

  app.post('/test/clock', async (c) => {
    const fields = Fields.of(await readJson(c.req.raw)).only('now');
    if (fields.raw('now') === undefined)
      throw invalid('now', 'now is required: an ISO 8601 date-time, or null for the real clock');
    deps.clock.set(fields.raw('now') === null ? null : new Date(fields.dateTime('now')));
    return c.json({ now: deps.clock.now().toISOString() });
  });
}
