// Injected faults for browser and client tests (createApi({testing: true})): the next `times`
// requests matching method and path are delayed, answered with an error status, answered with
// a made-up 200 body, or answered at once and held until released, so retry, backoff,
// malformed-response handling and races can be tested for real.
import type { MiddlewareHandler } from 'hono';
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
