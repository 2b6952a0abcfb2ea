// The built script-tag file (dist/cdn, `npm run build` first) on plain shop pages, in every engine
// the browser suite runs: data-* configuration, a token URL, the pre-load call queue, loading
// twice, and a strict Content-Security-Policy with Trusted Types. Each page opens in a frame of
// its own (a fresh realm) served with its own headers by the test server (shopMiddleware).
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { closeShopFrames, openShopFrame } from '../../helpers/shop-frame.js';

const stub = (await (await fetch('/src/stub.js')).text()).trim();
const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(stub));
const stubHash = `sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
const { version } = (await (await fetch('/package.json')).json()) as { version: string };

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

const watch = '<script src="/test/fixtures/shop-watch.js"></script>';

/** A plain shop page under the strict CSP that loads the script tag configured by data-*. */
const shopPage = (apiBase: string, tokenUrl: string, body: string) => ({
  headers: { 'Content-Security-Policy': strictCsp },
  html: `<!doctype html><html lang="en"><head><title>Shop</title>${watch}
    <script type="module" src="/dist/cdn/loyalty-widgets.js" data-api-base="${apiBase}" data-token-url="${tokenUrl}"></script>
    </head><body>${body}</body></html>`,
});

/** A fresh scope of the API (its own customers and data) and a page path under it. */
function scope() {
  const id = crypto.randomUUID().slice(0, 8);
  return { apiBase: `/api/s/${id}`, tokenUrl: `/loyalty/token?scope=/s/${id}`, path: `/shop/${id}.html` };
}

const serve = (path: string, page: { html: string; headers?: Record<string, string>; type?: string }) =>
  executeServerCommand('shop-page', { path, ...page });

/**
 * A shop page under the strict CSP with the README's stub and the merchant's own script (`setup`,
 * served as a file: the CSP allows no other inline script) before the script tag.
 */
async function serveStubPage(path: string, setup: string, body: string) {
  const setupPath = `${path}.setup.js`;
  await serve(setupPath, { type: 'text/javascript', html: setup });
  await serve(path, {
    headers: { 'Content-Security-Policy': strictCsp },
    html: `<!doctype html><html lang="en"><head><title>Shop</title>${watch}
      <script>${stub}</script>
      <script src="${setupPath}"></script>
      <script type="module" src="/dist/cdn/loyalty-widgets.js"></script>
      </head><body>${body}</body></html>`,
  });
}

type ShopWindow = Window & typeof globalThis & { seen: { errors: string[]; violations: string[] } };

/** Opens `path` in a new frame, as `shopper` (the cookie the merchant's token endpoint reads) or a guest. */
async function open(path: string, shopper?: string) {
  const frame = await openShopFrame(path, shopper);
  const win = frame.contentWindow as ShopWindow;
  const doc = frame.contentDocument!;
  const shadowText = (selector: string, index = 0) =>
    doc.querySelectorAll(selector)[index]?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
  const shows = (selector: string, words: string, index = 0) =>
    waitUntil(() => shadowText(selector, index).includes(words), `${selector} never showed "${words}"`, {
      timeout: 10_000,
    });
  return { win, doc, shadowText, shows, seen: () => win.seen ?? { errors: [], violations: [] } };
}

afterEach(closeShopFrames);

describe('script tag', function () {
  // Each page loads the script tag and its lazy chunks afresh.
  this.timeout(30_000);

  it('configures itself from data-* and a token URL, under a strict CSP, with no violations', async () => {
    const { apiBase, tokenUrl, path } = scope();
    await serve(path, shopPage(apiBase, tokenUrl, '<loyalty-balance></loyalty-balance>'));
    const { shows, shadowText, seen } = await open(path, 'c_ada');
    await shows('loyalty-balance', '1,250');
    expect(shadowText('loyalty-balance')).to.match(/1,250 points/);
    expect(seen()).to.deep.equal({ errors: [], violations: [] });
  });

  it('all five elements work from the script tag under the strict CSP, and a survey answer reaches the server', async () => {
    const { apiBase, tokenUrl, path } = scope();
    // A plain file (no inline script under this CSP) opens the survey as a merchant's trigger would.
    await serve(`${path}.survey.js`, {
      type: 'text/javascript',
      html: `document.getElementById('open-survey').addEventListener('click', function () {
        LoyaltyWidgets.showSurvey('nps', { force: true });
      });`,
    });
    await serve(
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
    const { doc, shows, seen } = await open(path, 'c_ada');
    await shows('loyalty-balance', '1,250 points');
    await shows('loyalty-activity', 'Order #');
    await shows('reward-catalog', 'Redeem');
    // No shadow root until its lazy chunk has defined the element.
    const referral = () => doc.querySelector('referral-share')?.shadowRoot;
    await waitUntil(
      () => [...(referral()?.querySelectorAll('input') ?? [])].some((input) => input.value.includes('ADA-7K2Q')),
      'the referral link',
      { timeout: 10_000 },
    );
    doc.querySelector<HTMLButtonElement>('#open-survey')!.click();
    await shows('nps-survey', 'How likely');
    // The QR code is drawn on a canvas from the lazily loaded encoder.
    await waitUntil(() => referral()?.querySelector('canvas'), 'the QR code', { timeout: 10_000 });
    // Choose a score: the answer reaches the server through the outbox.
    const nine = [...doc.querySelector('nps-survey')!.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')].find(
      (radio) => radio.textContent?.trim() === '9',
    )!;
    nine.click();
    await waitUntil(
      async () => {
        const reply = (await (await fetch(`${apiBase}/demo/feedback`)).json()) as { feedback: { score: number }[] };
        return reply.feedback.some((answer) => answer.score === 9);
      },
      'the answer reached the server',
      { timeout: 10_000 },
    );
    expect(seen()).to.deep.equal({ errors: [], violations: [] });
  });

  it('a guest (token URL answers 401) sees the join invitation', async () => {
    const { apiBase, tokenUrl, path } = scope();
    await serve(path, shopPage(apiBase, tokenUrl, '<loyalty-balance></loyalty-balance>'));
    const { shows, seen } = await open(path);
    await shows('loyalty-balance', 'Join');
    expect(seen().violations).to.deep.equal([]);
  });

  it('replays calls queued by the stub before it loaded, listeners first', async () => {
    const { apiBase, path } = scope();
    await serveStubPage(
      path,
      `LoyaltyWidgets.configure({ apiBase: '${apiBase}/unreachable', network: { retries: 0 } });
        LoyaltyWidgets.on('loyalty-error', function (detail) { window.heard = (window.heard || []).concat(detail.resource); });
        LoyaltyWidgets.configure({ apiBase: '${apiBase}', network: { retries: 0 } });
        LoyaltyWidgets.track('support-viewed');`,
      '<loyalty-balance></loyalty-balance>',
    );
    const { win, shows, seen } = await open(path);
    // The last queued configure() wins: the guest view from the real API base.
    await shows('loyalty-balance', 'Join');
    expect(typeof (win as unknown as { LoyaltyWidgets: { configure: unknown } }).LoyaltyWidgets.configure).to.equal(
      'function',
    );
    expect(seen()).to.deep.equal({ errors: [], violations: [] });
  });

  it('open() queued by the stub opens the launcher’s panel on that section under the strict CSP', async () => {
    const { apiBase, path } = scope();
    await serveStubPage(
      path,
      `LoyaltyWidgets.configure({ apiBase: '${apiBase}', network: { retries: 0 } });
        LoyaltyWidgets.on('loyalty-panel-opened', function (detail) { window.openedOn = detail.section; });
        LoyaltyWidgets.open('tiers');`,
      '<loyalty-launcher></loyalty-launcher>',
    );
    const entries = history.length;
    const { win, doc, seen } = await open(path);
    await waitUntil(() => (win as unknown as { openedOn?: string }).openedOn === 'tiers', 'the panel never opened', {
      timeout: 10_000,
    });
    const launcher = () => doc.querySelector('loyalty-launcher')?.shadowRoot;
    const heading = launcher()?.querySelector('loyalty-panel')?.shadowRoot?.querySelector('h2')?.textContent;
    expect(heading?.trim()).to.equal('VIP tiers');
    // In a frame the history is the host page's: the panel adds no entry to it, and closing takes
    // the host page nowhere (in Firefox a frame's history.go() once took this runner's page back).
    expect(history.length).to.equal(entries);
    (win as unknown as { LoyaltyWidgets: { close(): void } }).LoyaltyWidgets.close();
    await waitUntil(() => !launcher()?.querySelector('dialog')?.open, 'the panel never closed', { timeout: 10_000 });
    expect(location.search).to.include('wtr-session-id');
    expect(seen()).to.deep.equal({ errors: [], violations: [] });
  });

  it('loading it twice, late, and as the pinned copy is harmless', async () => {
    const { apiBase, tokenUrl, path } = scope();
    const tag = (file: string) =>
      `<script type="module" src="/dist/cdn/${file}" data-api-base="${apiBase}" data-token-url="${tokenUrl}"></script>`;
    await serve(path, {
      html: `<!doctype html><html lang="en"><head><title>Shop</title>${watch}</head><body>
        <loyalty-balance></loyalty-balance>
        ${tag('loyalty-widgets.js')}${tag('loyalty-widgets.js')}${tag(`loyalty-widgets.${version}.js`)}
        </body></html>`,
    });
    const { doc, shows, seen } = await open(path, 'c_bob');
    await shows('loyalty-balance', '142');
    // An element added after everything loaded is defined and rendered too.
    doc.body.append(doc.createElement('loyalty-balance'));
    await shows('loyalty-balance', '142', 1);
    const reply = (await (await fetch(`${apiBase}/test/requests`)).json()) as { requests: { path: string }[] };
    expect(
      reply.requests.filter((request) => request.path === '/v1/me'),
      'two copies share one store',
    ).to.have.length(1);
    expect(seen().errors).to.deep.equal([]);
  });

  it('the npm build and the script tag on one page share one SDK', async () => {
    const { apiBase, path } = scope();
    await serve(path, {
      html: `<!doctype html><html lang="en"><head><title>Shop</title>${watch}
        <script type="module" src="/dist/cdn/loyalty-widgets.js"></script>
        </head><body><loyalty-balance></loyalty-balance></body></html>`,
    });
    const { win, shows, seen } = await open(path);
    // The npm build leaves lit, ky and idb-keyval to the app's bundler; the test server resolves them.
    const npm = (await (win as unknown as { eval(code: string): Promise<unknown> }).eval(
      'import("/dist/npm/index.js")',
    )) as { getSdk(): { options?: { apiBase: string } } };
    const global = win as unknown as { LoyaltyWidgets: { configure(options: { apiBase: string }): void } };
    await win.customElements.whenDefined('loyalty-balance');
    global.LoyaltyWidgets.configure({ apiBase });
    expect(npm.getSdk().options?.apiBase).to.equal(apiBase);
    expect(npm.getSdk()).to.equal((win as unknown as Record<symbol, unknown>)[Symbol.for('loyalty-widgets')]);
    await shows('loyalty-balance', 'Join');
    expect(seen().errors).to.deep.equal([]);
  });
});

describe('script tag in real shops', function () {
  this.timeout(30_000);

  const requests = async (apiBase: string, path: string) => {
    const reply = (await (await fetch(`${apiBase}/test/requests`)).json()) as { requests: { path: string }[] };
    return reply.requests.filter((request) => request.path === path).length;
  };

  it('fetches data-token-url once per page load, and again only after a 401', async () => {
    const { apiBase, path } = scope();
    // The reference API's GET /demo/token stands in for the merchant's token URL.
    const tokenUrl = `${apiBase}/demo/token?customerId=c_ada`;
    await serve(path, shopPage(apiBase, tokenUrl, '<loyalty-balance></loyalty-balance>'));
    const first = await open(path);
    await first.shows('loyalty-balance', '1,250');
    expect(await requests(apiBase, '/demo/token')).to.equal(1);
    closeShopFrames();

    // Next page load: the API refuses the first token once (expired, say).
    await fetch(`${apiBase}/test/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/v1/me', times: 1, status: 401 }),
    });
    const second = await open(path);
    // The frames share one origin's storage: the balance may show from the first load's cache, so
    // wait for this load's refused /v1/me and its retry to reach the server.
    await waitUntil(async () => (await requests(apiBase, '/v1/me')) >= 3, 'the refused /v1/me was retried', {
      timeout: 10_000,
    });
    await second.shows('loyalty-balance', '1,250');
    expect(await requests(apiBase, '/demo/token'), 'one for this load and one after its 401').to.equal(3);
    expect(second.seen()).to.deep.equal({ errors: [], violations: [] });
  });

  it('finds its data-* settings when the CDN redirected its URL', async () => {
    const { apiBase, tokenUrl, path } = scope();
    await serve(path, {
      html: `<!doctype html><html lang="en"><head><title>Shop</title>${watch}
        <script type="module" src="/cdn/latest/loyalty-widgets.js" data-api-base="${apiBase}" data-token-url="${tokenUrl}"></script>
        </head><body><loyalty-balance></loyalty-balance></body></html>`,
    });
    const { shows, seen } = await open(path, 'c_ada');
    await shows('loyalty-balance', '1,250');
    expect(seen().errors).to.deep.equal([]);
  });

  it('says in the console when nothing configured it', async () => {
    const { path } = scope();
    // Loaded before the script tag: keeps what the page's console is told, by level.
    await serve(`${path}.console.js`, {
      type: 'text/javascript',
      html: `window.warned = [];
        var warn = console.warn;
        console.warn = function () { window.warned.push([].slice.call(arguments).join(' ')); warn.apply(console, arguments); };`,
    });
    await serve(path, {
      html: `<!doctype html><html lang="en"><head><title>Shop</title><script src="${path}.console.js"></script>
        <script type="module" src="/dist/cdn/loyalty-widgets.js"></script>
        </head><body><loyalty-balance></loyalty-balance></body></html>`,
    });
    const { win } = await open(path);
    const warned = () => (win as unknown as { warned: string[] }).warned;
    await waitUntil(() => warned().some((text) => text.includes('not configured')), 'no warning in the console', {
      timeout: 10_000,
    });
  });

  it("loads elements inside a storefront component's shadow root: open with no call, closed with discover()", async () => {
    const { apiBase, tokenUrl, path } = scope();
    // The shop's own web components, defined after the script tag has started.
    await serve(`${path}.components.js`, {
      type: 'text/javascript',
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
    await serve(
      path,
      shopPage(
        apiBase,
        tokenUrl,
        `<shop-header></shop-header><shop-drawer></shop-drawer>
        <script type="module" src="${path}.components.js"></script>`,
      ),
    );
    const { win, doc, seen } = await open(path, 'c_ada');
    await waitUntil(
      () =>
        doc
          .querySelector('shop-header')
          ?.shadowRoot?.querySelector('loyalty-balance')
          ?.shadowRoot?.textContent?.includes('1,250'),
      'the balance in the open shadow root',
      { timeout: 10_000 },
    );
    const drawer = (win as unknown as { drawerRoot: ShadowRoot }).drawerRoot;
    await waitUntil(
      () =>
        [...(drawer.querySelector('referral-share')?.shadowRoot?.querySelectorAll('input') ?? [])].some((input) =>
          input.value.includes('ADA-7K2Q'),
        ),
      'the referral link in the closed shadow root',
      { timeout: 10_000 },
    );
    expect(seen()).to.deep.equal({ errors: [], violations: [] });
  });

  it('window.LoyaltyWidgets holds what the README says, each as the npm entry exports it, and its LoyaltyError is the one errors are', async () => {
    const readme = await (await fetch('/README.md')).text();
    const sentence = /`window\.LoyaltyWidgets` holds ([^.]+)\./.exec(readme)?.[1] ?? '';
    const documented = [...sentence.matchAll(/`(\w+)`/g)].map(([, name]) => name).sort();
    expect(documented, 'README says what window.LoyaltyWidgets holds').to.include('configure');

    const { apiBase, path } = scope();
    await serve(path, {
      html: `<!doctype html><html lang="en"><head><title>Shop</title>${watch}
        <script type="module" src="/dist/cdn/loyalty-widgets.js"></script>
        </head><body><loyalty-balance></loyalty-balance></body></html>`,
    });
    const { win } = await open(path);
    type Global = {
      LoyaltyError: new (...args: never[]) => Error;
      isLoyaltyError(value: unknown): boolean;
      on(name: string, handler: (detail: { error: Error }) => void): void;
      configure(options: object): void;
    };
    const held = () => (win as unknown as { LoyaltyWidgets?: Global & Record<string, unknown> }).LoyaltyWidgets;
    await waitUntil(held, 'no window.LoyaltyWidgets', { timeout: 10_000 });
    const global = held()!;
    expect(Object.keys(global).sort()).to.deep.equal(documented);
    const npm = (await import('../../../src/index.js')) as Record<string, unknown>;
    for (const [name, value] of Object.entries(global)) {
      expect(typeof npm[name], `the npm entry exports ${name} as a ${typeof value}`).to.equal(typeof value);
    }

    // A merchant's handler can tell our errors by class.
    const recognised = await new Promise<boolean[]>((resolve) => {
      global.on('loyalty-error', ({ error }) =>
        resolve([error instanceof global.LoyaltyError, global.isLoyaltyError(error)]),
      );
      global.configure({ apiBase: `${apiBase}/unreachable`, network: { retries: 0 } });
    });
    expect(recognised).to.deep.equal([true, true]);
  });
});
