// Node hosting: the Hono app as a node:http request listener (for Vite and web-test-runner
// middleware), and a standalone server for `npm run serve` and tests over a real port.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApi, type ApiOptions } from './app.js';
import { demoProgramPath, loadProgramFile } from './load-program.js';
import { openStorage, type StorageChoice } from './open-storage.js';
import { parseSecrets } from './tokens.js';

export type NodeListener = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface FetchApp {
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
}

/**
 * The app (createApi or createTestHost) as a listener for node:http, Connect or Koa. The env
 * carries the IncomingMessage, whose socket gives the client's address (http/client-address.ts).
 */
export function createNodeListener(app: FetchApp): NodeListener {
  return getRequestListener((request, env) => app.fetch(request, env));
}

/** Half-sent requests (slow headers, a body that never ends) are cut off after these. */
export const SERVER_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000 };

export interface StartServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Path of a program file; the demo program when absent. */
  programFile?: string;
  allowedOrigins?: string[] | '*';
  secret: string;
  demo?: boolean;
  /** LOYALTY_ADMIN_KEY: turns /admin/v1 on. */
  adminKey?: string;
  /** Memory when absent; see open-storage.ts. */
  storage?: StorageChoice;
  /** LOYALTY_PUBLIC_URL: the storefront referral links point to; this server's URL when absent. */
  publicUrl?: string;
  /** One line per request (see createApi); silent when absent. */
  log?: ApiOptions['log'];
  /** Anonymous POST /v1/feedback per address (see createApi). */
  feedbackRateLimit?: ApiOptions['feedbackRateLimit'];
  /** Time for a request's headers, and for the whole request (SERVER_TIMEOUTS when absent). */
  timeouts?: { headersMs: number; requestMs: number };
}

export interface RunningServer {
  /** e.g. "http://127.0.0.1:8787", no trailing slash; the API is at `${url}/v1/...`. */
  url: string;
  close(): Promise<void>;
}

const createApiOrClose = async (options: ApiOptions) => createApi(options);

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  parseSecrets(options.secret); // before anything opens: a weak secret is refused at once
  const program = await loadProgramFile(options.programFile ?? demoProgramPath);
  const data = await openStorage(options.storage ?? 'memory', program);
  const timeouts = options.timeouts ?? SERVER_TIMEOUTS;
  // Node checks these timeouts on an interval (30 s by default): check often enough to keep them.
  const server = createServer({
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: Math.min(1000, timeouts.headersMs),
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8787, host, () => resolve());
    });
  } catch (error) {
    await data.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // The app is made once the port is known: it is the referral links' default public URL.
  const app = createApiOrClose({
    program,
    storage: data.storage,
    secret: options.secret,
    allowedOrigins: options.allowedOrigins ?? [],
    demo: options.demo ?? false,
    jobsEveryMs: 60_000,
    publicUrl: options.publicUrl ?? url,
    ...(options.log ? { log: options.log } : {}),
    ...(options.feedbackRateLimit === undefined ? {} : { feedbackRateLimit: options.feedbackRateLimit }),
    ...(options.adminKey ? { adminKey: options.adminKey } : {}),
  }).catch(async (error: unknown) => {
    server.close();
    await data.close();
    throw error;
  });
  const listener = createNodeListener(await app);
  server.on('request', (request, response) => void listener(request, response));
  return {
    url,
    async close() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Requests in flight finish (10 s at most); idle keep-alive sockets would otherwise hold
        // close() open until they time out.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 10_000).unref();
      });
      await data.close();
    },
  };
}
