// Idempotency-Key handling for POSTs that change something. The first request with a key runs;
// its successful answer is stored and replayed (same status and body) for the same key again,
// while the key with a different request is a 422. A request arriving while the first is still
// running waits for it and answers the same, so a double-click or a retry racing the original
// never spends twice. Failed requests (4xx) are not stored: they changed nothing, so a retry may
// run again. What is stored stays small whatever the request: the fingerprint as a SHA-256
// digest (not the body, which may be 16 KB of comment) and the reply (small by design).
import { encodeBase64url } from './base64url.js';
import { ApiError } from './problem.js';
import type { Storage } from './storage.js';

export interface KeyedRequest {
  /** Whose keys these are: a customer id, or "guest". */
  scope: string;
  key: string;
  /** Method, path and canonical body; see fingerprint(). */
  fingerprint: string;
}

export interface Outcome {
  status: number;
  body: unknown;
}

const KEY = /^[\x21-\x7E]{1,255}$/;

/** The key from the header, without the quotes of its structured-field form ("…"). Null when absent or invalid. */
export function parseIdempotencyKey(header: string | undefined): string | null {
  if (header === undefined) return null;
  const key = header.trim().replace(/^"(.*)"$/, '$1');
  return KEY.test(key) ? key : null;
}

export function fingerprint(method: string, path: string, body: unknown): string {
  return `${method} ${path}\n${canonicalJson(body)}`;
}

/** JSON with object keys sorted, so {a,b} and {b,a} are the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export class Idempotency {
  constructor(private readonly storage: Storage) {}

  /**
   * Looks the key up, runs `execute` and stores its answer in one transaction holding the key's
   * lock, so a request racing the first (even in another process) waits for it and replays it.
   */
  async run(
    request: KeyedRequest,
    execute: (storage: Storage) => Promise<Outcome>,
  ): Promise<Outcome & { replayed: boolean }> {
    const digest = encodeBase64url(
      new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(request.fingerprint))),
    );
    return this.storage.transaction(`idempotency\n${request.scope}\n${request.key}`, async (storage) => {
      const stored = await storage.getResponse(request.scope, request.key);
      if (stored) {
        // Answers stored before digests (an upgrade within their 72 hours) hold the whole text.
        if (stored.fingerprint !== digest && stored.fingerprint !== request.fingerprint) throw reused();
        return { status: stored.status, body: stored.body, replayed: true };
      }
      const outcome = await execute(storage);
      if (outcome.status < 300)
        await storage.putResponse(request.scope, request.key, { fingerprint: digest, ...outcome });
      return { ...outcome, replayed: false };
    });
  }
}

const reused = () =>
  new ApiError(
    422,
    'idempotency-key-reused',
    'This Idempotency-Key was already used with a different request; use a new key for a new request',
  );
