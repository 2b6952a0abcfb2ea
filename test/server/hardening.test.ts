// The Node server under abuse, over real sockets: a spoofed Host, half-sent and cut-off requests,
// oversized bodies, a flood of anonymous answers; and what it reports (request log, /healthz).
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- response bodies are untyped JSON here */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { describe, it } from './helpers/node-test.ts';
import { startServer, type RunningServer, type StartServerOptions } from '../../server/node.ts';
import { SECRET } from './helpers/api.ts';

const answer = (fields: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  survey: 'nps',
  score: 9,
  answeredAt: new Date().toISOString(),
  ...fields,
});

async function withServer(options: Partial<StartServerOptions>, test: (server: RunningServer) => Promise<void>) {
  const server = await startServer({ port: 0, secret: SECRET, demo: true, ...options });
  try {
    await test(server);
  } finally {
    await server.close();
  }
}

/** GET with a Host header of our choosing (fetch does not let a caller set Host). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON, as in the other server tests
function getWithHost(url: string, host: string, token: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { Host: host, Authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Writes raw bytes on a socket and resolves with what came back once the server closed it. */
function rawExchange(url: string, bytes: string, { endAfter = false, destroyAfter = false } = {}) {
  const { hostname, port } = new URL(url);
  return new Promise<{ reply: string; closedByServer: boolean }>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(bytes);
      if (destroyAfter) {
        socket.destroy();
        resolve({ reply: '', closedByServer: false });
      } else if (endAfter) socket.end();
    });
    let reply = '';
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve({ reply, closedByServer: true }));
    // A guard only (the server's timeouts are shorter): without them this would hang for minutes.
    setTimeout(() => {
      socket.destroy();
      resolve({ reply, closedByServer: false });
    }, 25_000).unref();
  });
}

const token = async (url: string, customerId: string) =>
  (
    (await (
      await fetch(`${url}/demo/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ customerId }),
      })
    ).json()) as { token: string }
  ).token;

const postAnswer = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/v1/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...headers },
    body: JSON.stringify(body),
  });

describe('referral links', () => {
  it('come from the configured public URL, never from the Host header', async () => {
    await withServer({ publicUrl: 'https://shop.example/' }, async ({ url }) => {
      const ada = await token(url, 'c_ada');
      for (const path of ['/v1/referral', '/v1/me']) {
        const { status, body } = await getWithHost(`${url}${path}`, 'evil.example', ada);
        assert.equal(status, 200);
        const link: string = path === '/v1/me' ? body.referral.url : body.url;
        assert.equal(link, 'https://shop.example/?ref=ADA-7K2Q', path);
      }
    });
  });

  it("default to the server's own URL when none is configured, still not the Host", async () => {
    await withServer({}, async ({ url }) => {
      const { body } = await getWithHost(`${url}/v1/referral`, 'evil.example', await token(url, 'c_ada'));
      assert.equal(body.url, `${url}/?ref=ADA-7K2Q`);
    });
  });
});

describe('request log', () => {
  it('writes one JSON-ready line per request with the request id the response carries', async () => {
    const lines: Record<string, unknown>[] = [];
    await withServer({ log: (line) => lines.push(line) }, async ({ url }) => {
      const response = await fetch(`${url}/v1/program`);
      const given = await fetch(`${url}/v1/nothing`, { headers: { 'X-Request-Id': 'trace-42' } });
      assert.equal(given.headers.get('X-Request-Id'), 'trace-42');
      assert.equal(lines.length, 2);
      assert.deepEqual(
        lines.map(({ requestId, method, path, status }) => ({ requestId, method, path, status })),
        [
          { requestId: response.headers.get('X-Request-Id'), method: 'GET', path: '/v1/program', status: 200 },
          { requestId: 'trace-42', method: 'GET', path: '/v1/nothing', status: 404 },
        ],
      );
      assert.match(String(lines[0].requestId), /^[0-9a-f-]{36}$/);
      assert.equal(typeof lines[0].ms, 'number');
      assert.doesNotThrow(() => JSON.stringify(lines));
    });
  });
});

describe('cut-off and half-sent requests', () => {
  it('an upload cut off mid-body is a 400 in one log line, no stack trace', async (t) => {
    const lines: Record<string, unknown>[] = [];
    const errors = t.mock.method(console, 'error', () => {});
    await withServer({ log: (line) => lines.push(line) }, async ({ url }) => {
      const body = JSON.stringify(answer({ comment: 'x'.repeat(1500) }));
      const head =
        `POST /v1/feedback HTTP/1.1\r\nHost: ${new URL(url).host}\r\nContent-Type: application/json\r\n` +
        `Idempotency-Key: ${crypto.randomUUID()}\r\nContent-Length: ${body.length}\r\n\r\n`;
      await rawExchange(url, head + body.slice(0, 700), { destroyAfter: true });
      for (let i = 0; i < 100 && lines.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(lines.length, 1, JSON.stringify(lines));
      assert.equal(lines[0].status, 400);
      assert.match(String(lines[0].error), /ended before it was complete/);
      assert.equal(errors.mock.callCount(), 0, 'nothing on stderr');
      const stored = (await (await fetch(`${url}/demo/feedback`)).json()) as { feedback: unknown[] };
      assert.deepEqual(stored.feedback, [], 'nothing stored');
    });
  });

  it('closes a connection whose headers never finish (408)', async () => {
    await withServer({ timeouts: { headersMs: 300, requestMs: 600 } }, async ({ url }) => {
      const { reply, closedByServer } = await rawExchange(url, 'POST /v1/feedback HTTP/1.1\r\nHost: x\r\n');
      assert.ok(closedByServer, 'the server closed the half-sent request');
      assert.match(reply, /^HTTP\/1\.1 408/);
    });
  });

  it('closes a connection whose body never finishes', async () => {
    await withServer({ timeouts: { headersMs: 300, requestMs: 600 } }, async ({ url }) => {
      const head =
        'POST /v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        `Idempotency-Key: ${crypto.randomUUID()}\r\nContent-Length: 500\r\n\r\n{"id":`;
      const { closedByServer } = await rawExchange(url, head);
      assert.ok(closedByServer, 'the server closed the request whose body stalled');
    });
  });

  it('by default closes a connection whose headers stall for 10 s, long before a minute', async () => {
    await withServer({}, async ({ url }) => {
      const { reply, closedByServer } = await rawExchange(url, 'GET /v1/program HTTP/1.1\r\nHost: x\r\n');
      assert.ok(closedByServer, 'Node alone would wait 60 s for the headers');
      assert.match(reply, /^HTTP\/1\.1 408/);
    });
  });
});

describe('body limit', () => {
  it('refuses a body over 16 KB on any route before it runs (413 problem+json), chunked or not', async () => {
    await withServer({}, async ({ url }) => {
      const big = JSON.stringify({ filler: 'x'.repeat(20_000) });
      // /v1/program takes no POST (405), but the limit answers first.
      const declared = await fetch(`${url}/v1/program`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: big,
      });
      assert.equal(declared.status, 413);
      assert.equal(declared.headers.get('Content-Type'), 'application/problem+json');
      const chunked = await fetch(`${url}/v1/program`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: new Blob([big]).stream(),
        duplex: 'half',
      } as RequestInit);
      assert.equal(chunked.status, 413);
      assert.equal(((await chunked.json()) as { code: string }).code, 'payload-too-large');
    });
  });
});

describe('anonymous feedback rate limit', () => {
  it('answers 429 with Retry-After (problem+json) past the limit per address, storing nothing', async () => {
    await withServer({ feedbackRateLimit: { limit: 5, windowMs: 60_000 } }, async ({ url }) => {
      for (let i = 0; i < 5; i++) assert.equal((await postAnswer(url, answer())).status, 201);
      const limited = await postAnswer(url, answer());
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('Content-Type'), 'application/problem+json');
      const seconds = Number(limited.headers.get('Retry-After'));
      assert.ok(Number.isInteger(seconds) && seconds >= 1 && seconds <= 60, String(seconds));
      assert.equal(((await limited.json()) as { code: string }).code, 'rate-limited');
      const stored = (await (await fetch(`${url}/demo/feedback`)).json()) as { feedback: unknown[] };
      assert.equal(stored.feedback.length, 5);
      // A signed-in customer's answer is not the anonymous flood.
      const ada = await token(url, 'c_ada');
      assert.equal((await postAnswer(url, answer(), { Authorization: `Bearer ${ada}` })).status, 201);
    });
  });
});
