// Injected faults for browser and client tests (createApi({testing: true})): the next `times`
// requests matching method and path are delayed, answered with an error status, answered with
// a made-up 200 body, answered with the real body rewritten (fields set, removed or added: an
// API a little off the contract; in full, with its own ETag), or answered at once and held until
// released, so retry, backoff, tolerant reading and races can be tested for real.
import type { MiddlewareHandler } from 'hono';
import { conditionalJson } from '../http/etag.js';
import { ApiError, type ProblemCode } from '../problem.js';

export interface Fault {
  /** Any method but OPTIONS when absent (a preflight should not use up a fault). */
  method?: string;
  /** Exact path inside the app, e.g. "/v1/me". */
  path: string;
  times: number;
  status?: number;
  /** Seconds, sent as Retry-After with the status. */
  retryAfter?: number;
  delayMs?: number;
  /** Answered with 200 instead of the real response. */
  body?: unknown;
  /** Answered at once, the reply held until `POST /test/release`: a read made before a write, arriving after it. */
  hold?: boolean;
  /** The real JSON answer, rewritten. */
  rewrite?: Rewrite;
}

/**
 * Paths are dotted, `*` standing for every item of an array or field of an object:
 * `rewards.0.kind`, `items.*.type`, `redemption.rewardName`.
 */
export interface Rewrite {
  /** Values set at these paths (created when missing). */
  set?: Record<string, unknown>;
  /** Fields removed. */
  remove?: string[];
  /** Adds a field no contract has to every object in the body. */
  extras?: boolean;
}

/** Visits the parents of the last segment of `path` in `value`, calling `visit(parent, key)`. */
function at(value: unknown, path: string, visit: (parent: Record<string, unknown>, key: string) => void): void {
  const [head, ...rest] = path.split('.');
  if (typeof value !== 'object' || value === null) return;
  const node = value as Record<string, unknown>;
  const keys = head === '*' ? Object.keys(node) : [head];
  for (const key of keys) {
    if (!rest.length) visit(node, key);
    else at(node[key], rest.join('.'), visit);
  }
}

function addExtras(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  for (const child of Object.values(value)) addExtras(child);
  if (!Array.isArray(value)) Object.assign(value, { 'x-added-later': { note: 'a field no client knows', n: 1 } });
}

export function rewrite(body: unknown, { set = {}, remove = [], extras }: Rewrite): unknown {
  if (extras) addExtras(body);
  for (const [path, value] of Object.entries(set)) at(body, path, (parent, key) => (parent[key] = value));
  for (const path of remove) at(body, path, (parent, key) => delete parent[key]);
  return body;
}

export class Faults {
  private faults: Fault[] = [];
  /** Replies answered and held (see `hold`), each waiting for its release. */
  private held: (() => void)[] = [];

  /** Holds a reply until `release()`. */
  hold(): Promise<void> {
    return new Promise((release) => this.held.push(release));
  }

  get holding(): number {
    return this.held.length;
  }

  /** Lets every held reply go; resolves how many there were. */
  release(): number {
    const held = this.held.splice(0);
    held.forEach((release) => release());
    return held.length;
  }

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault matching this request, with one use taken off it. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((f) => f.path === path && (f.method ? f.method === method : method !== 'OPTIONS'));
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}

const CODES: Record<number, ProblemCode> = { 429: 'rate-limited', 500: 'internal-error', 503: 'service-unavailable' };

export function injectFaults(faults: Faults): MiddlewareHandler {
  return async (c, next) => {
    const fault = faults.take(c.req.method, c.req.path);
    if (!fault) return next();
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.hold) {
      await next();
      await faults.hold();
      return;
    }
    if (fault.body !== undefined) return c.json(fault.body as object, 200);
    if (fault.rewrite) {
      // The real body is asked for in full: its 304 would leave the client its old copy.
      const conditional = c.req.raw.headers.get('If-None-Match');
      c.req.raw.headers.delete('If-None-Match');
      await next();
      if (conditional !== null) c.req.raw.headers.set('If-None-Match', conditional); // as sent, for the log
      if (!c.res.ok || !c.res.headers.get('Content-Type')?.includes('json')) return;
      const body = rewrite(await c.res.json(), fault.rewrite);
      const { status } = c.res;
      const headers = new Headers(c.res.headers);
      headers.delete('Content-Length');
      // Its own ETag (the real one names another body), and a 304 when the client already has it.
      const own = headers.has('ETag') ? await conditionalJson(c.req.raw, body, { cache: 'public' }) : undefined;
      if (own) headers.set('ETag', own.headers.get('ETag')!);
      // Unset first: Hono copies the old response's headers (its length too) onto a new one.
      c.res = undefined;
      c.res =
        own?.status === 304
          ? new Response(null, { status: 304, headers })
          : new Response(JSON.stringify(body), { status, headers });
      return;
    }
    if (fault.status) {
      const headers: Record<string, string> =
        fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
      throw new ApiError(
        fault.status,
        CODES[fault.status] ?? 'injected-fault',
        `Fault injected for ${c.req.method} ${c.req.path}`,
        {},
        headers,
      );
    }
    return next();
  };
}
