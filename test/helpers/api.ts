// Talks to the reference API mounted in the test server. Every test takes its own scope
// (/api/s/<random>), so tests running side by side never see each other's data, faults or logs.
// The endpoints' types are the reference API's own.
import type { Fault } from '../../server/testing/faults.ts';
import type { LoggedRequest } from '../../server/testing/request-log.ts';

export type { Fault, LoggedRequest };

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export class TestApi {
  readonly apiBase: string;

  /** `program: 'spend'` runs the spend-tiers program (tiers by money spent, in euros). */
  constructor(origin = '', { program }: { program?: 'spend' } = {}) {
    const scope = crypto.randomUUID().slice(0, 8);
    this.apiBase = `${origin}/api/s/${program ? `${program}-${scope}` : scope}`;
  }

  private post<T>(path: string, body: unknown): Promise<T> {
    return fetch(`${this.apiBase}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then((response) => json<T>(response));
  }

  /** A new customer in this scope, with a valid token. */
  customer(init: Record<string, unknown> = {}): Promise<{ customerId: string; token: string }> {
    return this.post('/demo/customers', init);
  }

  /** A token for an existing (seeded) customer. */
  token(customerId: string, ttlSeconds?: number): Promise<{ token: string; customerId: string }> {
    return this.post('/demo/token', { customerId, ttlSeconds });
  }

  /** A token that expired an hour ago (minted with the server clock set back). */
  async expiredToken(customerId: string): Promise<string> {
    await this.clock(new Date(Date.now() - 2 * 3600_000));
    const { token } = await this.token(customerId, 60);
    await this.clock(null);
    return token;
  }

  /** Sets the server's clock (null: real time). */
  clock(now: Date | null): Promise<unknown> {
    return this.post('/test/clock', { now: now?.toISOString() ?? null });
  }

  order(customerId: string, amount: number): Promise<{ pointsAwarded: number; balance: number }> {
    return this.post('/demo/orders', { customerId, total: { amount, currency: 'USD' } });
  }

  fault(fault: Fault): Promise<unknown> {
    return this.post('/test/faults', fault);
  }

  /** How many replies `hold` faults hold now. */
  async held(): Promise<number> {
    return (await json<{ held: number }>(await fetch(`${this.apiBase}/test/held`))).held;
  }

  /** Lets the held replies go. */
  release(): Promise<{ released: number }> {
    return this.post('/test/release', {});
  }

  async requests(filter?: { path?: string; method?: string }): Promise<LoggedRequest[]> {
    const { requests } = await json<{ requests: LoggedRequest[] }>(await fetch(`${this.apiBase}/test/requests`));
    return requests.filter(
      (request) =>
        (!filter?.path || request.path === filter.path) && (!filter?.method || request.method === filter.method),
    );
  }

  async feedback(): Promise<unknown[]> {
    const reply = await json<{ feedback: unknown[] }>(await fetch(`${this.apiBase}/demo/feedback`));
    return reply.feedback;
  }

  async me(token: string): Promise<{ points: { balance: number } }> {
    return json(await fetch(`${this.apiBase}/v1/me`, { headers: { Authorization: `Bearer ${token}` } }));
  }
}
