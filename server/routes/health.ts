// GET /healthz for load balancers and orchestrators: 200 when the database answers a query,
// 503 otherwise, so a process whose database is gone is taken out of rotation.
import type { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { ApiError } from '../problem.js';

export function healthRoutes(app: Hono, deps: Deps): void {
  app.get('/healthz', async (c) => {
    try {
      // Any read is a round trip to the database; this key is never written.
      await deps.storage.getResponse('healthz', 'healthz');
    } catch (error) {
      c.set('logError', `database: ${(error as Error).message}`);
      throw new ApiError(503, 'service-unavailable', 'The database does not answer', {}, { 'Retry-After': '5' });
    }
    return c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' });
  });
}
