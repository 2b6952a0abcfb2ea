// The built script-tag file on plain HTML pages: data-* configuration, a token URL, the pre-load
// call queue, loading twice, and a strict Content-Security-Policy with Trusted Types.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, startHarness, type Harness } from './harness.ts';

const stub = readFileSync(new URL('../../src/stub.js', import.meta.url), 'utf8').trim();
const stubHash = `sha256-${createHash('sha256').update(stub).digest('base64')}`;
const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const strictCsp = [
  "default-src 'self'",
  `script-src 'self' '${stubHash}'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** A plain shop page under the strict CSP that loads the script tag configured by data-*. */
const shopPage = (apiBase: string, tokenUrl: string, body: string) => ({
  headers: { 'Content-Security-Policy': strictCsp },
  html: `<!doctype html><html lang="en"><head><title>Shop</title>
    <script type="module" src="/dist/cdn/loyalty-widgets.js" data-api-base="${apiBase}" data-token-url="${tokenUrl}"></script>
    </head><body>${body}</body></html>`,
});

let harness: Harness;
let browser: Browser;

before(async () => {
  harness = await startHarness();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await harness?.close();
});

/** A fresh scope of the API (its own customers and data) and a page path under it. */
function scope() {
  const id = randomUUID().slice(0, 8);
  return { apiBase: `/api/s/${id}`, tokenUrl: `/loyalty/token?scope=/s/${id}`, path: `/${id}.html` };
}

interface Watched {
  page: Page;
  context: BrowserContext;
  violations: () => Promise<string[]>;
  errors: string[];
}

async function open(path: string, shopper?: string): Promise<Watched> {
  const context = await browser.newContext();
  if (shopper) await context.addCookies([{ name: 'shopper', value: shopper, url: harness.origin }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // Injected by the driver, so the CSP does not apply to it.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(harness.origin + path);
  return {
    page,
    context,
    errors,
    violations: () => page.evaluate(() => (window as unknown as { violations: string[] }).violations),
  };
}

const shadowText = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => element.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');

describe('script tag', () => {
  test('configures itself from data-* and a token URL, under a strict CSP, with no violations', async () => {
    const { apiBase, tokenUrl, path } = scope();
    harness.pages.set(path, shopPage(apiBase, tokenUrl, '<loyalty-balance></loyalty-balance>'));
    const { page, context, violations, errors } = await open(path, 'c_ada');
    await page.waitForFunction(() =>
      document.querySelector('loyalty-balance')?.shadowRoot?.textContent?.includes('1,250'),
    );
    assert.match(await shadowText(page, 'loyalty-balance'), /1,250 points/);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('all five elements work from the script tag under the strict CSP, and a survey answer reaches the server', async () => {
    const { apiBase, tokenUrl, path } = scope();
    // A plain file (no inline script under this CSP) opens the survey as a merchant's trigger would.
    harness.pages.set(`${path}.survey.js`, {
      headers: { 'Content-Type': 'text/javascript' },
      html: `document.getElementById('open-survey').addEventListener('click', function () {
        LoyaltyWidgets.showSurvey('nps', { force: true });
      });`,
    });
    harness.pages.set(
      path,
      shopPage(
        apiBase,
        tokenUrl,
        `<loyalty-balance></loyalty-balance><loyalty-activity></loyalty-activity>
        <reward-catalog></reward-catalog><referral-share qr></referral-share>
        <nps-survey mode="inline"></nps-survey><button id="open-survey">Survey</button>
        <script src="${path}.survey.js"></script>`,
      ),
    );
    const { page, context, violations, errors } = await open(path, 'c_ada');
    const shows = (tag: string, test: string) =>
      page.waitForFunction(
        ([name, pattern]) => new RegExp(pattern).test(document.querySelector(name)?.shadowRoot?.textContent ?? ''),
        [tag, test],
      );
    await shows('loyalty-balance', '1,250 points');
    await shows('loyalty-activity', 'Order #');
    await shows('reward-catalog', 'Redeem');
    await page.waitForFunction(() =>
      [...(document.querySelector('referral-share')?.shadowRoot?.querySelectorAll('input') ?? [])].some((input) =>
        input.value.includes('ADA-7K2Q'),
      ),
    );
    await page.click('#open-survey');
    await shows('nps-survey', 'How likely');
    // The QR code is drawn on a canvas from the lazily loaded encoder.
    await page.locator('referral-share').locator('canvas').waitFor();
    // Choose a score: the answer reaches the server through the outbox.
    await page.locator('nps-survey').getByRole('radio', { name: '9' }).click();
    await page.waitForFunction(async (base) => {
      const reply = (await (await fetch(`${base}/demo/feedback`)).json()) as { feedback: { score: number }[] };
      return reply.feedback.some((answer) => answer.score === 9);
    }, apiBase);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a guest (token URL answers 401) sees the join invitation', async () => {
    const { apiBase, tokenUrl, path } = scope();
    harness.pages.set(path, shopPage(apiBase, tokenUrl, '<loyalty-balance></loyalty-balance>'));
    const { page, context, violations } = await open(path);
    await page.waitForFunction(() =>
      document.querySelector('loyalty-balance')?.shadowRoot?.textContent?.includes('Join'),
    );
    assert.deepEqual(await violations(), []);
    await context.close();
  });

  test('replays calls queued by the stub before it loaded, listeners first', async () => {
    const { apiBase, path } = scope();
    const setupPath = `${path}.setup.js`;
    harness.pages.set(setupPath, {
      headers: { 'Content-Type': 'text/javascript' },
      html: `LoyaltyWidgets.configure({ apiBase: '${apiBase}/unreachable', network: { retries: 0 } });
        LoyaltyWidgets.on('loyalty-error', function (detail) { window.heard = (window.heard || []).concat(detail.resource); });
        LoyaltyWidgets.configure({ apiBase: '${apiBase}', network: { retries: 0 } });`,
    });
    harness.pages.set(path, {
      headers: { 'Content-Security-Policy': strictCsp },
      html: `<!doctype html><html lang="en"><head><title>Shop</title>
        <script>${stub}</script>
        <script src="${setupPath}"></script>
        <script type="module" src="/dist/cdn/loyalty-widgets.js"></script>
        </head><body><loyalty-balance></loyalty-balance></body></html>`,
    });
    const { page, context, violations, errors } = await open(path);
    // The last queued configure() wins: the guest view from the real API base.
    await page.waitForFunction(() =>
      document.querySelector('loyalty-balance')?.shadowRoot?.textContent?.includes('Join'),
    );
    assert.equal(
      await page.evaluate(
        () => typeof (window as unknown as { LoyaltyWidgets: { configure: unknown } }).LoyaltyWidgets.configure,
      ),
      'function',
    );
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('open() queued by the stub opens the launcher’s panel on that section under the strict CSP', async () => {
    const { apiBase, path } = scope();
    const setupPath = `${path}.setup.js`;
    harness.pages.set(setupPath, {
      headers: { 'Content-Type': 'text/javascript' },
      html: `LoyaltyWidgets.configure({ apiBase: '${apiBase}', network: { retries: 0 } });
        LoyaltyWidgets.on('loyalty-panel-opened', function (detail) { window.openedOn = detail.section; });
        LoyaltyWidgets.open('tiers');`,
    });
    harness.pages.set(path, {
      headers: { 'Content-Security-Policy': strictCsp },
      html: `<!doctype html><html lang="en"><head><title>Shop</title>
        <script>${stub}</script>
        <script src="${setupPath}"></script>
        <script type="module" src="/dist/cdn/loyalty-widgets.js"></script>
        </head><body><loyalty-launcher></loyalty-launcher></body></html>`,
    });
    const { page, context, violations, errors } = await open(path);
    await page.waitForFunction(() => (window as unknown as { openedOn?: string }).openedOn === 'tiers');
    const heading = await page.evaluate(
      () =>
        document
          .querySelector('loyalty-launcher')
          ?.shadowRoot?.querySelector('loyalty-panel')
          ?.shadowRoot?.querySelector('h2')?.textContent,
    );
    assert.equal(heading?.trim(), 'VIP tiers');
    await page.evaluate(() => (window as unknown as { LoyaltyWidgets: { close(): void } }).LoyaltyWidgets.close());
    await page.waitForFunction(
      () => !document.querySelector('loyalty-launcher')?.shadowRoot?.querySelector('dialog')?.open,
    );
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('loading it twice, late, and as the pinned copy is harmless', async () => {
    const { apiBase, tokenUrl, path } = scope();
    const tag = (file: string) =>
      `<script type="module" src="/dist/cdn/${file}" data-api-base="${apiBase}" data-token-url="${tokenUrl}"></script>`;
    harness.pages.set(path, {
      html: `<!doctype html><html lang="en"><head><title>Shop</title></head><body>
        <loyalty-balance></loyalty-balance>
        ${tag('loyalty-widgets.js')}${tag('loyalty-widgets.js')}${tag(`loyalty-widgets.${version}.js`)}
        </body></html>`,
    });
    const { page, context, errors } = await open(path, 'c_bob');
    await page.waitForFunction(() =>
      document.querySelector('loyalty-balance')?.shadowRoot?.textContent?.includes('142'),
    );
    // An element added after everything loaded is defined and rendered too.
    await page.evaluate(() => document.body.append(document.createElement('loyalty-balance')));
    await page.waitForFunction(() =>
      document.querySelectorAll('loyalty-balance')[1]?.shadowRoot?.textContent?.includes('142'),
    );
    const requests = await page.evaluate(async (base) => {
      const reply = (await (await fetch(`${base}/test/requests`)).json()) as { requests: { path: string }[] };
      return reply.requests.filter((request) => request.path === '/v1/me').length;
    }, apiBase);
    assert.equal(requests, 1, 'two copies share one store: one /v1/me');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('script tag in real shops', () => {
  const tokenFetches = (page: Page, apiBase: string) =>
    page.evaluate(async (base) => {
      const reply = (await (await fetch(`${base}/test/requests`)).json()) as { requests: { path: string }[] };
      return reply.requests.filter((request) => request.path === '/demo/token').length;
    }, apiBase);

  test('fetches data-token-url once per page load, and again only after a 401', async () => {
    const { apiBase, path } = scope();
    // The reference API's GET /demo/token stands in for the merchant's token URL.
    const tokenUrl = `${apiBase}/demo/token?customerId=c_ada`;
    harness.pages.set(path, shopPage(apiBase, tokenUrl, '<loyalty-balance></loyalty-balance>'));
    const first = await open(path);
    await first.page.waitForFunction(() =>
      document.querySelector('loyalty-balance')?.shadowRoot?.textContent?.includes('1,250'),
    );
    assert.equal(await tokenFetches(first.page, apiBase), 1);
    await first.context.close();

    // Next page load: the API refuses the first token once (expired, say).
    await fetch(`${harness.origin}${apiBase}/test/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/v1/me', times: 1, status: 401 }),
    });
    const second = await open(path);
    await second.page.waitForFunction(() =>
      document.querySelector('loyalty-balance')?.shadowRoot?.textContent?.includes('1,250'),
    );
    assert.equal(await tokenFetches(second.page, apiBase), 3, 'one for this load and one after its 401');
    // The browser logs the refused call itself; nothing else went wrong.
    assert.deepEqual(
      second.errors.filter((error) => !error.includes('status of 401')),
      [],
    );
    await second.context.close();
  });

  test('finds its data-* settings when the CDN redirected its URL', async () => {
    const { apiBase, tokenUrl, path } = scope();
    harness.pages.set(path, {
      html: `<!doctype html><html lang="en"><head><title>Shop</title>
        <script type="module" src="/cdn/latest/loyalty-widgets.js" data-api-base="${apiBase}" data-token-url="${tokenUrl}"></script>
        </head><body><loyalty-balance></loyalty-balance></body></html>`,
    });
    const { page, context, errors } = await open(path, 'c_ada');
    await page.waitForFunction(() =>
      document.querySelector('loyalty-balance')?.shadowRoot?.textContent?.includes('1,250'),
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('says in the console when nothing configured it', async () => {
    const { path } = scope();
    harness.pages.set(path, {
      html: `<!doctype html><html lang="en"><head><title>Shop</title>
        <script type="module" src="/dist/cdn/loyalty-widgets.js"></script>
        </head><body><loyalty-balance></loyalty-balance></body></html>`,
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    const warned = page.waitForEvent('console', (message) => message.text().includes('not configured'));
    await page.goto(harness.origin + path);
    assert.equal((await warned).type(), 'warning');
    await context.close();
  });

  test("loads elements inside a storefront component's shadow root: open with no call, closed with discover()", async () => {
    const { apiBase, tokenUrl, path } = scope();
    // The shop's own web components, defined after the script tag has started.
    harness.pages.set(`${path}.components.js`, {
      headers: { 'Content-Type': 'text/javascript' },
      // DOM calls, not innerHTML: the page requires Trusted Types.
      html: `customElements.define('shop-header', class extends HTMLElement {
          constructor() {
            super();
            const nav = document.createElement('nav');
            nav.append(document.createElement('loyalty-balance'));
            this.attachShadow({ mode: 'open' }).append(nav);
          }
        });
        customElements.define('shop-drawer', class extends HTMLElement {
          constructor() {
            super();
            window.drawerRoot = this.attachShadow({ mode: 'closed' });
            window.drawerRoot.append(document.createElement('referral-share'));
            LoyaltyWidgets.discover(window.drawerRoot);
          }
        });`,
    });
    harness.pages.set(
      path,
      shopPage(
        apiBase,
        tokenUrl,
        `<shop-header></shop-header><shop-drawer></shop-drawer>
        <script type="module" src="${path}.components.js"></script>`,
      ),
    );
    const { page, context, violations, errors } = await open(path, 'c_ada');
    await page.waitForFunction(() =>
      document
        .querySelector('shop-header')
        ?.shadowRoot?.querySelector('loyalty-balance')
        ?.shadowRoot?.textContent?.includes('1,250'),
    );
    await page.waitForFunction(() =>
      [
        ...((window as unknown as { drawerRoot: ShadowRoot }).drawerRoot
          .querySelector('referral-share')
          ?.shadowRoot?.querySelectorAll('input') ?? []),
      ].some((input) => input.value.includes('ADA-7K2Q')),
    );
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

test('the README gives the stub and its CSP hash as they are', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  assert.ok(readme.includes(`<script>${stub}</script>`), 'README stub differs from src/stub.js');
  assert.ok(readme.includes(stubHash), `README lacks the hash ${stubHash}`);
});

test('the npm build and the script tag on one page share one SDK', async () => {
  const { apiBase, path } = scope();
  // The npm build leaves lit, ky and idb-keyval to the app's bundler; an import map stands in.
  const imports = {
    lit: '/node_modules/lit/index.js',
    'lit/': '/node_modules/lit/',
    'lit-html': '/node_modules/lit-html/lit-html.js',
    'lit-html/': '/node_modules/lit-html/',
    'lit-element/lit-element.js': '/node_modules/lit-element/lit-element.js',
    '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/node_modules/@lit/reactive-element/',
    ky: '/node_modules/ky/distribution/index.js',
    'idb-keyval': '/node_modules/idb-keyval/dist/index.js',
  };
  harness.pages.set(path, {
    html: `<!doctype html><html lang="en"><head><title>Shop</title>
      <script type="importmap">${JSON.stringify({ imports })}</script>
      <script type="module" src="/dist/cdn/loyalty-widgets.js"></script>
      </head><body><loyalty-balance></loyalty-balance></body></html>`,
  });
  const { page, context, errors } = await open(path);
  const shared = await page.evaluate(
    async ({ base, entry }) => {
      const npm = (await import(entry)) as {
        getSdk(): { options?: { apiBase: string } };
        configure(options: { apiBase: string }): void;
      };
      const global = window as unknown as { LoyaltyWidgets: { configure(options: { apiBase: string }): void } };
      await customElements.whenDefined('loyalty-balance');
      global.LoyaltyWidgets.configure({ apiBase: base });
      return (
        npm.getSdk().options?.apiBase === base &&
        npm.getSdk() === (window as unknown as Record<symbol, unknown>)[Symbol.for('loyalty-widgets')]
      );
    },
    { base: apiBase, entry: '/dist/npm/index.js' },
  );
  assert.equal(shared, true);
  await page.waitForFunction(() =>
    document.querySelector('loyalty-balance')?.shadowRoot?.textContent?.includes('Join'),
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('window.LoyaltyWidgets holds what the README says, each as the npm entry exports it, and its LoyaltyError is the one errors are', async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const sentence = /`window\.LoyaltyWidgets` holds ([^.]+)\./.exec(readme)?.[1] ?? '';
  const documented = [...sentence.matchAll(/`(\w+)`/g)].map(([, name]) => name).sort();
  assert.ok(documented.includes('configure'), 'README says what window.LoyaltyWidgets holds');

  const { apiBase, path } = scope();
  harness.pages.set(path, {
    html: `<!doctype html><html lang="en"><head><title>Shop</title>
      <script type="module" src="/dist/cdn/loyalty-widgets.js"></script>
      </head><body><loyalty-balance></loyalty-balance></body></html>`,
  });
  const { page, context } = await open(path);
  await page.waitForFunction(() => 'LoyaltyWidgets' in window);
  const held = await page.evaluate(() =>
    Object.entries((window as unknown as { LoyaltyWidgets: object }).LoyaltyWidgets).map(([name, value]) => [
      name,
      typeof value,
    ]),
  );
  assert.deepEqual(held.map(([name]) => name).sort(), documented);
  const npm = (await import('../../src/index.ts')) as Record<string, unknown>;
  for (const [name, type] of held) assert.equal(typeof npm[name], type, `the npm entry exports ${name} as a ${type}`);

  // A merchant's handler can tell our errors by class.
  const recognised = await page.evaluate(
    (base) =>
      new Promise<boolean[]>((resolve) => {
        type Global = {
          LoyaltyError: new (...args: never[]) => Error;
          isLoyaltyError(value: unknown): boolean;
          on(name: string, handler: (detail: { error: Error }) => void): void;
          configure(options: object): void;
        };
        const global = (window as unknown as { LoyaltyWidgets: Global }).LoyaltyWidgets;
        global.on('loyalty-error', ({ error }) =>
          resolve([error instanceof global.LoyaltyError, global.isLoyaltyError(error)]),
        );
        global.configure({ apiBase: `${base}/unreachable`, network: { retries: 0 } });
      }),
    apiBase,
  );
  assert.deepEqual(recognised, [true, true]);
  await context.close();
});
