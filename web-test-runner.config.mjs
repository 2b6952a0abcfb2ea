// Browser tests in three engines (Chromium, Firefox, WebKit), TypeScript through esbuild, and the
// reference API mounted in the test server so tests talk to it over real HTTP.
// `BROWSERS=firefox` (or a comma list of chromium, firefox, webkit) runs a subset.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { engineSummary } from './scripts/engine-summary.mjs';
import { findFirefox, findWebKit, selectedEngines, startWebKitDriver } from './scripts/browsers.mjs';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';
import { apiMiddleware, shopMiddleware, testCommandsPlugin } from './test/helpers/server-plugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** WebKitGTK's MiniBrowser; WebKitWebDriver (and Xvfb) live exactly as long as the launcher. */
class WebKitLauncher extends WebdriverLauncher {
  constructor(webkit) {
    super({
      hostname: '127.0.0.1',
      capabilities: {
        browserName: 'MiniBrowser',
        // Classic WebDriver: webdriverio otherwise asks for BiDi, which the driver refuses.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: webkit.browser, args: ['--automation'] },
      },
    });
    this.webkit = webkit;
  }
  async initialize(config, testFiles) {
    this.running = await startWebKitDriver(this.webkit);
    this.options.port = this.running.port;
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }
  // webdriverio sends a list of keys as one chord (all down, then all up), so typing "1500" sends
  // the second "0" while the first is held and loses it: one key at a time is typing.
  async sendKeys(sessionId, keys) {
    for (const key of keys) await super.sendKeys(sessionId, [key]);
  }
  async stop() {
    await super.stop();
    this.running?.stop();
  }
}

/** WebDriver BiDi knows the space bar only as ' '; tests press 'Space', as Chromium and WebDriver name it. */
function spaceBarAsBidiNamesIt(page) {
  for (const method of ['press', 'down', 'up']) {
    const original = page.keyboard[method].bind(page.keyboard);
    page.keyboard[method] = (key, ...rest) => original(key === 'Space' ? ' ' : key, ...rest);
  }
  return page;
}

const launchers = {
  chromium: () => {
    const profile = mkdtempSync(join(tmpdir(), 'loyalty-wtr-'));
    process.on('exit', () => rmSync(profile, { recursive: true, force: true }));
    return chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        executablePath: findChromium(),
        headless: true,
        args: [...chromiumArgs, `--user-data-dir=${profile}`],
      },
    });
  },
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: findFirefox(),
        headless: true,
        // navigator.clipboard writes and reads without a prompt (puppeteer cannot grant it in Firefox).
        extraPrefsFirefox: { 'dom.events.testing.asyncClipboard': true },
      },
      createPage: async ({ context }) => spaceBarAsBidiNamesIt(await context.newPage()),
    }),
  webkit: () => new WebKitLauncher(findWebKit()),
};

let browsers;
try {
  browsers = selectedEngines().map((engine) => launchers[engine]());
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

export default {
  // Server, Node-only and end-to-end suites run in Node (`test:node`, `test:e2e`), not here.
  files: process.env.TEST_FILES ?? ['test/**/*.test.ts', '!test/server/**', '!test/node/**', '!test/e2e/**'],
  nodeResolve: true,
  // One page at a time per engine: a page the browser keeps in the background gets no animation
  // frames, and focus, clipboard and rAF-timed tests need to be the page in front.
  concurrency: 1,
  // The engines run at once (2.6x faster than one after another on 2 cores: 140 s against
  // 345 s); CONCURRENT_BROWSERS=1 runs them one after another on a machine short of CPU.
  concurrentBrowsers: Number(process.env.CONCURRENT_BROWSERS) || 3,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: resolve(root, 'tsconfig.json'), target: 'es2022' }),
    testCommandsPlugin(),
  ],
  middleware: [apiMiddleware, shopMiddleware],
  reporters: [defaultReporter(), engineSummary()],
  browsers,
};
