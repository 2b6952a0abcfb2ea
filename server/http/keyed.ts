// The shared shape of a POST that needs an Idempotency-Key: header (400), body (415/413/400),
// syntax checks (400), and only then the keyed, replayable execution.
import type { Deps } from '../deps.js';
import { fingerprint, parseIdempotencyKey, type Outcome } from '../idempotency.js';
import { ApiError } from '../problem.js';
import type { Storage } from '../storage.js';
import { readJson } from './body.js';

/**
 * `prepare` checks the parsed body and returns the work to do; it runs before the key is looked
 * up, so a malformed request is refused without touching storage or the key. The work gets the
 * storage of the transaction that also stores its answer.
 */
export async function keyedJson(
  request: Request,
  deps: Deps,
  scope: string,
  prepare: (body: unknown) => (storage: Storage) => Promise<Outcome>,
): Promise<Response> {
  const header = request.headers.get('Idempotency-Key');
  const key = parseIdempotencyKey(header ?? undefined);
  if (key === null) {
    throw new ApiError(
      400,
      'idempotency-key-missing',
      header === null
        ? 'Send an Idempotency-Key header (a new UUID per action)'
        : 'The Idempotency-Key must be 1 to 255 visible ASCII characters',
      { field: 'header.Idempotency-Key' },
    );
  }
  const body = await readJson(request);
  const execute = prepare(body);
  const path = new URL(request.url).pathname;
  const outcome = await deps.idempotency.run(
    { scope, key, fingerprint: fingerprint(request.method, path, body) },
    execute,
  );
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
  if (outcome.replayed) headers['Idempotent-Replayed'] = 'true';
  return new Response(JSON.stringify(outcome.body), { status: outcome.status, headers });
}
