// The README as a new user copies it: every TypeScript, TSX and JavaScript block compiles with
// `strict` against the package's own entry points (its exports map, resolved to the sources), the
// Vue block compiles with Vue's compiler, and every HTML block's scripts parse.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Script } from 'node:vm';
import { compileScript, compileTemplate, parse } from 'vue/compiler-sfc';
import ts from 'typescript';

const root = new URL('../../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');

interface Block {
  lang: string;
  code: string;
  /** The README line the block starts on, for the failure message. */
  line: number;
}

const blocks: Block[] = [...readme.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((match) => ({
  lang: match[1],
  code: match[2],
  line: readme.slice(0, match.index).split('\n').length,
}));

/** Names the snippets leave to the reader's app, declared so the rest can be checked. */
const placeholders = `
declare function fetchToken(): Promise<string | null>;
declare function tokenProvider(): Promise<string | null>;
declare function render(points: number): void;
`;

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

/** Type-checks the files (name to text) together as a strict browser app; returns the errors. */
function typeCheck(files: Map<string, string>): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    allowJs: true,
    checkJs: true,
    noEmit: true,
    skipLibCheck: true,
    isolatedModules: true,
    // The package's sources use Lit's decorators as the build compiles them.
    experimentalDecorators: true,
    useDefineForClassFields: false,
    types: [],
    baseUrl: root,
    paths: packagePaths(),
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  host.getSourceFile = (name, version, ...rest) => {
    const text = files.get(name);
    return text === undefined ? getSourceFile(name, version, ...rest) : ts.createSourceFile(name, text, version);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file && files.has(diagnostic.file.fileName))
    .map((diagnostic) => {
      const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      return `${diagnostic.file!.fileName.slice(root.length)}:${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
}

const isCustomElement = (tag: string) => tag.includes('-');

test('the README has the snippets this test reads', () => {
  const langs = new Set(blocks.map((block) => block.lang));
  for (const lang of ['ts', 'tsx', 'vue', 'html']) assert.ok(langs.has(lang), `no \`\`\`${lang} block`);
});

test('every TypeScript, TSX and JavaScript block of the README compiles strictly against the package', () => {
  const files = new Map<string, string>([[join(root, '.readme/placeholders.d.ts'), placeholders]]);
  for (const { lang, code, line } of blocks) {
    const ext = { ts: 'ts', tsx: 'tsx', js: 'js', jsx: 'jsx' }[lang];
    // Each block is its own module, named after its README line.
    if (ext) files.set(join(root, `.readme/line-${line}.${ext}`), `${code}\nexport {};\n`);
  }
  // The script block of each Vue single-file component, as Volar sees it.
  for (const { lang, code, line } of blocks) {
    const script = lang === 'vue' ? parse(code).descriptor.scriptSetup : null;
    if (script) files.set(join(root, `.readme/line-${line}.vue.ts`), script.content);
  }
  assert.deepEqual(typeCheck(files), [], 'README blocks that do not compile (file names give the README line)');
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
