// The code of API calls loads on the first call: a page that never calls the API (a product page
// with the script tag and nothing to send) downloads neither ky nor the response checks.
import { lazy } from '../lazy.js';
import type { Client, ClientOptions } from './client.js';

/** Quiet: a failed load fails the call that needed it, which reports it as its own error. */
export const http = lazy('network', () => import('./http.js'), { quiet: true });

/** A client with `createClient`'s calls, made on the first of them. */
export function lazyClient(options: ClientOptions): Client {
  let client: Client | undefined;
  const real = async () => (client ??= (await http()).createClient(options));
  return {
    get: (async (...args: Parameters<Client['get']>) => (await real()).get(...args)) as Client['get'],
    post: (async (...args: Parameters<Client['post']>) => (await real()).post(...args)) as Client['post'],
    patch: (async (...args: Parameters<Client['patch']>) => (await real()).patch(...args)) as Client['patch'],
  };
}
