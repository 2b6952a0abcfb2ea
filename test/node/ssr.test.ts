// Server-side rendering (Next, Nuxt) imports the package in Node: that must not throw.
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('the npm entry imports in Node without a DOM', async () => {
  const module = await import('../../src/index.ts');
  assert.equal(typeof module.configure, 'function');
  assert.equal(typeof module.LoyaltyBalance, 'function');
  assert.match(module.version, /^\d+\.\d+\.\d+/);
});

test('registering the elements in Node is a no-op, not a crash', async () => {
  await import('../../src/define.ts');
});

test('configure() works in Node and loads nothing until asked', async () => {
  const { configure, getSdk } = await import('../../src/index.ts');
  configure({ apiBase: 'https://shop.example/loyalty' });
  assert.equal(getSdk().customerId, null);
});

test('the version matches package.json', async () => {
  const { version } = await import('../../src/index.ts');
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal(version, pkg.version);
});
