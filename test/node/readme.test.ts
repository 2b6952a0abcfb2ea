// The README as a new user copies it: every TypeScript, TSX and JavaScript block compiles with
// `strict` against the package's own entry points (its exports map, resolved to the sources), the
// Vue block compiles with Vue's compiler, and every HTML block's scripts parse.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Script } from 'node:vm';
import { compileScript, compileTemplate, parse } from 'vue/compiler-sfc';
import { appFiles, blocks, root, typeCheck } from '../helpers/readme-blocks.ts';

/** `loyalty-widgets/<entry>` as package.json exports it, read from the source its types come from. */
function packagePaths(): Record<string, string[]> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, string | { types?: string }>;
  };
  const paths: Record<string, string[]> = {};
  for (const [entry, target] of Object.entries(pkg.exports)) {
    const types = typeof target === 'object' ? target.types : undefined;
    if (!types) continue;
    const source = types.replace('./dist/types/', './src/').replace(/\.d\.ts$/, '.ts');
    paths[entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`] = [source];
  }
  return paths;
}

const isCustomElement = (tag: string) => tag.includes('-');

test('the README has the snippets this test reads', () => {
  const langs = new Set(blocks.map((block) => block.lang));
  for (const lang of ['ts', 'tsx', 'vue', 'html']) assert.ok(langs.has(lang), `no \`\`\`${lang} block`);
});

test('every TypeScript, TSX and JavaScript block of the README compiles strictly against the package', () => {
  const dir = join(root, '.readme');
  const files = appFiles(dir);
  const errors = typeCheck(files, {
    baseUrl: root,
    paths: packagePaths(),
    skipLibCheck: true,
    // The package's sources use Lit's decorators as the build compiles them.
    experimentalDecorators: true,
    useDefineForClassFields: false,
  }).filter((error) => error.startsWith(dir));
  assert.deepEqual(errors, [], 'README blocks that do not compile (file names give the README line)');
});

test('every Vue block compiles, its tags as custom elements with their listeners', () => {
  for (const { code, line } of blocks.filter((block) => block.lang === 'vue')) {
    const { descriptor, errors } = parse(code, { filename: `README-${line}.vue` });
    assert.deepEqual(errors, [], `README line ${line}`);
    const script = compileScript(descriptor, { id: `readme-${line}` });
    const template = compileTemplate({
      id: `readme-${line}`,
      filename: `README-${line}.vue`,
      source: descriptor.template!.content,
      compilerOptions: { isCustomElement, bindingMetadata: script.bindings },
    });
    assert.deepEqual(template.errors, [], `README line ${line}`);
    // Vue would otherwise look for a component of that name and render nothing.
    assert.doesNotMatch(template.code, /resolveComponent/, `README line ${line}: a tag is not a custom element`);
    for (const [, event] of descriptor.template!.content.matchAll(/@([\w-]+)=/g)) {
      const listener = `on${event.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase())}`;
      assert.match(template.code, new RegExp(`${listener}\\b`), `README line ${line}: @${event} becomes ${listener}`);
    }
  }
});

test("every HTML block's inline scripts parse, and its data-* settings are ones the script tag reads", () => {
  const scriptConfig = readFileSync(join(root, 'src/script-config.ts'), 'utf8');
  for (const { code, line } of blocks.filter((block) => block.lang === 'html')) {
    for (const [, body] of code.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      assert.doesNotThrow(() => new Script(body), `README line ${line}: an inline script does not parse`);
    }
    for (const [, name] of code.matchAll(/\bdata-([\w-]+)=/g)) {
      const property = name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
      assert.match(scriptConfig, new RegExp(`\\.${property}\\b`), `README line ${line}: data-${name} is never read`);
    }
  }
});
