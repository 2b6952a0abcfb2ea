// Node hosting: the Hono app as a node:http request listener (for Vite and web-test-runner
// middleware), and a standalone server for `npm run serve` and tests over a real port.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApi } from './app.js';
import { demoProgramPath, loadProgramFile } from './load-program.js';
import { openStorage, type StorageChoice } from './open-storage.js';

export type NodeListener = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface FetchApp {
  fetch(request: Request): Response | Promise<Response>;
}

/** The app (createApi or createTestHost) as a listener for node:http, Connect or Koa. */
export function createNodeListener(app: FetchApp): NodeListener {
  return getRequestListener((request) => app.fetch(request));
}

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
}

export interface RunningServer {
  /** e.g. "http://127.0.0.1:8787", no trailing slash; the API is at `${url}/v1/...`. */
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const program = await loadProgramFile(options.programFile ?? demoProgramPath);
  const data = await openStorage(options.storage ?? 'memory', program);
  const app = createApi({
    program,
    storage: data.storage,
    secret: options.secret,
    allowedOrigins: options.allowedOrigins ?? [],
    demo: options.demo ?? false,
    jobsEveryMs: 60_000,
    ...(options.adminKey ? { adminKey: options.adminKey } : {}),
  });
  const listener = createNodeListener(app);
  const server = createServer((request, response) => void listener(request, response));
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
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
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
