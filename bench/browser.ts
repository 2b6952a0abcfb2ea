// The system Chromium through playwright-core (no browser download), with the flags this
// machine needs and `gc()` exposed for the memory case.
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import { installPageHelpers } from './in-page.ts';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: [...chromiumArgs, '--js-flags=--expose-gc'] });
}

/**
 * A fresh profile (empty HTTP cache and IndexedDB) with the bench's page helpers. tsx compiles
 * this file with esbuild's keepNames, which wraps inner functions in `__name(...)`: functions
 * sent to the page need that helper defined there.
 */
export async function newContext(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await context.addInitScript(installPageHelpers);
  return context;
}
