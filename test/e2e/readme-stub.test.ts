// The README's script-tag snippet: the pre-load stub and its CSP hash exactly as src/stub.js
// (test/e2e/browser runs the stub under that CSP in every engine).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const stub = readFileSync(new URL('../../src/stub.js', import.meta.url), 'utf8').trim();
const stubHash = `sha256-${createHash('sha256').update(stub).digest('base64')}`;

test('the README gives the stub and its CSP hash as they are', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  assert.ok(readme.includes(`<script>${stub}</script>`), 'README stub differs from src/stub.js');
  assert.ok(readme.includes(stubHash), `README lacks the hash ${stubHash}`);
});
