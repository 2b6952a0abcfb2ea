// The bench's side of the reference API's demo and testing endpoints: each case takes its own
// scope (/api/s/<name>), so its customers, faults and request log are its own.
import { randomUUID } from 'node:crypto';

export interface Fault {
  method?: string;
  path: string;
  times: number;
  delayMs?: number;
  status?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
}

export interface Customer {
  customerId: string;
  token: string;
}

export class Scope {
  readonly apiBase: string;

  /** `root` is the API's mount, e.g. `http://127.0.0.1:1234/api`. */
  constructor(root: string) {
    this.apiBase = `${root}/s/bench${randomUUID().slice(0, 8)}`;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.apiBase}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  customer(init: Record<string, unknown>): Promise<Customer> {
    return this.call('POST', '/demo/customers', init);
  }

  /** A token for a customer the program file seeds. */
  token(customerId: string): Promise<Customer> {
    return this.call('POST', '/demo/token', { customerId, ttlSeconds: 86_400 });
  }

  fault(fault: Fault): Promise<unknown> {
    return this.call('POST', '/test/faults', fault);
  }

  clearFaults(): Promise<unknown> {
    return this.call('DELETE', '/test/faults');
  }

  async requests(): Promise<LoggedRequest[]> {
    return (await this.call<{ requests: LoggedRequest[] }>('GET', '/test/requests')).requests;
  }

  clearRequests(): Promise<unknown> {
    return this.call('DELETE', '/test/requests');
  }
}
