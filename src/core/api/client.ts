// The HTTP client: ky with auth, language, per-attempt timeouts and retries, and one error type.
import ky, { HTTPError, TimeoutError, type KyInstance, type Options } from 'ky';
import { LoyaltyError, isLoyaltyError, type Problem } from '../errors.js';
import type { Check } from './validate.js';
import { defaultTimeoutMs } from './defaults.js';

export interface NetworkOptions {
  /** Time allowed for one attempt, in ms (default 8000). */
  timeoutMs?: number;
  /** Retries after the first attempt for GETs and keyed POSTs (default 3). */
  retries?: number;
  /** Base backoff in ms; doubles per retry, capped at 8 s (default 300). */
  retryDelayMs?: number;
}

export interface ClientOptions extends NetworkOptions {
  apiBase: string;
  /**
   * The bearer token for the current customer, or null for a guest. Asked on every attempt; a
   * rejection fails the attempt, which is retried like a network failure.
   */
  token(): Promise<string | null>;
  /** The API refused `sent` (401): a new token, or null when none comes (signed out). */
  refreshToken(sent: string): Promise<string | null>;
  locale(): string;
  /**
   * Who is signed in now. A call belongs to whoever was signed in when it was made: an attempt
   * or a refresh after another shopper signed in fails instead of going out with their token.
   */
  customer?(): string | null;
}

export type Reply<T> = { data: T; etag: string | null } | { notModified: true };

interface CallOptions {
  etag?: string | null;
  searchParams?: Record<string, string | number>;
  json?: unknown;
  idempotencyKey?: string;
  /** Survives the page being unloaded (pagehide delivery). */
  keepalive?: boolean;
  /** Sent without the customer's token (a guest's answer, whoever is signed in now). */
  anonymous?: boolean;
}

export type Client = ReturnType<typeof createClient>;

export { defaultTimeoutMs };

export function createClient(options: ClientOptions) {
  const { timeoutMs = defaultTimeoutMs, retries = 3, retryDelayMs = 300 } = options;
  /** Throws (never retried) when the shopper the call was made for is no longer signed in. */
  const sameCustomer = ({ customer }: Record<string, unknown>) => {
    if (options.customer && customer !== options.customer())
      throw new LoyaltyError('unauthorized', 'Another shopper signed in while the call was on its way');
  };
  const http: KyInstance = ky.create({
    prefixUrl: options.apiBase,
    timeout: timeoutMs,
    throwHttpErrors: (status) => status !== 304,
    retry: {
      limit: retries,
      // POSTs are retried only with an Idempotency-Key (see `call`), so a retry never doubles a write.
      methods: ['get', 'post'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: 30_000,
      retryOnTimeout: true,
      // Signed out, or another shopper signed in, on the way: never resent as a guest's or theirs.
      shouldRetry: ({ error }) => (isLoyaltyError(error) && error.code === 'unauthorized' ? false : undefined),
      delay: (attempt) => Math.min(retryDelayMs * 2 ** (attempt - 1), 8000),
    },
    hooks: {
      beforeRequest: [
        async (request, { context }) => {
          request.headers.set('Accept-Language', options.locale());
          if (context.anonymous) return;
          sameCustomer(context);
          // Each attempt takes the current token: a retry after a refresh or a failed provider.
          const token = (context.refreshed as string | undefined) ?? (await options.token());
          sameCustomer(context);
          if (token) request.headers.set('Authorization', `Bearer ${token}`);
          else request.headers.delete('Authorization');
        },
      ],
      afterResponse: [
        async (request, { context }, response) => {
          const sent = request.headers.get('Authorization')?.slice('Bearer '.length);
          if (response.status !== 401 || context.refreshed || !sent) return;
          sameCustomer(context);
          const refreshed = await options.refreshToken(sent);
          // A token asked for after a switch is the next shopper's.
          sameCustomer(context);
          if (!refreshed) return;
          // Sent once more with the new token, outside the retry budget: a 401 is no failed attempt.
          return http(new Request(request), { retry: 0, context: { ...context, refreshed } });
        },
      ],
    },
  });

  async function call<T>(
    method: 'get' | 'post' | 'patch',
    path: string,
    check: Check<T>,
    call: CallOptions = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    if (call.etag) headers['If-None-Match'] = call.etag;
    if (call.idempotencyKey) headers['Idempotency-Key'] = call.idempotencyKey;
    const request: Options = {
      method,
      headers,
      keepalive: call.keepalive,
      context: { anonymous: call.anonymous, customer: options.customer?.() },
    };
    if (call.searchParams) request.searchParams = call.searchParams;
    if (call.json !== undefined) request.json = call.json;
    if (method !== 'get' && !call.idempotencyKey) request.retry = 0;
    try {
      const response = await http(path.replace(/^\//, ''), request);
      if (response.status === 304) return { notModified: true };
      let body: unknown;
      try {
        body = await response.json();
      } catch (cause) {
        throw new LoyaltyError('invalid-response', `Invalid response: ${path} is not JSON`, { cause });
      }
      // Relative URLs in the body are relative to the response's own URL (the API's, not the page's).
      const data = check(body, path.replace(/^\/?(v1\/)?/, '').split('?')[0], response.url || undefined);
      return { data, etag: response.headers.get('ETag') };
    } catch (error) {
      throw await toLoyaltyError(error, path);
    }
  }

  return {
    get: <T>(path: string, check: Check<T>, options?: CallOptions) => call('get', path, check, options),
    post: <T>(path: string, check: Check<T>, options?: CallOptions) => call('post', path, check, options),
    patch: <T>(path: string, check: Check<T>, options?: CallOptions) => call('patch', path, check, options),
  };
}

/**
 * ky's errors hold the request, Authorization header included, so they are not kept as the
 * cause: a merchant who sends errors to a tracker never sends a token with them.
 */
async function toLoyaltyError(error: unknown, path: string): Promise<LoyaltyError> {
  if (isLoyaltyError(error)) return error;
  if (error instanceof TimeoutError)
    return new LoyaltyError('timeout', `The loyalty API did not answer ${path} in time`);
  if (error instanceof HTTPError) {
    const { status } = error.response;
    let problem: Problem | undefined;
    try {
      const body: unknown = await error.response.json();
      if (body && typeof body === 'object') problem = body as Problem;
    } catch {
      // not a problem document; the status says enough
    }
    const message = problem?.detail ?? problem?.title ?? `The loyalty API answered ${status} for ${path}`;
    const retryAfterMs = retryAfter(error.response.headers.get('Retry-After'));
    return new LoyaltyError(status === 401 ? 'unauthorized' : 'http', message, {
      status,
      problem,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  return new LoyaltyError('network', `The loyalty API could not be reached (${path})`, { cause: error });
}

/** Retry-After as delay-seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}
