// End-to-end harness: the built script-tag files, plain HTML pages and the reference API on one
// in-process HTTP server, and the system Chromium driven by playwright-core.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { createNodeListener } from '../../server/node.ts';
import { createTestHost } from '../../server/test-host.ts';

const root = new URL('../../', import.meta.url).pathname;
const types: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };

export interface Page {
  html: string;
  headers?: Record<string, string>;
}

export interface Harness {
  origin: string;
  /** Pages by path, served with their own headers (e.g. a CSP). */
  pages: Map<string, Page>;
  /** Answers `GET /loyalty/token` as a merchant's server would: the customer from a cookie. */
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const secret = 'e2e-secret';
  const api = createNodeListener(createTestHost({ secret }));
  const pages = new Map<string, Page>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) return api(request, response);
    if (url.pathname === '/loyalty/token') return token(request, response, url);
    if (url.pathname === '/favicon.ico') return void response.writeHead(204).end();
    // A CDN's moving alias: the module's own URL (import.meta.url) is then not its tag's src.
    if (url.pathname === '/cdn/latest/loyalty-widgets.js')
      return void response.writeHead(302, { Location: '/dist/cdn/loyalty-widgets.js' }).end();
    const page = pages.get(url.pathname);
    if (page) {
      response.writeHead(200, { 'Content-Type': 'text/html', ...page.headers });
      response.end(page.html);
      return;
    }
    if (
      url.pathname.startsWith('/dist/') ||
      url.pathname.startsWith('/node_modules/') ||
      url.pathname.startsWith('/demo/dist/') ||
      url.pathname.startsWith('/img/')
    ) {
      // The demo program's reward pictures live in demo/img, served at /img as under `npm start`.
      const file = normalize(join(root, url.pathname.startsWith('/img/') ? `demo${url.pathname}` : url.pathname));
      if (!['dist', 'node_modules', 'demo'].some((folder) => file.startsWith(join(root, folder)))) {
        return notFound(response);
      }
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        notFound(response);
      }
      return;
    }
    notFound(response);
  }

  /** The merchant's token endpoint: signed-in shoppers carry a `shopper` cookie; others are guests. */
  async function token(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const shopper = /(?:^|;\s*)shopper=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    if (!shopper) {
      response.writeHead(401).end();
      return;
    }
    const scope = url.searchParams.get('scope') ?? '';
    const minted = await fetch(`${origin}/api${scope}/demo/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ customerId: shopper }),
    });
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(await minted.text());
  }

  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pages,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
}
