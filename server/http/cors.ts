// CORS for the configured storefront origins. Preflights answer with what the widgets send;
// actual responses expose ETag and Retry-After so the client can revalidate and back off.
// A disallowed origin gets no CORS headers at all, so its browser blocks the response.
import type { MiddlewareHandler } from 'hono';
import { appendVary } from './headers.js';

export const ALLOWED_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';
export const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, If-None-Match, Accept-Language';
export const EXPOSED_HEADERS = 'ETag, Retry-After, Content-Language, Idempotent-Replayed';
export const PREFLIGHT_MAX_AGE = '600';

export function cors(allowedOrigins: readonly string[] | '*'): MiddlewareHandler {
  const allowed = allowedOrigins === '*' ? '*' : new Set(allowedOrigins.map((origin) => origin.replace(/\/+$/, '')));
  const isAllowed = (origin: string | undefined): origin is string =>
    origin !== undefined && (allowed === '*' || allowed.has(origin));

  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (c.req.method === 'OPTIONS') {
      const headers = new Headers({ Allow: ALLOWED_METHODS });
      appendVary(headers, 'Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers');
      if (isAllowed(origin) && c.req.header('Access-Control-Request-Method')) {
        // Reflecting the origin (never "*") keeps working if a client ever sends credentials.
        headers.set('Access-Control-Allow-Origin', origin);
        headers.set('Access-Control-Allow-Methods', ALLOWED_METHODS);
        headers.set('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        headers.set('Access-Control-Max-Age', PREFLIGHT_MAX_AGE);
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    appendVary(c.res.headers, 'Origin');
    if (isAllowed(origin)) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
  };
}
