// The README's code blocks as a new user copies them, and a strict TypeScript check of them as
// one app (Node only: the README test and the packed-tarball test share it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'vue/compiler-sfc';
import ts from 'typescript';

export const root = new URL('../../', import.meta.url).pathname;
export const readme = readFileSync(join(root, 'README.md'), 'utf8');

export interface Block {
  lang: string;
  code: string;
  /** The README line the block starts on, for failure messages. */
  line: number;
}

export const blocks: Block[] = [...readme.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((match) => ({
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

/**
 * The app's files under `dir`: each ts/tsx/js block as its own module named after its README
 * line, and the script of each Vue single-file component as Volar sees it.
 */
export function appFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>([[join(dir, 'placeholders.d.ts'), placeholders]]);
  for (const { lang, code, line } of blocks) {
    const ext = { ts: 'ts', tsx: 'tsx', js: 'js', jsx: 'jsx' }[lang];
    if (ext) files.set(join(dir, `line-${line}.${ext}`), `${code}\nexport {};\n`);
    const script = lang === 'vue' ? parse(code).descriptor.scriptSetup : null;
    if (script) files.set(join(dir, `line-${line}.vue.ts`), script.content);
  }
  return files;
}

/** Type-checks `files` (name to text) as a strict browser app; returns the errors found in them. */
export function typeCheck(files: Map<string, string>, extra: ts.CompilerOptions = {}): string[] {
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
    isolatedModules: true,
    types: [],
    ...extra,
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
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: `
      : '';
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  });
}
