// `npm start` as the README promises it on a fresh clone: the demo storefront and its API on one
// port, the embedded database created (nested directories that do not exist yet) and seeded.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

test('npm start serves the demo storefront and its API on a fresh data directory', { timeout: 90_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'loyalty-demo-'));
  const port = await freePort();
  const child = spawn(
    'npm',
    ['start', '--silent', '--', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      env: { ...process.env, LOYALTY_DATA_DIR: join(dir, 'not', 'there', 'yet'), DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const base = `http://127.0.0.1:${port}`;
    let page: Response | undefined;
    for (let attempt = 0; attempt < 120 && !page; attempt++) {
      page = await fetch(base).catch(() => undefined);
      if (!page) await Promise.race([new Promise((resolve) => setTimeout(resolve, 500)), exited]);
      if (child.exitCode !== null) break;
    }
    assert.ok(page?.ok, `the demo did not start:\n${output}`);
    assert.match(await page.text(), /<loyalty-launcher/);
    const program = await fetch(`${base}/api/v1/program`);
    assert.equal(program.status, 200, output);
    assert.ok(((await program.json()) as { name?: string }).name);
  } finally {
    // npm and Vite below it: the whole group, as Ctrl-C would.
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGINT');
    await exited;
    await rm(dir, { recursive: true, force: true });
  }
});
