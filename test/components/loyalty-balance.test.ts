import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/loyalty-balance/define.js';
import type { LoyaltyBalance } from '../../src/components/loyalty-balance/loyalty-balance.js';
import { getSdk, identify, logout } from '../../src/core/index.js';
import { now, setClock } from '../../src/core/clock.js';
import { mount, unmountAll } from '../helpers/mount.js';
import { TestApi } from '../helpers/api.js';
import { elementSuite } from '../helpers/element-suite.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';
import { text, part, shows } from '../helpers/shadow.js';

afterEach(() => {
  unmountAll();
  resetSdk();
});

describe('<loyalty-balance>', () => {
  it('shows the balance with the program label, pending points and program name', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 1250, pending: 40 }), { locale: 'en-US' });
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await shows(element, '1,250 points');
    expect(part(element, 'balance')!.textContent).to.equal('1,250 points');
    expect(text(element)).to.contain('40 points pending');
    expect(text(element)).to.contain('Acme');
  });

  it('formats for the element’s own language', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 1250 }));
    const wrapper = mount(html`<loyalty-balance></loyalty-balance>`, { lang: 'de-DE' });
    const balance = wrapper.querySelector('loyalty-balance')!;
    await waitUntil(() => part(balance, 'balance')?.textContent === '1.250 points');
  });

  it('survives a malformed language tag (en_US, or junk) instead of throwing', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 1250 }));
    const wrapper = mount(
      html`<loyalty-balance lang="en_US"></loyalty-balance><loyalty-balance lang="not a tag!"></loyalty-balance>`,
    );
    const [underscore, junk] = wrapper.querySelectorAll('loyalty-balance');
    await waitUntil(() => part(underscore, 'balance')?.textContent === '1,250 points');
    await waitUntil(() => part(junk, 'balance')?.textContent === '1,250 points');
  });

  it('says "1 point" in the singular', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 1 }));
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await waitUntil(() => part(element, 'balance')?.textContent === '1 point');
  });

  it('shows tier progress as a labelled progressbar for a points metric', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 100, lifetime: 1950 }), { locale: 'en-US' });
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await waitUntil(() => part(element, 'progress'));
    const bar = part(element, 'progress')!;
    expect(bar.getAttribute('role')).to.equal('progressbar');
    const me = getSdk().resource('me').snapshot.data!;
    expect(bar.getAttribute('aria-valuenow')).to.equal(String(me.tierProgress.current));
    expect(bar.getAttribute('aria-valuetext')).to.contain(`to ${me.tierProgress.nextTierName}`);
    expect(bar.getAttribute('aria-label')).to.contain('points earned');
    expect(text(element)).to.contain(`${me.tier!.name} member`);
    // Drawn through CSSOM (CSP-safe), not a style attribute string.
    const fill = bar.querySelector<HTMLElement>('.fill')!;
    expect(fill.style.inlineSize).to.match(/%$/);
  });

  it('shows tier progress in money for a spend metric, apart from the spendable balance', async () => {
    // The spend-tiers program: Member from €0, Insider from €500, stars as points, in euros.
    const api = new TestApi('', { program: 'spend' });
    configureFor(api, await api.customer({ balance: 300, spend: 38_000 }), { locale: 'en-US' });
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await waitUntil(() => part(element, 'progress'));
    expect(part(element, 'balance')!.textContent).to.equal('300 stars');
    expect(text(element)).to.contain('€120.00 more to spend to reach Insider');
    const bar = part(element, 'progress')!;
    expect(bar.getAttribute('aria-label')).to.equal('Progress to Insider, from your total spend');
    expect([
      bar.getAttribute('aria-valuemin'),
      bar.getAttribute('aria-valuenow'),
      bar.getAttribute('aria-valuemax'),
    ]).to.deep.equal(['0', '38000', '50000']);
    expect(bar.querySelector<HTMLElement>('.fill')!.style.inlineSize).to.equal('76%');
  });

  it('says so at the top tier', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ lifetime: 100_000 }));
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await shows(element, 'top tier');
    expect(part(element, 'progress')).to.equal(null);
  });

  it('announces the soonest expiring points', async () => {
    const api = new TestApi();
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    configureFor(api, await api.customer({ balance: 500, expiring: [{ points: 200, expiresAt }] }), {
      locale: 'en-US',
    });
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await shows(element, '200 points expire on');
    setClock(() => Date.parse(expiresAt) - 3 * 86_400_000);
    element.requestUpdate();
    await shows(element, '200 points expire in 3 days');
  });

  it('shows a join invitation to guests, with the join-url attribute winning', async () => {
    const api = new TestApi();
    configureFor(api);
    const element = await fixture<LoyaltyBalance>(
      html`<loyalty-balance join-url="https://shop.example/join"></loyalty-balance>`,
    );
    await shows(element, 'Join');
    const link = element.shadowRoot!.querySelector('a')!;
    expect(link.href).to.equal('https://shop.example/join');
  });

  it('never renders a javascript: join URL', async () => {
    const api = new TestApi();
    configureFor(api);

    const element = await fixture<LoyaltyBalance>(
      html`<loyalty-balance join-url="javascript:alert(1)"></loyalty-balance>`,
    );
    await shows(element, 'Join');
    for (const link of element.shadowRoot!.querySelectorAll('a')) expect(link.href).not.to.match(/^javascript:/);
  });

  it('shows a skeleton first, then the data', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 77 });
    await api.fault({ path: '/v1/me', times: 1, delayMs: 500 });
    configureFor(api, customer);
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    expect(element.shadowRoot!.querySelector('[aria-busy="true"]')).to.exist;
    await shows(element, '77 points');
  });

  it('renders the cached balance before a slow API answers, then updates and announces', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 300 });
    configureFor(api, customer);
    const first = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await shows(first, '300 points');
    first.remove();
    await api.order(customer.customerId, 10_000);
    await api.fault({ path: '/v1/me', times: 1, delayMs: 1000 });

    configureFor(api, customer); // a reload
    const started = performance.now();
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await shows(element, '300 points');
    expect(performance.now() - started).to.be.lessThan(500);
    await waitUntil(() => !text(element).includes('300 points'), 'the new balance arrives', { timeout: 3000 });
    await waitUntil(() =>
      document.querySelector('[data-loyalty-announcer]')?.textContent?.includes('Your points balance is now'),
    );
  });

  it('keeps the cached balance with a last-updated hint when the API is down', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 64 });
    configureFor(api, customer);
    (await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`)).remove();
    await waitUntil(async () => (await api.requests({ path: '/v1/me' })).length > 0);
    await api.fault({ path: '/v1/me', times: 5, status: 503 });
    configureFor(api, customer);
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await oneEvent(element, 'loyalty-error');
    await shows(element, 'Last updated');
    expect(part(element, 'balance')!.textContent).to.equal('64 points');
  });

  it('shows an error with a Retry button that recovers', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 12 });
    await api.fault({ path: '/v1/me', times: 1, status: 500 });
    configureFor(api, customer);
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await shows(element, 'Try again');
    element.shadowRoot!.querySelector('button')!.click();
    await shows(element, '12 points');
  });

  it('follows identify() and logout() with no request of its own', async () => {
    const api = new TestApi();
    const ada = await api.customer({ balance: 10 });
    const bob = await api.customer({ balance: 20 });
    configureFor(api, ada);
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await shows(element, '10 points');
    await logout();
    await shows(element, 'Join');
    await identify(bob.customerId, { token: bob.token });
    await shows(element, '20 points');
    // Ada's load and Bob's: the element asked for nothing itself.
    expect(await api.requests({ path: '/v1/me' })).to.have.length(2);
  });

  it('updates after a redemption elsewhere on the page', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 5000 }));
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance compact></loyalty-balance>`);
    await shows(element, '5,000 points');
    const { rewards } = (await (await fetch(`${api.apiBase}/v1/rewards`)).json()) as {
      rewards: { id: string; cost: number; available: boolean; variable?: unknown }[];
    };
    const reward = rewards.find((r) => r.available && !r.variable && r.cost <= 5000)!;
    await getSdk().redeem({ rewardId: reward.id }, crypto.randomUUID());
    await shows(element, `${(5000 - reward.cost).toLocaleString('en-US')} points`);
    expect((await api.requests({ path: '/v1/me' })).length).to.equal(1);
  });

  it('keeps the balance a redemption returned over older /v1/me answers, from this tab or another', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 5000 });
    configureFor(api, customer);
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance compact></loyalty-balance>`);
    await shows(element, '5,000 points');
    const { rewards } = (await (await fetch(`${api.apiBase}/v1/rewards`)).json()) as {
      rewards: { id: string; cost: number; available: boolean; variable?: unknown }[];
    };
    const reward = rewards.find((r) => r.available && !r.variable && r.cost <= 5000)!;
    const sdk = getSdk();
    const me = sdk.resource('me');
    // A read on its way (a Retry, a revalidation): answered by the server now, delivered late.
    await api.fault({ method: 'GET', path: '/v1/me', times: 1, hold: true });
    const askedAt = now();
    const read = me.refresh();
    await waitUntil(async () => (await api.held()) === 1, 'the read never reached the server');
    const points = (await sdk.redeem({ rewardId: reward.id }, crypto.randomUUID())).points!;
    const shown: number[] = [];
    const stop = me.subscribe(({ data }) => shown.push(data!.points.balance));
    try {
      await api.release();
      await read;
      // Another tab's copy of a read asked before the redemption, told after it; then a newer one.
      const before = { ...me.snapshot.data!, points: { ...me.snapshot.data!.points, balance: 5000 } };
      const newer = { ...before, points: { ...before.points, balance: points.balance - 1 } };
      const key = `${api.apiBase}|${customer.customerId}|${sdk.locale()}|me`;
      const otherTab = new BroadcastChannel('loyalty-widgets');
      otherTab.postMessage({ type: 'entry', key, entry: { data: before, etag: null, storedAt: askedAt } });
      otherTab.postMessage({ type: 'entry', key, entry: { data: newer, etag: null, storedAt: now() } });
      otherTab.close();
      await waitUntil(() => shown.at(-1) === points.balance - 1, 'the newer copy never arrived');
      expect(shown, 'never the balance from before the redemption').to.not.include(5000);
      await shows(element, `${(points.balance - 1).toLocaleString('en-US')} points`);
    } finally {
      stop();
    }
  });
});

elementSuite({
  tag: 'loyalty-balance',
  template: () => html`<loyalty-balance></loyalty-balance>`,
  paths: ['/v1/me'],
  isReady: (element) =>
    Boolean(part(element, 'balance')?.textContent?.match(/\d/) && !element.shadowRoot!.querySelector('[aria-busy]')),
  isGuest: (element) => text(element).includes('Join'),
  isError: (element) => Boolean(element.shadowRoot!.querySelector('[role="alert"]')),
});
