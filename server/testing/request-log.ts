// A log of every request an app answered (createApi({testing: true})), so tests can count calls:
// that ten elements shared one GET, that a retry reused its Idempotency-Key, that a 304 was asked for.
import type { MiddlewareHandler } from 'hono';

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  idempotencyKey?: string;
  ifNoneMatch?: string;
  authorization?: boolean;
}

export class RequestLog {
  entries: LoggedRequest[] = [];
}

/** Logs everything except the /test/ endpoints themselves. */
export function logRequests(log: RequestLog): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.path.startsWith('/test/')) return;
    const idempotencyKey = c.req.header('Idempotency-Key');
    const ifNoneMatch = c.req.header('If-None-Match');
    log.entries.push({
      method: c.req.method,
      path: c.req.path,
      query: Object.fromEntries(new URL(c.req.url).searchParams),
      status: c.res.status,
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      ...(ifNoneMatch === undefined ? {} : { ifNoneMatch }),
      authorization: c.req.header('Authorization') !== undefined,
    });
  };
}
