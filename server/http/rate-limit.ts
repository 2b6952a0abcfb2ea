// Per-address limit on anonymous answers (POST /v1/feedback without a token), through
// hono-rate-limiter: its memory store keeps one counter per address for the current window and
// drops the previous window's in bulk, so a flood from many addresses cannot grow it without
// bound. Each process counts alone (with N processes an address gets up to N × limit), which is
// enough for what it guards: the database and its memory filling up with junk answers.
import type { MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { ApiError } from '../problem.js';
import { clientAddress } from './client-address.js';

export interface RateLimit {
  /** Requests per address and window. */
  limit: number;
  windowMs: number;
}

export const FEEDBACK_RATE_LIMIT: RateLimit = { limit: 30, windowMs: 60_000 };

export function limitAnonymous({ limit, windowMs }: RateLimit): MiddlewareHandler {
  return rateLimiter({
    windowMs,
    limit,
    standardHeaders: false,
    // A signed-in customer is limited by who they are, not here; a bad token is refused anyway.
    skip: (c) => c.req.method !== 'POST' || c.req.header('Authorization') !== undefined || !clientAddress(c),
    keyGenerator: (c) => clientAddress(c)!,
    handler: (c) => {
      const reset = (c.get('rateLimit') as { resetTime?: Date } | undefined)?.resetTime;
      const seconds = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
      throw new ApiError(
        429,
        'rate-limited',
        `Too many answers from this address; try again in ${seconds} s`,
        {},
        { 'Retry-After': String(seconds) },
      );
    },
  });
}
