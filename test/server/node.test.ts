// Over a real socket: startServer on a free port, and the serve CLI's start-up checks.
/* eslint-disable @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here; helpers/contract.ts checks each one against docs/openapi.yaml */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, it } from './helpers/node-test.ts';
import { createNodeListener, startServer } from '../../server/node.ts';
import { createTestHost } from '../../server/test-host.ts';
import { spendTiersProgramPath } from '../../server/load-program.ts';
import { loadContract } from './helpers/contract.ts';
import { SECRET } from './helpers/api.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `node --import tsx server/serve.ts` until it prints a line (or exits). */
function serve(env: Record<string, string | undefined>, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/serve.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // 'close', not 'exit': by then stdout and stderr are fully read.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const url = /listening on (\S+)/.exec(stdout)?.[1];
      if (url) resolve(url);
    });
    void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  listening.catch(() => {}); // only awaited by tests that expect a start
  return { child, exited, listening, output: () => ({ stdout, stderr }) };
}

describe('startServer', () => {
  it('serves the API at the root over HTTP on a free port', async () => {
    const server = await startServer({ port: 0, secret: SECRET, allowedOrigins: ['https://shop.example'] });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/v1/program`, { headers: { Origin: 'https://shop.example' } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), 'https://shop.example');
      const text = await response.text();
      (await loadContract()).check('GET', '/v1/program', { status: response.status, headers: response.headers, text });
      assert.equal(JSON.parse(text).name, 'Acme Rewards');
      const etag = response.headers.get('ETag')!;
      assert.equal((await fetch(`${server.url}/v1/program`, { headers: { 'If-None-Match': etag } })).status, 304);
      assert.equal(
        (await fetch(`${server.url}/demo/token`, { method: 'POST' })).status,
        404,
        'demo endpoints are off by default',
      );
    } finally {
      await server.close();
    }
  });

  it('serves another program file, and posts bodies over the socket', async () => {
    const server = await startServer({ port: 0, secret: SECRET, programFile: spendTiersProgramPath, demo: true });
    try {
      const minted = await fetch(`${server.url}/demo/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"customerId":"c_sam"}',
      });
      const { token } = (await minted.json()) as { token: string };
      const me = (await (
        await fetch(`${server.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } })
      ).json()) as { tierProgress: { metric: string } };
      assert.equal(me.tierProgress.metric, 'spend');
      const tooBig = await fetch(`${server.url}/v1/feedback`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k' },
        body: JSON.stringify({ comment: 'x'.repeat(20_000) }),
      });
      assert.equal(tooBig.status, 413);
    } finally {
      await server.close();
    }
  });
});

describe('createNodeListener', () => {
  it('mounts the test host in a plain node:http server', async () => {
    const listener = createNodeListener(createTestHost({ secret: SECRET }));
    const server = createServer((request, response) => void listener(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/s/node/v1/rewards`);
      assert.equal(response.status, 200);
      assert.ok(((await response.json()) as { rewards: unknown[] }).rewards.length >= 12);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('serve.ts', () => {
  it('stops when `npm run serve` gets SIGTERM, though npm does not pass the signal on', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'loyalty-serve-'));
    const npm = spawn('npm', ['run', 'serve', '--silent'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LOYALTY_TOKEN_SECRET: SECRET,
        PORT: '0',
        LOYALTY_DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        npm.stdout.on('data', (chunk) => {
          out += String(chunk);
          const found = /listening on (\S+)/.exec(out)?.[1];
          if (found) resolve(found);
        });
        npm.on('close', () => reject(new Error(`npm exited: ${out}`)));
      });
      assert.equal((await fetch(`${url}/v1/program`)).status, 200);
      npm.kill('SIGTERM');
      // The server notices within a second and closes; then nothing listens on its port.
      let stopped = false;
      for (let i = 0; i < 50 && !stopped; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        stopped = await fetch(`${url}/v1/program`).then(
          () => false,
          () => true,
        );
      }
      assert.ok(stopped, 'the server still answers after npm got SIGTERM');
    } finally {
      npm.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start without LOYALTY_TOKEN_SECRET: one clear line, exit code 1', async () => {
    const run = serve({});
    assert.equal(await run.exited, 1);
    const { stderr, stdout } = run.output();
    assert.equal(stdout, '');
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.match(stderr, /LOYALTY_TOKEN_SECRET/);
  });

  it('refuses a secret under 32 bytes, also one of several: one clear line, exit code 1', async () => {
    for (const secret of ['s', `${SECRET},short-old-secret`]) {
      const run = serve({ LOYALTY_TOKEN_SECRET: secret, PORT: '0' });
      assert.equal(await run.exited, 1, secret);
      const { stderr, stdout } = run.output();
      assert.equal(stdout, '');
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      assert.match(stderr, /LOYALTY_TOKEN_SECRET.*at least 32/);
    }
  });

  it('refuses a bad port and a missing program file', async () => {
    const port = serve({ LOYALTY_TOKEN_SECRET: SECRET, PORT: 'eighty' });
    assert.equal(await port.exited, 1);
    assert.match(port.output().stderr, /port/);
    const program = serve({ LOYALTY_TOKEN_SECRET: SECRET, PORT: '0', LOYALTY_PROGRAM: 'no/such/program.json' });
    assert.equal(await program.exited, 1);
    assert.match(program.output().stderr, /no\/such\/program\.json/);
  });

  it('starts with a secret and serves /v1 at the root, with the allowed origins', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'loyalty-serve-'));
    const run = serve({
      LOYALTY_TOKEN_SECRET: SECRET,
      LOYALTY_DATA_DIR: dataDir,
      PORT: '0',
      LOYALTY_ALLOWED_ORIGINS: 'https://a.example, https://b.example',
    });
    try {
      const url = await run.listening;
      const response = await fetch(`${url}/v1/program`, { headers: { Origin: 'https://b.example' } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), 'https://b.example');
      assert.equal((await fetch(`${url}/demo/customers`, { method: 'POST' })).status, 404);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
