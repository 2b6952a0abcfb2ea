// One in-process HTTP server for the whole run: the reference API (demo program at /api, the
// 1,000-reward program at /big/api), the script-tag build at /cdn, and generated pages at /page.
// Everything is one origin, so no CORS preflight adds requests to what the bench counts.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { compress } from './compress.ts';
import { createNodeListener } from '../server/node.ts';
import { createTestHost } from '../server/test-host.ts';
import { bigProgram } from './program.ts';

export interface BenchServer {
  origin: string;
  /** Serves `html` at a fresh path and returns its URL. */
  page(html: string): string;
  close(): Promise<void>;
}

const secret = `bench-${randomUUID()}`;

export async function startBenchServer(cdnDir: string): Promise<BenchServer> {
  const demoApi = createNodeListener(createTestHost({ secret }));
  const bigApi = createNodeListener(createTestHost({ secret, program: bigProgram() }));
  const pages = new Map<string, string>();

  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path.startsWith('/api/')) return void demoApi(request, response);
    if (path.startsWith('/big/api/')) {
      request.url = request.url!.slice('/big'.length);
      return void bigApi(request, response);
    }
    if (path.startsWith('/cdn/')) {
      return serveFile(response, cdnDir, path.slice('/cdn/'.length), String(request.headers['accept-encoding'] ?? ''));
    }
    const html = pages.get(path);
    if (html !== undefined) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      return void response.end(html);
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(html) {
      const path = `/page/${randomUUID().slice(0, 8)}.html`;
      pages.set(path, html);
      return `${origin}${path}`;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Delayed API answers and keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

/** Compressed once per file and encoding: the build does not change while the bench runs. */
const compressed = new Map<string, Buffer>();

/**
 * The build's files, cacheable for an hour and compressed as a CDN serves them: brotli when the
 * browser takes it, else gzip (sizes are computed apart, in compress.ts, at the same levels).
 */
function serveFile(response: ServerResponse, dir: string, name: string, accepts: string): void {
  const file = normalize(join(dir, decodeURIComponent(name)));
  if (!file.startsWith(normalize(dir)) || !existsSync(file) || !file.endsWith('.js')) {
    response.writeHead(404).end();
    return;
  }
  const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
  const key = `${encoding}:${file}`;
  let body = compressed.get(key);
  if (!body) {
    body = encoding ? compress(readFileSync(file), encoding) : readFileSync(file);
    compressed.set(key, body);
  }
  response.writeHead(200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': 'public, max-age=3600',
    Vary: 'Accept-Encoding',
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  response.end(body);
}
