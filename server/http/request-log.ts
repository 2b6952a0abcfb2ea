// One JSON line per request, with the request id (hono/request-id: the caller's X-Request-Id when
// it is sane, else a new UUID, echoed in the response), so one shopper's failure can be found in
// the logs of several processes. Never the body, query or headers: they hold tokens and answers.
import type { MiddlewareHandler } from 'hono';

export type LogLine = (line: Record<string, unknown>) => void;

/** Writes each line as JSON to stdout: what `npm run serve` logs. */
export const stdoutLog: LogLine = (line) => console.log(JSON.stringify(line));

export function requestLog(write: LogLine): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    write({
      time: new Date().toISOString(),
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      ...(c.get('logError') ? { error: c.get('logError') } : {}),
    });
  };
}

declare module 'hono' {
  interface ContextVariableMap {
    /** A short reason the request failed, for the log line (never a stack trace). */
    logError?: string;
  }
}
