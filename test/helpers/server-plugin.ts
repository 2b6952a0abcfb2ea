// Test-runner side of the browser tests: mounts the reference API (isolated scopes per test at
// /api/s/<scope>/...), serves it from a second origin for CORS tests, and offers commands that
// only the browser driver can do (permissions, window size, key chords) in each engine's driver,
// and in Chromium the accessibility tree a screen reader reads.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { loadProgramFile, spendTiersProgramPath } from '../../server/load-program.ts';
import { createTestHost } from '../../server/test-host.ts';

// Scopes named `spend-…` run the spend-tiers program (tiers by money spent, in euros).
const host = createTestHost({
  secret: 'test-secret-not-for-production-0123456789',
  scopePrograms: { spend: await loadProgramFile(spendTiersProgramPath) },
});
const listener = getRequestListener((request) => host.fetch(request));

interface KoaContext {
  path: string;
  query: Record<string, string | string[] | undefined>;
  req: import('node:http').IncomingMessage;
  res: import('node:http').ServerResponse;
  respond?: boolean;
  status: number;
  body: unknown;
  response: { set(field: string, value: string): void };
  type: string;
  set(headers: Record<string, string>): void;
}

/** The engine a request comes from, by its user agent. */
const engineOf = (userAgent = '') =>
  /Firefox\//.test(userAgent) ? 'firefox' : /Chrome\//.test(userAgent) ? 'chromium' : 'webkit';

export async function apiMiddleware(ctx: KoaContext, next: () => Promise<unknown>) {
  if (!ctx.path.startsWith('/api/')) return next();
  // The engines run at once: each gets its own copy of the shared API at /api (the demo pages'
  // shopper Ada), so one engine's redemption never moves another's balance. Scoped paths
  // (/api/s/<scope>, and /api/m/<scope> for the merchant-shaped API) stay as they are.
  if (!/^\/api\/[sm]\//.test(ctx.path)) {
    ctx.req.url = ctx.req.url!.replace(/^\/api\//, `/api/s/shared-${engineOf(ctx.req.headers['user-agent'])}/`);
  }
  ctx.respond = false;
  await listener(ctx.req, ctx.res);
}

interface ShopPage {
  html: string;
  type?: string;
  headers?: Record<string, string>;
}
/**
 * Source modules a test makes fail (`fail-module`), as a CDN that answers 404/500 or a dropped
 * connection fails a lazy chunk: the next `times` requests from that engine whose path ends with
 * the path get `status`. Keyed `<engine> <path>`: the engines run the same test at once.
 */
const moduleFaults = new Map<string, { times: number; status: number }>();

/** Pages the end-to-end tests of the built script tag register (`shop-page`), by path. */
const shopPages = new Map<string, ShopPage>();

/**
 * What a shop's own server does for the end-to-end tests (test/e2e/browser): serves the pages
 * they register with their headers (a strict CSP), the merchant's token endpoint (the customer
 * from a `shopper` cookie; a guest gets 401), a CDN's moving alias of the script tag and the
 * demo's reward pictures at /img. The built framework examples (/demo/dist/) and the script tag
 * (/dist/) are the test server's own static files.
 */
export async function shopMiddleware(ctx: KoaContext, next: () => Promise<unknown>) {
  // Every page asks the server for source modules itself, so a module fault is met: the runner
  // marks every file cacheable for a year once all middleware is done, and a page would get the
  // copy an earlier test file loaded without a request, or a fault's 503 kept for a year. Its
  // header is replaced on the way out.
  if (ctx.path.startsWith('/src/')) {
    const set = ctx.response.set.bind(ctx.response);
    ctx.response.set = (field: string, value: string) =>
      set(field, field.toLowerCase() === 'cache-control' ? 'no-store' : value);
  }
  const engine = engineOf(ctx.req.headers['user-agent']);
  const fault = [...moduleFaults].find(
    ([key]) => key.startsWith(`${engine} `) && ctx.path.endsWith(key.slice(engine.length + 1)),
  )?.[1];
  if (fault && fault.times-- > 0) {
    ctx.status = fault.status;
    ctx.body = 'injected fault';
    return;
  }
  const page = shopPages.get(ctx.path);
  if (page) {
    ctx.set(page.headers ?? {});
    ctx.type = page.type ?? 'text/html';
    ctx.body = page.html;
    return;
  }
  // The module's own URL (import.meta.url) is then not its tag's src.
  if (ctx.path === '/cdn/latest/loyalty-widgets.js') {
    ctx.status = 302;
    ctx.set({ Location: '/dist/cdn/loyalty-widgets.js' });
    return;
  }
  if (ctx.path === '/loyalty/token') {
    const shopper = /(?:^|;\s*)shopper=([^;]+)/.exec(ctx.req.headers.cookie ?? '')?.[1];
    if (!shopper) return void (ctx.status = 401);
    const minted = await host.fetch(
      new Request(`http://localhost/api${String(ctx.query.scope ?? '')}/demo/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ customerId: shopper }),
      }),
    );
    ctx.type = 'application/json';
    ctx.body = await minted.text();
    return;
  }
  if (/^\/img\/[\w.-]+\.svg$/.test(ctx.path)) {
    ctx.type = 'image/svg+xml';
    ctx.body = await readFile(new URL(`../../demo${ctx.path}`, import.meta.url));
    return;
  }
  return next();
}

interface CommandArgs {
  command: string;
  payload?: unknown;
  session: { browser: PuppeteerLauncher | WebDriverLauncher; id: string };
}
interface PuppeteerLauncher {
  type: 'puppeteer';
  name: string;
  getPage(id: string): PuppeteerPage;
}
interface PuppeteerPage {
  url(): string;
  browserContext(): {
    overridePermissions(origin: string, permissions: string[]): Promise<void>;
    clearPermissionOverrides(): Promise<void>;
  };
  bringToFront(): Promise<void>;
  createCDPSession(): Promise<{
    send(method: 'Accessibility.getFullAXTree'): Promise<{ nodes: AXNode[] }>;
    detach(): Promise<void>;
  }>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  keyboard: { down(key: string): Promise<void>; up(key: string): Promise<void> };
}

/** The part of a Chrome DevTools Protocol accessibility node read here. */
interface AXNode {
  nodeId: string;
  ignored: boolean;
  name?: { value?: string };
  role?: { value?: unknown };
  properties?: { name: string; value: { value?: unknown } }[];
  childIds?: string[];
}

/**
 * The text of every live region a screen reader can hear now, as the browser's accessibility tree
 * has it: content made inert (outside an open modal dialog) is not in it.
 */
async function liveRegionTexts(page: PuppeteerPage): Promise<string[]> {
  const session = await page.createCDPSession();
  const { nodes } = await session
    .send('Accessibility.getFullAXTree')
    .finally(() => session.detach().catch(() => undefined));
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const text = (node: AXNode | undefined): string =>
    !node || node.ignored
      ? ''
      : node.role?.value === 'StaticText'
        ? (node.name?.value ?? '')
        : (node.childIds ?? []).map((id) => text(byId.get(id))).join('');
  return nodes
    .filter(
      (node) =>
        !node.ignored &&
        node.properties?.some(
          ({ name, value }) => name === 'live' && ['polite', 'assertive'].includes(String(value.value)),
        ),
    )
    .map(text);
}

/** WebKit: WebKitWebDriver through webdriverio (classic WebDriver, one window). */
interface WebDriverLauncher {
  type: 'webdriver';
  driver: {
    setWindowSize(width: number, height: number): Promise<void>;
    execute<T>(script: string): Promise<T>;
    keys(keys: string[]): Promise<void>;
  };
}

/** Sizes the content area: WebDriver sizes the whole window, so take its frame off. */
async function setViewport(session: CommandArgs['session'], size: { width: number; height: number }) {
  const { browser } = session;
  if (browser.type === 'puppeteer') return browser.getPage(session.id).setViewport(size);
  const inner = () => browser.driver.execute<[number, number]>('return [innerWidth, innerHeight]');
  await browser.driver.setWindowSize(size.width, size.height);
  const [width, height] = await inner();
  await browser.driver.setWindowSize(2 * size.width - width, 2 * size.height - height);
  const reached = await inner();
  if (reached[0] !== size.width) {
    throw new Error(`This window is ${reached[0]} px wide at the least, not ${size.width}: use a frame that size`);
  }
}

export function testCommandsPlugin() {
  let secondOrigin: Server | undefined;
  return {
    name: 'loyalty-test-commands',
    async serverStart() {
      secondOrigin = createServer((request, response) => void listener(request, response));
      await new Promise<void>((done) => secondOrigin!.listen(0, '127.0.0.1', done));
    },
    async serverStop() {
      await new Promise((done) => secondOrigin?.close(done));
    },
    async executeCommand({ command, payload, session }: CommandArgs) {
      if (command === 'api-second-origin') {
        const { port } = secondOrigin!.address() as AddressInfo;
        return `http://127.0.0.1:${port}`;
      }
      if (command === 'live-region-texts') {
        const { browser } = session;
        // The accessibility tree is read over the Chrome DevTools Protocol: Chromium only.
        if (browser.type !== 'puppeteer' || browser.name !== 'Chromium')
          throw new Error('live-region-texts needs Chromium');
        return liveRegionTexts(browser.getPage(session.id));
      }
      if (command === 'fail-module') {
        const { engine, path, times, status } = payload as {
          engine: string;
          path: string;
          times: number;
          status: number;
        };
        moduleFaults.set(`${engine} ${path}`, { times, status });
        return true;
      }
      if (command === 'shop-page') {
        const { path, ...page } = payload as ShopPage & { path: string };
        shopPages.set(path, page);
        return true;
      }
      if (command === 'loyalty-set-viewport') {
        await setViewport(session, payload as { width: number; height: number });
        return true;
      }
      if (command === 'loyalty-press-chord') {
        const keys = payload as string[];
        const { browser } = session;
        // webdriverio holds every key of a list down, then lets go; it names letters by their character.
        if (browser.type === 'webdriver') {
          await browser.driver.keys(keys.map((key) => (/^Key[A-Z]$/.test(key) ? key.slice(3).toLowerCase() : key)));
          return true;
        }
        const { keyboard } = browser.getPage(session.id);
        for (const key of keys) await keyboard.down(key);
        for (const key of keys.reverse()) await keyboard.up(key);
        return true;
      }
      if (command === 'set-clipboard-permission') {
        const { browser } = session;
        // Firefox allows the clipboard by a launch preference, WebKit on a user gesture.
        if (browser.type !== 'puppeteer' || browser.name === 'Firefox') return true;
        const page = browser.getPage(session.id);
        const context = page.browserContext();
        await context.clearPermissionOverrides();
        // Granting lists the clipboard permissions; refusing overrides with none, which denies them.
        const { granted } = payload as { granted: boolean };
        const permissions = granted ? ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write'] : [];
        await context.overridePermissions(new URL(page.url()).origin, permissions);
        await page.bringToFront();
        return true;
      }
      return undefined;
    },
  };
}
