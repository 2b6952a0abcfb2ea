// Browser tests: headless system Chromium, TypeScript through esbuild, and the reference API
// mounted in the test server so tests talk to it over real HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';
import { apiMiddleware, testCommandsPlugin } from './test/helpers/server-plugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

let executablePath;
try {
  executablePath = findChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const profile = mkdtempSync(join(tmpdir(), 'loyalty-wtr-'));
process.on('exit', () => rmSync(profile, { recursive: true, force: true }));

export default {
  // Server, Node-only and end-to-end suites run in Node (`test:node`, `test:e2e`), not here.
  files: process.env.TEST_FILES ?? ['test/**/*.test.ts', '!test/server/**', '!test/node/**', '!test/e2e/**'],
  nodeResolve: true,
  // One page at a time: a page the browser keeps in the background gets no animation frames,
  // and focus, clipboard and rAF-timed tests need to be the page in front.
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: resolve(root, 'tsconfig.json'), target: 'es2022' }),
    testCommandsPlugin(),
  ],
  middleware: [apiMiddleware],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [...chromiumArgs, `--user-data-dir=${profile}`],
      },
    }),
  ],
};
