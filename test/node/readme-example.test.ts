// The README's complete `configure({ api })` example is docs/examples/merchant-api.ts, which the
// typecheck compiles and the browser tests run: the two must not drift apart.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);

test('the README quotes docs/examples/merchant-api.ts as it is (with the package’s import)', async () => {
  const [readme, example] = await Promise.all([
    readFile(new URL('README.md', root), 'utf8'),
    readFile(new URL('docs/examples/merchant-api.ts', root), 'utf8'),
  ]);
  const quoted = readme.match(/```ts\n(import type \{ ApiMapping[^]*?export const merchantApi[^]*?)```/)?.[1];
  assert.ok(quoted, 'the README has the complete example');
  const expected = example
    .replace(/^(\/\/.*\n)+/, '')
    .replace("from '../../src/index.js'", "from 'loyalty-widgets'")
    .trimStart();
  assert.equal(quoted, expected);
});
