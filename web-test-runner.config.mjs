// Browser tests: headless system Chromium, TypeScript through esbuild, and the reference API
// mounted in the test server so tests talk to it over real HTTP.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { apiMiddleware, testCommandsPlugin } from './test/helpers/server-plugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

function findChromium() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  console.error('No Chromium found: install one (Debian: apt-get install -y chromium) or set CHROME_PATH.');
  process.exit(1);
}

const profile = mkdtempSync(join(tmpdir(), 'loyalty-wtr-'));
process.on('exit', () => rmSync(profile, { recursive: true, force: true }));

export default {
  // Server and Node-only suites run in Node (`npm run test:node`), not in the browser.
  files: process.env.TEST_FILES ?? ['test/**/*.test.ts', '!test/server/**', '!test/node/**'],
  nodeResolve: true,
  concurrency: 2,
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
        executablePath: findChromium(),
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          // Tests run in several pages at once: keep timers and animation frames of the
          // pages not in front running at full speed.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
          `--user-data-dir=${profile}`,
        ],
      },
    }),
  ],
};
