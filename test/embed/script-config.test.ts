// The script tag's own settings (src/script-config.ts) in a real page: its data-* attributes,
// the token URL (the reference API's GET /demo/token, a merchant's token endpoint) fetched once
// per page load, and the console messages when the tag is not where it was expected.
import { expect } from '@open-wc/testing';
import { getSdk } from '../../src/core/index.js';
import { configureFromScript, warnIfUnconfigured } from '../../src/script-config.js';
import { TestApi } from '../helpers/api.js';
import { resetSdk } from '../helpers/sdk.js';
import { unwatchAll, watch } from '../helpers/watch.js';

const cdn = 'https://cdn.example/loyalty-widgets/1.2.3/loyalty-widgets.js';
const tags: HTMLScriptElement[] = [];
const warnings: string[] = [];
const warn = console.warn;

/** A script tag as a merchant writes it; a type the browser does not run, so nothing loads. */
function scriptTag(data: Record<string, string>, src = cdn): void {
  const tag = document.createElement('script');
  tag.type = 'text/x-not-run';
  tag.src = src;
  Object.assign(tag.dataset, data);
  document.head.append(tag);
  tags.push(tag);
}

const tokenFetches = (api: TestApi) => api.requests({ path: '/demo/token', method: 'GET' });

beforeEach(() => {
  resetSdk();
  console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
});
afterEach(() => {
  console.warn = warn;
  warnings.length = 0;
  unwatchAll();
  tags.splice(0).forEach((tag) => tag.remove());
  resetSdk();
});

describe('script tag settings', () => {
  it('fetches data-token-url once per page load, and again only after a 401', async () => {
    const api = new TestApi();
    const ada = await api.customer({ balance: 75 });
    scriptTag({ apiBase: api.apiBase, tokenUrl: `${api.apiBase}/demo/token?customerId=${ada.customerId}` });
    await configureFromScript(cdn);
    const me = watch('me');
    await me.until((s) => s.data?.points.balance === 75);
    await getSdk().resource('rewards').refresh();
    expect(await tokenFetches(api), 'one fetch for the page load').to.have.length(1);

    // The API refuses the token (expired, say): the token URL is asked once more.
    await api.fault({ path: '/v1/me', times: 1, status: 401 });
    await getSdk().resource('me').refresh();
    expect(me.seen.at(-1)!.data?.points.balance).to.equal(75);
    expect(me.seen.some((s) => s.guest)).to.equal(false);
    expect(await tokenFetches(api)).to.have.length(2);
  });

  it('takes a token URL that failed (503) for a failure, not a guest: asked again, the shopper signs in', async () => {
    const api = new TestApi();
    const ada = await api.customer({ balance: 91 });
    await api.fault({ path: '/demo/token', method: 'GET', times: 1, status: 503 });
    // No data-customer-id: /v1/me says who the token belongs to.
    scriptTag({ apiBase: api.apiBase, tokenUrl: `${api.apiBase}/demo/token?customerId=${ada.customerId}` });
    await configureFromScript(cdn);
    const me = watch('me');
    await me.until((s) => s.data?.points.balance === 91);
    expect(
      me.seen.some((s) => s.guest),
      'never the join invitation',
    ).to.equal(false);
    expect(getSdk().customerId).to.equal(ada.customerId);
    expect((await tokenFetches(api)).map((request) => request.status)).to.deep.equal([503, 200]);
  });

  it('makes a guest when the token URL says so (204)', async () => {
    const api = new TestApi();
    scriptTag({ apiBase: api.apiBase, tokenUrl: `${api.apiBase}/demo/token` });
    await configureFromScript(cdn);
    await watch('me').until((s) => s.guest);
    expect(await tokenFetches(api)).to.have.length(1);
  });

  it('finds its tag when the CDN redirected (src is not the module URL)', async () => {
    const api = new TestApi();
    scriptTag({ apiBase: api.apiBase }, 'https://cdn.example/loyalty-widgets/latest/loyalty-widgets.js');
    await configureFromScript(cdn);
    expect(getSdk().options?.apiBase).to.equal(api.apiBase);
    expect(warnings).to.deep.equal([]);
  });

  it('warns once when several tags could be its own, and uses the first', async () => {
    const first = new TestApi();
    scriptTag({ apiBase: first.apiBase }, 'https://cdn.example/a.js');
    scriptTag({ apiBase: new TestApi().apiBase }, 'https://cdn.example/b.js');
    await configureFromScript(cdn);
    expect(getSdk().options?.apiBase).to.equal(first.apiBase);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/2 <script data-api-base> tags, none is ours: using the first/);
  });

  it('says in the console when nothing configured it, instead of a skeleton forever', async () => {
    await configureFromScript(cdn);
    warnIfUnconfigured();
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/not configured: add data-api-base/);
  });
});
