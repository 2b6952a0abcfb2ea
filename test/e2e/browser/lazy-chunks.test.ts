// The built script tag (dist/cdn, `npm run build` first) loads each lazy part only when the page
// needs it, and a part that fails to load (a CDN 404) is reported and fetched again on the next
// need, losing nothing. Each page opens in a frame of its own (a fresh realm and module map).
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { TestApi } from '../../helpers/api.js';
import { closeShopFrames, openShopFrame } from '../../helpers/shop-frame.js';

interface Api {
  configure(options: Record<string, unknown>): void;
  on(name: string, handler: (detail: { error?: Error }) => void): () => void;
  getReferralCode(): Promise<string | null>;
  trackPurchase(purchase: { orderId: string }): Promise<void>;
  showSurvey(survey: 'nps', options: { force: boolean }): Promise<boolean>;
  getSdk(): { options?: object; store(name: string): { prefixed(prefix: string): Promise<unknown[]> } };
}
type ShopWindow = Window & typeof globalThis & { LoyaltyWidgets?: Api; seen: { errors: string[] }; heard?: string[] };

const serve = (path: string, page: { html: string; type?: string }) =>
  executeServerCommand('shop-page', { path, ...page });

/** A fresh scope of the API and a folder for its pages. */
function scope() {
  const api = new TestApi();
  const id = api.apiBase.split('/').pop()!;
  return { api, apiBase: api.apiBase, tokenUrl: `/loyalty/token?scope=/s/${id}`, dir: `/shop/${id}` };
}

/** Every file of the build the entry reaches (static and dynamic imports), name -> code. */
async function build(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const visit = async (name: string): Promise<void> => {
    if (files.has(name)) return;
    files.set(name, '');
    const code = await (await fetch(`/dist/cdn/${name}`)).text();
    files.set(name, code);
    await Promise.all([...code.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)].map(([, file]) => visit(file)));
  };
  await visit('loyalty-widgets.js');
  return files;
}

/** The build as a CDN at `dir`/cdn/ serves it, without the files `missing` names (they answer 404). */
async function deploy(dir: string, missing: RegExp): Promise<void> {
  const files = await build();
  const put = (name: string) => serve(`${dir}/cdn/${name}`, { type: 'text/javascript', html: files.get(name)! });
  await Promise.all([...files.keys()].filter((name) => !missing.test(name)).map(put));
}

const watch = '<script src="/test/fixtures/shop-watch.js"></script>';
/** The README's queue, with a listener for loyalty-error from the first moment. */
const hear = `<script>window.heard = []; window.LoyaltyWidgets = { q: [['on', ['loyalty-error',
  function (detail) { window.heard.push(detail.error.message); }]]] };</script>`;
const page = (src: string, apiBase: string, tokenUrl: string, body = '', head = '') => ({
  html: `<!doctype html><html lang="en"><head><title>Shop</title>${watch}${head}
    <script type="module" src="${src}" data-api-base="${apiBase}" data-token-url="${tokenUrl}"></script>
    </head><body>${body}</body></html>`,
});

async function open(path: string, shopper?: string) {
  const frame = await openShopFrame(path, shopper);
  const win = frame.contentWindow as ShopWindow;
  await waitUntil(() => win.LoyaltyWidgets?.getSdk().options, 'the script tag never configured itself', {
    timeout: 10_000,
  });
  const api = win.LoyaltyWidgets!;
  // The starters' reads (outbox, stored trigger) are queued before this one, so they are done.
  await api.getSdk().store('loyalty-widgets-outbox').prefixed('');
  await api.getSdk().store('loyalty-widgets').prefixed('');
  /** The chunks of our build the page has requested so far (by their name before the hash). */
  const requested = () =>
    win.performance
      .getEntriesByType('resource')
      .map(({ name }) => /\/cdn\/([a-z-]+?)(?:-[\w-]{8})?\.js$/.exec(new URL(name).pathname)?.[1])
      .filter((name): name is string => Boolean(name));
  const errors: Error[] = [];
  api.on('loyalty-error', ({ error }) => errors.push(error!));
  return { win, api, requested, errors };
}

afterEach(closeShopFrames);

describe('script tag: lazy parts', function () {
  this.timeout(30_000);

  it('a page without elements loads the entry and the SDK core only; the survey code comes with a purchase', async () => {
    const { apiBase, tokenUrl, dir } = scope();
    await serve(`${dir}/product.html`, page('/dist/cdn/loyalty-widgets.js', apiBase, tokenUrl));
    const { win, api, requested } = await open(`${dir}/product.html`, 'c_ada');
    // No Lit or element base (ui), no element, no ky (network), no survey or referral code.
    expect(requested().sort()).to.deep.equal(['loyalty-widgets', 'shared']);
    expect((win as { litHtmlVersions?: unknown }).litHtmlVersions, 'Lit ran on a page without elements').to.equal(
      undefined,
    );
    api.configure({ apiBase, survey: { delay: 60_000 } });
    win.document.dispatchEvent(new win.CustomEvent('loyalty-purchase', { detail: { orderId: 'o-1' } }));
    await waitUntil(() => requested().includes('survey'), 'the survey code never loaded', { timeout: 10_000 });
    expect(requested()).not.to.include('ui');
  });

  it('loads the referral code only when the URL carries ?ref=; a failed load is reported and the code is kept for the next page', async () => {
    const { apiBase, tokenUrl, dir } = scope();
    await deploy(dir, /^referral-(?!share)/);
    await serve(`${dir}/landing.html`, page(`${dir}/cdn/loyalty-widgets.js`, apiBase, tokenUrl, '', hear));
    const { win, requested } = await open(`${dir}/landing.html?ref=FRIEND-42&stripped=no`);
    await waitUntil(() => win.heard?.length, 'no loyalty-error for the failed load', { timeout: 10_000 });
    expect(requested()).to.include('referral');
    expect(win.heard![0]).to.match(/could not load the referral code/);
    expect(win.seen.errors.join('\n')).to.match(/\[loyalty-widgets\] could not load the referral code/);
    // Not captured, so still in the address bar: the next page (the CDN fixed) captures it.
    expect(win.location.search).to.include('ref=FRIEND-42');
    // The next page (Chromium keeps the 404 for the page's files a while, so the same build from
    // a fixed CDN path) captures it.
    await serve(`${dir}/next.html`, page('/dist/cdn/loyalty-widgets.js', apiBase, tokenUrl));
    const next = await open(`${dir}/next.html?ref=FRIEND-42`);
    expect(await next.api.getReferralCode()).to.equal('FRIEND-42');
    // A page without the parameter does not load the referral code.
    const plain = await open(`${dir}/next.html`);
    expect(plain.requested()).not.to.include('referral');
  });

  it('an element whose code failed to load is said in the console and as loyalty-error', async () => {
    const { apiBase, tokenUrl, dir } = scope();
    await deploy(dir, /^loyalty-balance-/);
    await serve(
      `${dir}/account.html`,
      page(`${dir}/cdn/loyalty-widgets.js`, apiBase, tokenUrl, '<loyalty-balance></loyalty-balance>', hear),
    );
    const { win } = await open(`${dir}/account.html`, 'c_ada');
    await waitUntil(() => win.heard?.length, 'no loyalty-error for the failed load', { timeout: 10_000 });
    expect(win.heard).to.deep.equal(['could not load <loyalty-balance>']);
    expect(win.seen.errors.join('\n')).to.match(/\[loyalty-widgets\] could not load <loyalty-balance>/);
  });

  it('a survey code that failed to load is reported as loyalty-error and in the console', async () => {
    const { apiBase, tokenUrl, dir } = scope();
    await deploy(dir, /^survey-/);
    await serve(`${dir}/thanks.html`, page(`${dir}/cdn/loyalty-widgets.js`, apiBase, tokenUrl));
    const { win, api, errors } = await open(`${dir}/thanks.html`, 'c_ada');
    api.configure({ apiBase, survey: { delay: 60_000 } });
    let failure: unknown;
    await api.trackPurchase({ orderId: 'o-1' }).catch((error: unknown) => (failure = error));
    expect((failure as Error).message).to.match(/could not load the survey code/);
    expect(errors.map((error) => error.message)).to.deep.equal([(failure as Error).message]);
    expect(win.seen.errors.join('\n')).to.match(/\[loyalty-widgets\] could not load the survey code/);
  });

  it('an answer waiting in the outbox loads the delivery code; a failed load keeps the answer, which the next page delivers', async () => {
    const { api, apiBase, tokenUrl, dir } = scope();
    // The shopper answers while the API refuses feedback once: the answer waits in the outbox.
    await api.fault({ path: '/v1/feedback', times: 1, status: 503 });
    await serve(
      `${dir}/thanks.html`,
      page('/dist/cdn/loyalty-widgets.js', apiBase, tokenUrl, '<nps-survey></nps-survey>'),
    );
    const first = await open(`${dir}/thanks.html`);
    first.api.configure({ apiBase, network: { retries: 0 } });
    void first.api.showSurvey('nps', { force: true });
    const survey = () => first.win.document.querySelector('nps-survey')?.shadowRoot;
    const nine = () =>
      [...(survey()?.querySelectorAll<HTMLElement>('[role="radio"]') ?? [])].find(
        (radio) => radio.textContent?.trim() === '9',
      );
    await waitUntil(nine, 'the survey never showed its scores', { timeout: 10_000 });
    nine()!.click();
    await waitUntil(async () => (await api.requests({ path: '/v1/feedback' })).length, 'no delivery attempt', {
      timeout: 10_000,
    });
    // Closed before its retry (2 s later) could deliver it.
    first.win.frameElement!.remove();

    // A product page whose survey chunk (rules and delivery) answers 404: said, and nothing lost.
    await deploy(dir, /^survey-/);
    await serve(`${dir}/product.html`, page(`${dir}/cdn/loyalty-widgets.js`, apiBase, tokenUrl, '', hear));
    const broken = await open(`${dir}/product.html`);
    const waiting = () => broken.api.getSdk().store('loyalty-widgets-outbox').prefixed(`${apiBase}|`);
    await waitUntil(() => broken.win.heard?.length, 'no loyalty-error for the failed load', { timeout: 10_000 });
    expect(broken.win.heard![0]).to.match(/could not load the feedback delivery code/);
    expect(broken.win.seen.errors.join('\n')).to.match(/\[loyalty-widgets\] could not load the feedback delivery code/);
    expect(await waiting()).to.have.length(1);

    // The next page (working files) loads the delivery code and sends the answer.
    await serve(`${dir}/next.html`, page('/dist/cdn/loyalty-widgets.js', apiBase, tokenUrl));
    const next = await open(`${dir}/next.html`);
    const delivered = async () =>
      ((await (await fetch(`${apiBase}/demo/feedback`)).json()) as { feedback: { score: number }[] }).feedback;
    await waitUntil(async () => (await delivered()).some((answer) => answer.score === 9), 'never delivered', {
      timeout: 10_000,
    });
    // Removed once the reply is read, a moment after the server stored it.
    await waitUntil(async () => (await waiting()).length === 0, 'still waiting after delivery', { timeout: 10_000 });
    expect(next.requested()).to.include('survey');
    expect(next.requested()).not.to.include('ui');
  });
});
