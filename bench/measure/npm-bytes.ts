// Bytes through npm: each entry of the package's exports map bundled on its own with all its
// dependencies (Lit, ky, idb-keyval, lean-qr), minified, as a merchant's bundler would. Chunks
// the entry only reaches through import() are listed apart.
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build, type Rolldown } from 'vite';
import { npmDir, outDir } from '../build.ts';
import { kb, sizeOf, total, type Size } from '../compress.ts';
import { check, type Section } from '../types.ts';

export interface Bundle {
  entry: string;
  /** The entry and what it imports statically: what loads up front. */
  initial: Size;
  lazy: { name: string; size: Size }[];
}

async function bundle(input: string): Promise<Bundle> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: { input, preserveEntrySignatures: 'exports-only', output: { format: 'es' } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((output) =>
    'output' in output ? output.output : [],
  );
  const chunks = new Map(
    outputs
      .filter((item): item is Rolldown.OutputChunk => item.type === 'chunk')
      .map((chunk) => [chunk.fileName, chunk]),
  );
  const initial = new Set<string>();
  const visit = (name: string) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const next of chunks.get(name)?.imports ?? []) visit(next);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  const sizeOfChunk = (name: string) => sizeOf(chunks.get(name)!.code);
  return {
    entry: input,
    initial: total([...initial].map(sizeOfChunk)),
    lazy: [...chunks.keys()]
      .filter((name) => !initial.has(name))
      .map((name) => ({ name: chunks.get(name)!.name, size: sizeOfChunk(name) })),
  };
}

type Exports = Record<string, string | { default?: string }>;

interface Entry {
  /** What the merchant writes: `loyalty-widgets/nps-survey`. */
  specifier: string;
  /** The built file the exports map names. */
  file: string;
}

/**
 * Installs the build as node_modules/<name> under bench/.out (package.json and dist/npm), so the
 * bundler resolves it as a merchant's would: through the exports map, honouring `sideEffects`.
 */
function installAsPackage(): { name: string; entries: Entry[] } {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; exports: Exports };
  const dir = `${outDir}/node_modules/${manifest.name}`;
  rmSync(dir, { recursive: true, force: true });
  cpSync(npmDir, `${dir}/dist/npm`, { recursive: true });
  copyFileSync('package.json', `${dir}/package.json`);
  // The apps get a package of their own: inside the repo's, `import 'loyalty-widgets'` would be a
  // self-reference and resolve to the repo's dist/, which is not this build.
  writeFileSync(`${outDir}/package.json`, '{ "name": "bench-merchant-app", "private": true, "type": "module" }\n');
  const entries: Entry[] = [];
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    const path = typeof target === 'string' ? target : target.default;
    if (!path?.startsWith('./dist/npm/') || !path.endsWith('.js')) continue;
    const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
    entries.push({ specifier, file: `${dir}/${path.slice(2)}` });
  }
  return { name: manifest.name, entries };
}

/** A one-line app that uses the entry: everything from the main entry, the registration of the others. */
function appFor({ specifier }: Entry, name: string): string {
  const dir = `${outDir}/apps`;
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/${specifier.replace(/\W+/g, '_')}.js`;
  writeFileSync(file, specifier === name ? `export * from '${name}';\n` : `import '${specifier}';\n`);
  return file;
}

/** The dependencies alone, for scale: what any Lit + ky + idb-keyval widget starts from. */
function baselineApp(): string {
  mkdirSync(`${outDir}/apps`, { recursive: true });
  const file = `${outDir}/apps/baseline.js`;
  writeFileSync(file, "export * from 'lit';\nexport { default as ky } from 'ky';\nexport * from 'idb-keyval';\n");
  return file;
}

const row = (what: string, size: Size): string[] => [what, kb(size.raw), kb(size.gzip), kb(size.brotli)];

export async function measureNpmBytes(): Promise<Section> {
  const notes: string[] = [];
  const { name, entries } = installAsPackage();
  const rows: string[][] = [];
  const data: Record<string, Bundle & { note?: string }> = {};
  for (const entry of entries) {
    let result: Bundle;
    let note: string | undefined;
    if (existsSync(entry.file)) {
      result = await bundle(appFor(entry, name));
    } else {
      // Broken exports map: say so, and still size what the build emitted for this entry.
      const emitted = `${npmDir}/${entry.specifier.slice(name.length + 1)}.js`;
      if (!existsSync(emitted)) throw new Error(`${entry.specifier}: ${entry.file} is not in the build`);
      note = `${entry.specifier}: the exports map names a file the build does not emit; sized ${emitted.slice(outDir.length + 1)} directly`;
      result = await bundle(emitted);
    }
    if (result.initial.raw < 200) {
      note = `${entry.specifier} bundles to nothing: bundlers drop its modules as side-effect free (package.json "sideEffects")`;
    }
    if (note) notes.push(note);
    data[entry.specifier] = { ...result, ...(note ? { note } : {}) };
    rows.push(row(`import '${entry.specifier}'${note ? ' (see note)' : ''}`, result.initial));
    // Lazy chunks (languages, the QR encoder) on one line: they are itemised in the script-tag table.
    if (result.lazy.length) {
      const names = result.lazy.map((lazy) => lazy.name).join(', ');
      rows.push(row(`  + lazy, loaded on demand: ${names}`, total(result.lazy.map((lazy) => lazy.size))));
    }
  }
  const baseline = await bundle(baselineApp());
  rows.push(row('For scale: lit + ky + idb-keyval alone', baseline.initial));
  return {
    id: 'npmBytes',
    title: 'Bytes: npm entries, each bundled alone with its dependencies (minified)',
    columns: ['Entry', 'Raw', 'Gzip', 'Brotli'],
    rows,
    // Not a byte budget, but sizes of entries that do not resolve or bundle to nothing mean nothing.
    checks: [
      check(
        'npm entries resolve and keep their code',
        `${entries.length} entries`,
        `${entries.length - notes.length} of ${entries.length}`,
        notes.length === 0,
        notes.length ? 'see the notes under the npm table' : undefined,
      ),
    ],
    notes,
    data: { entries: data, baseline: baseline.initial },
  };
}
