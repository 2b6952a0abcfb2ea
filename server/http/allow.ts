// 405 with an Allow header for a known path called with the wrong method (rather than a 404,
// which would suggest the path is wrong).
import type { Hono } from 'hono';
import { ApiError } from '../problem.js';

export function allowOnly(app: Hono, path: string, ...methods: string[]): void {
  const allow = [...methods, 'OPTIONS'].join(', ');
  app.all(path, (c) => {
    throw new ApiError(
      405,
      'method-not-allowed',
      `${c.req.method} is not allowed on ${path}; use ${methods.join(' or ')}`,
      {},
      { Allow: allow },
    );
  });
}
