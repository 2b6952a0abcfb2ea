// What `npm publish` would ship, read from `npm pack --dry-run` after the build and the examples'
// build (`npm run test:e2e` runs both first): only the allowed files, every entry point present,
// and a size a shop's install would not notice.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { appFiles, typeCheck } from '../helpers/readme-blocks.ts';

const root = new URL('../../', import.meta.url);

interface Packed {
  size: number;
  files: { path: string }[];
}

// Scripts off: prepack would rebuild and hide what the steps before left in dist/.
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
) as Packed[];
const paths = packed.files.map((file) => file.path);

const allowed = [
  /^(package\.json|README\.md|LICENSE|custom-elements\.json)$/,
  /^docs\/(openapi\.yaml|[\w-]+\.md)$/,
  /^dist\/npm\/[\w./-]+\.js$/,
  /^dist\/types\/[\w./-]+\.d\.ts$/,
  /^dist\/cdn\/[\w.-]+\.js$/,
];

/**
 * Packed tarball ceiling: about 395 kB with the demo bundles it guards against; 349 kB with the
 * launcher and panel and the npm build's source maps, which held the sources a second time; 210 kB
 * without them (the npm build is unminified, one file per module: it reads as its source); 263 kB
 * with <feedback-survey>, the program surveys' SDK code and the lazy modules of this session.
 */
const maxPackedBytes = 280_000;

test('the package holds only the library, its types, docs and licence', () => {
  const strays = paths.filter((path) => !allowed.some((pattern) => pattern.test(path)));
  assert.deepEqual(strays, [], 'files outside the allow-list would be published');
});

test('the packed tarball stays under its ceiling', () => {
  assert.ok(packed.size <= maxPackedBytes, `packed ${packed.size} B, ceiling ${maxPackedBytes} B`);
});

test('every entry point in package.json and every doc the README links is in the package', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as Record<string, unknown>;
  const targets = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect([pkg.main, pkg.module, pkg.types, pkg.unpkg, pkg.customElements, pkg.exports]);
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  // Relative links only: absolute ones point at the repository.
  for (const [, link] of readme.matchAll(/\]\((?!https?:|#)([^)#]+)/g)) targets.add(link);
  const missing = [...targets].filter((target) =>
    target.includes('*') ? !paths.some((path) => path.startsWith(target.split('*')[0])) : !paths.includes(target),
  );
  assert.deepEqual(missing, [], 'package.json or the README points at files the package lacks');
  for (const key of ['repository', 'homepage', 'bugs', 'license']) assert.ok(pkg[key], `package.json lacks ${key}`);
});

test("a strict TypeScript app that installs the tarball compiles the README's snippets against its types", (t) => {
  const app = mkdtempSync(join(tmpdir(), 'loyalty-app-'));
  t.after(() => rmSync(app, { recursive: true, force: true }));
  const modules = join(app, 'node_modules');
  mkdirSync(join(modules, 'loyalty-widgets'), { recursive: true });
  const [tarball] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', app], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as { filename: string }[];
  execFileSync('tar', [
    '-xzf',
    join(app, tarball.filename),
    '-C',
    join(modules, 'loyalty-widgets'),
    '--strip-components=1',
  ]);
  // The app's own dependencies (the package's, and the frameworks of its snippets), as installed here.
  mkdirSync(join(modules, '@types'));
  for (const name of ['lit', 'ky', 'idb-keyval', 'lean-qr', 'react', '@types/react', 'vue']) {
    symlinkSync(new URL(`node_modules/${name}`, root).pathname, join(modules, name), 'dir');
  }
  // skipLibCheck off: the package's declaration files are checked too, as a strict app may.
  assert.deepEqual(typeCheck(appFiles(join(app, 'src')), { skipLibCheck: false }), []);
});
