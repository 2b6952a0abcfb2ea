import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/loyalty-activity/define.js';
import { ActivityList } from '../../src/components/loyalty-activity/activity-list.js';
import type { LoyaltyActivity } from '../../src/components/loyalty-activity/loyalty-activity.js';
import type { LoyaltyErrorEvent } from '../../src/components/shared/loyalty-error-event.js';
import type { ActivityItem } from '../../src/core/api/schemas.js';
import { setClock } from '../../src/core/clock.js';
import { getSdk, identify, logout } from '../../src/core/index.js';
import { Sdk } from '../../src/core/sdk.js';
import { mount, unmountAll } from '../helpers/mount.js';
import { TestApi } from '../helpers/api.js';
import { elementSuite } from '../helpers/element-suite.js';
import { configureFor, fastNetwork, resetSdk } from '../helpers/sdk.js';
import { text, part, shows } from '../helpers/shadow.js';

const items = (element: HTMLElement) => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')];
const announced = (words: string) =>
  waitUntil(
    () => document.querySelector('[data-loyalty-announcer]')?.textContent?.includes(words),
    `never announced "${words}"`,
  );
const activityGets = (api: TestApi) => api.requests({ path: '/v1/activity', method: 'GET' });
const firstPage = () => getSdk().resource('activity').snapshot.data!;
const medium = (locale: string, iso: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(Date.parse(iso));

async function signInAda(api: TestApi, extra = {}) {
  const { token } = await api.token('c_ada');
  configureFor(api, { customerId: 'c_ada', token }, { locale: 'en-US', ...extra });
}

afterEach(() => {
  unmountAll();
  resetSdk();
});

describe('<loyalty-activity>', () => {
  it('lists entries with type, date and a signed amount that also reads as words', async () => {
    const api = new TestApi();
    await signInAda(api);
    const element = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    await waitUntil(() => items(element).length === 20, 'the first page of 20');
    expect(element.shadowRoot!.querySelector('ol[part~="list"]')).to.exist;
    const data = firstPage().items;
    const newest = items(element)[0];
    expect(newest.textContent).to.contain('Order #1094');
    expect(newest.querySelector('[part~="type"]')!.textContent).to.equal('Earned');
    const time = newest.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(data[0].createdAt);
    expect(time.textContent).to.equal(medium('en-US', data[0].createdAt));
    const amount = newest.querySelector('[part~="amount"]')!;
    expect(amount.querySelector('[aria-hidden="true"]')!.textContent).to.equal('+34 points');
    expect(amount.querySelector('.visually-hidden')!.textContent).to.equal('34 points earned');

    const row = (description: string) => items(element).find((li) => li.textContent.includes(description))!;
    expect(row('Redeemed Anniversary candle').querySelector('[part~="amount"]')!.textContent).to.equal(
      '−400 points400 points spent',
    );
    expect(row('Redeemed Anniversary candle').querySelector('[part~="type"]')!.textContent).to.equal('Redeemed');
    expect(row('Points expired').querySelector('[part~="amount"]')!.textContent).to.equal(
      '−40 points40 points expired',
    );
    // A tier change moves no points: no amount at all rather than "+0".
    expect(row('Reached Silver').querySelector('[part~="amount"]')!.textContent).to.equal('');
    expect(row('Reached Silver').querySelector('[part~="type"]')!.textContent).to.equal('Tier change');
    expect(row('Double points weekend').querySelector('[part~="type"]')!.textContent).to.equal('Bonus');
  });

  // The amount's unit is the program's own label (English in the demo program); the type label
  // comes from the element's catalog in the element's language.
  for (const [locale, amount, type] of [
    ['en-US', '+1,250 points', 'Adjustment'],
    ['de-DE', '+1.250 points', 'Korrektur'],
  ] as const) {
    it(`formats numbers and dates for ${locale}`, async () => {
      const api = new TestApi();
      configureFor(api, await api.customer({ balance: 1250 }));
      const wrapper = mount(html`<loyalty-activity></loyalty-activity>`, { lang: locale });
      const element = wrapper.querySelector('loyalty-activity')!;
      await shows(element, amount);
      const item = firstPage().items[0];
      expect(element.shadowRoot!.querySelector('time')!.textContent).to.equal(medium(locale, item.createdAt));
      expect(part(element, 'type')!.textContent).to.equal(type);
    });
  }

  it('says "1 point" in the singular', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 1 }), { locale: 'en-US' });
    const element = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    await shows(element, '+1 point');
    expect(text(element)).to.contain('1 point earned');
  });

  it('uses catalog overrides and the label slot', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 5 }), {
      messages: { en: { 'activity.type.adjust': 'Correction', 'activity.plus': 'plus {points}' } },
    });
    const element = await fixture<LoyaltyActivity>(
      html`<loyalty-activity><span slot="label">Your history</span></loyalty-activity>`,
    );
    await shows(element, 'Correction');
    expect(text(element)).to.contain('plus 5 points');
    const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="label"]')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Your history');
  });

  it('says so when there is no activity yet', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer());
    const element = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    await shows(element, 'No activity yet');
    expect(part(element, 'more-button')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('invites guests to join or sign in, with the join-url attribute winning', async () => {
    const api = new TestApi();
    configureFor(api);
    const element = await fixture<LoyaltyActivity>(
      html`<loyalty-activity join-url="https://shop.example/join"></loyalty-activity>`,
    );
    await shows(element, 'Sign in to see your points history');
    await waitUntil(() => element.shadowRoot!.querySelectorAll('a').length === 2, 'both links');
    const [join, signIn] = element.shadowRoot!.querySelectorAll('a');
    expect(join.href).to.equal('https://shop.example/join');
    expect(signIn.href).to.equal(new URL('/account/sign-in', document.baseURI).href);
    expect(element.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect((await activityGets(api)).length).to.equal(0);
  });

  it('never renders a javascript: join URL', async () => {
    const api = new TestApi();
    configureFor(api);
    const element = await fixture<LoyaltyActivity>(
      html`<loyalty-activity join-url="javascript:alert(1)"></loyalty-activity>`,
    );
    await shows(element, 'Sign in to see');
    await waitUntil(() => element.shadowRoot!.querySelectorAll('a').length === 2, 'both links');
    for (const link of element.shadowRoot!.querySelectorAll('a')) expect(link.href).not.to.match(/^javascript:/);
    // The program's own join link stands in for the refused one.
    expect(element.shadowRoot!.querySelector('a')!.href).to.equal(new URL('/account/join', document.baseURI).href);
  });

  it('shows the guest slot to guests only', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 10 });
    configureFor(api);
    const element = await fixture<LoyaltyActivity>(
      html`<loyalty-activity><p slot="guest">Members see their history here.</p></loyalty-activity>`,
    );
    const custom = element.querySelector('p')!;
    await waitUntil(() => custom.getClientRects().length > 0, 'the slotted guest content is visible');
    const fallback = element.shadowRoot!.querySelector('slot[name="guest"] p');
    expect(fallback?.getClientRects().length ?? 0, 'the default invitation is replaced').to.equal(0);
    await identify(customer.customerId, { token: customer.token });
    await shows(element, '+10 points');
    expect(custom.getClientRects().length).to.equal(0);
  });

  it('shows a skeleton in the final geometry first, then the data without layout shift', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 77 });
    await api.fault({ path: '/v1/activity', times: 1, delayMs: 800 });
    configureFor(api, customer);
    const element = await fixture<LoyaltyActivity>(
      html`<loyalty-activity style="inline-size: 30rem"></loyalty-activity>`,
    );
    await waitUntil(() => element.shadowRoot!.querySelector('[aria-busy="true"] li'), 'the skeleton');
    const skeletonRow = element.shadowRoot!.querySelector('li')!;
    const skeleton = { top: skeletonRow.getBoundingClientRect().top, height: skeletonRow.clientHeight };
    // As many placeholder rows as the first page holds (skeleton-layout.test.ts checks the whole height).
    expect(element.shadowRoot!.querySelectorAll('[aria-busy="true"] li').length).to.equal(20);
    // The API answers after 800 ms: waitUntil's default 1 s left 0.2 s for the rest and failed
    // under the load of three engines at once.
    await waitUntil(() => text(element).includes('+77 points'), 'the data after the slow answer', { timeout: 5000 });
    expect(element.shadowRoot!.querySelector('[aria-busy]')).to.equal(null);
    const dataRow = items(element)[0];
    // Same place, same height (borders aside: the last row has none).
    expect(dataRow.getBoundingClientRect().top).to.equal(skeleton.top);
    expect(dataRow.clientHeight).to.equal(skeleton.height);
  });

  it('renders the cached page before a slow API answers, then adds and announces new entries', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 300 });
    configureFor(api, customer, { locale: 'en-US' });
    const first = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    await shows(first, '+300 points');
    first.remove();
    await api.order(customer.customerId, 10_000);
    await api.fault({ path: '/v1/activity', times: 1, delayMs: 1000 });

    configureFor(api, customer, { locale: 'en-US' }); // a reload, a minute later: cached but no longer fresh
    setClock(() => Date.now() + 60_000);
    const started = performance.now();
    const element = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    await shows(element, '+300 points');
    expect(performance.now() - started).to.be.lessThan(500);
    expect(items(element).length).to.equal(1);
    await waitUntil(() => items(element).length === 2, 'the new entry arrives', { timeout: 3000 });
    expect(items(element)[0].textContent).to.contain('Order');
    await announced('1 new entry in your points activity');
  });

  it('keeps the cached page with a last-updated hint when the API is down', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 64 });
    configureFor(api, customer);
    const first = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    await shows(first, '+64 points');
    first.remove();
    await api.fault({ path: '/v1/activity', times: 5, status: 503 });
    configureFor(api, customer);
    setClock(() => Date.now() + 60_000);
    const element = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    const event = await oneEvent<LoyaltyErrorEvent>(element, 'loyalty-error');
    expect(event.detail.error.code).to.equal('http');
    await shows(element, 'Last updated');
    expect(text(element)).to.contain('+64 points');
    expect(element.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('shows a readable error with a Retry button that recovers', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 12 });
    await api.fault({ path: '/v1/activity', times: 1, status: 500 });
    configureFor(api, customer);
    const element = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    await shows(element, 'Try again');
    expect(text(element)).to.contain('We couldn’t load your points activity.');
    element.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await shows(element, '+12 points');
  });

  it('pages with the API cursor from the keyboard, keeping rendered rows and moving focus to the new ones', async () => {
    const api = new TestApi();
    await signInAda(api);
    const element = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    await waitUntil(() => items(element).length === 20, 'the first page');
    const rendered = items(element);
    part(element, 'more-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => items(element).length === 30, 'the second page');
    // Keyed rendering: the first 20 rows are the same DOM nodes, only new ones were created.
    expect(
      items(element)
        .slice(0, 20)
        .every((row, index) => row === rendered[index]),
    ).to.equal(true);
    expect(items(element)[20].textContent).to.contain('Referral: Grace made her first purchase');
    expect(new Set(firstPage().items.map((item) => item.id)).size).to.equal(20);
    await waitUntil(() => element.shadowRoot!.activeElement === items(element)[20], 'focus on the first new entry');
    await announced('10 more entries loaded');
    expect(part(element, 'more-button'), 'no "Show more" at the end of the history').to.equal(null);
    const gets = await activityGets(api);
    expect(gets.length).to.equal(2);
    const { query } = gets[1];
    expect(query.limit).to.equal('20');
    expect(query.cursor).to.equal(firstPage().nextCursor);
  });

  it('shows an inline error with retry when a further page fails, keeping the list and focus', async () => {
    const api = new TestApi();
    await signInAda(api);
    const element = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    await waitUntil(() => items(element).length === 20, 'the first page');
    await api.fault({ path: '/v1/activity', times: 1, status: 500 });
    const button = part(element, 'more-button')!;
    button.focus();
    const failed = oneEvent<LoyaltyErrorEvent>(element, 'loyalty-error');
    await sendKeys({ press: 'Enter' });
    expect((await failed).detail.error.code).to.equal('http');
    await shows(element, 'We couldn’t load more activity.');
    expect(items(element).length).to.equal(20);
    expect(part(element, 'more-button')).to.equal(button);
    expect(button.textContent.trim()).to.equal('Try again');
    expect(element.shadowRoot!.activeElement).to.equal(button);
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => items(element).length === 30, 'the retry loads the page');
    expect(text(element)).not.to.contain('We couldn’t load more');
  });

  it('ignores a second press while a page is loading', async () => {
    const api = new TestApi();
    await signInAda(api);
    const element = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    await waitUntil(() => items(element).length === 20, 'the first page');
    await api.fault({ path: '/v1/activity', times: 1, delayMs: 400 });
    part(element, 'more-button')!.click();
    await shows(element, 'Loading more…');
    expect(part(element, 'more-button')!.getAttribute('aria-disabled')).to.equal('true');
    part(element, 'more-button')!.click();
    await waitUntil(() => items(element).length === 30, 'the second page');
    expect((await activityGets(api)).length).to.equal(2);
  });

  it('keeps what is shown when the first page changes, with no duplicates and no gap', async () => {
    const api = new TestApi();
    await signInAda(api);
    const element = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    await waitUntil(() => items(element).length === 20, 'the first page');
    await api.order('c_ada', 5000);
    await getSdk().resource('activity').refresh();
    // The refresh's answer and the render after it: a second is short for WebKit in a full run.
    await waitUntil(() => items(element).length === 21, 'the new entry on top, the old 20 kept', { timeout: 5000 });
    await announced('1 new entry in your points activity');
    part(element, 'more-button')!.click();
    await waitUntil(() => items(element).length === 31, 'the rest of the history');
    const ids = items(element).map((row) => row.textContent.replace(/\s+/g, ' '));
    expect(new Set(ids).size).to.equal(31);
    expect(items(element)[30].textContent).to.contain('Welcome bonus for joining');
    expect(part(element, 'more-button')).to.equal(null);
  });

  it('updates after a redemption elsewhere on the page with only the store’s request', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 5000 }), { locale: 'en-US' });
    const element = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    await shows(element, '+5,000 points');
    const { rewards } = (await (await fetch(`${api.apiBase}/v1/rewards`)).json()) as {
      rewards: { id: string; cost: number; available: boolean; variable?: unknown }[];
    };
    const reward = rewards.find((r) => r.available && !r.variable && r.cost <= 5000)!;
    await getSdk().redeem({ rewardId: reward.id }, crypto.randomUUID());
    await waitUntil(() => items(element).length === 2, 'the redemption appears');
    const cost = reward.cost.toLocaleString('en-US');
    expect(items(element)[0].querySelector('[part~="type"]')!.textContent).to.equal('Redeemed');
    expect(items(element)[0].querySelector('[part~="amount"]')!.textContent).to.equal(
      `−${cost} points${cost} points spent`,
    );
    await announced('1 new entry');
    // The first load and the store's refresh after the redemption; nothing of the element's own.
    expect((await activityGets(api)).length).to.equal(2);
  });

  it('updates after a redemption in another tab that shows the history, with no request of its own', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 5000 });
    configureFor(api, customer, { locale: 'en-US' });
    const element = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    await shows(element, '+5,000 points');
    // Another tab of the same shop, so in the same locale (data is cached per locale, and the
    // default locale differs by engine: "en" in WebKit here): its own SDK instance, talking to
    // this one over the same BroadcastChannel.
    const otherTab = new Sdk();
    otherTab.configure({ apiBase: api.apiBase, network: fastNetwork, ...customer, locale: 'en-US' });
    const unsubscribe = otherTab.resource('activity').subscribe(() => undefined);
    const { rewards } = (await (await fetch(`${api.apiBase}/v1/rewards`)).json()) as {
      rewards: { id: string; cost: number; available: boolean; variable?: unknown }[];
    };
    const reward = rewards.find((r) => r.available && !r.variable && r.cost <= 5000)!;
    const before = (await activityGets(api)).length;
    await otherTab.redeem({ rewardId: reward.id }, crypto.randomUUID());
    await waitUntil(() => items(element).length === 2, 'the redemption appears here too');
    expect(items(element)[0].querySelector('[part~="type"]')!.textContent).to.equal('Redeemed');
    expect((await activityGets(api)).length, 'only the other tab asked').to.equal(before + 1);
    unsubscribe();
  });

  it('follows logout() and identify(), dropping the pages of the previous shopper', async () => {
    const api = new TestApi();
    await signInAda(api);
    const bob = await api.token('c_bob');
    const element = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    await waitUntil(() => items(element).length === 20, 'the first page');
    part(element, 'more-button')!.click();
    await waitUntil(() => items(element).length === 30, 'the second page');
    await logout();
    await shows(element, 'Sign in to see your points history');
    expect(items(element).length).to.equal(0);
    await identify('c_bob', { token: bob.token });
    await shows(element, 'Order #2001');
    expect(items(element).length).to.equal(2);
    expect(text(element)).not.to.contain('Order #1094');
    expect(part(element, 'more-button')).to.equal(null);
    // Ada's two pages and Bob's first: the store's requests and the one "Show more".
    expect((await activityGets(api)).length).to.equal(3);
  });

  it('drops a page that arrives after the shopper changed', async () => {
    const api = new TestApi();
    await signInAda(api);
    const bob = await api.token('c_bob');
    const element = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    await waitUntil(() => items(element).length === 20, 'the first page');
    await api.fault({ path: '/v1/activity', times: 1, delayMs: 500 });
    part(element, 'more-button')!.click();
    await identify('c_bob', { token: bob.token });
    await shows(element, 'Order #2001');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(items(element).length).to.equal(2);
    expect(text(element)).not.to.contain('Loading more');
  });
});

describe('ActivityList', () => {
  const item = (n: number): ActivityItem => ({
    id: `act_${String(n).padStart(4, '0')}`,
    type: 'earn',
    points: n,
    description: `#${n}`,
    createdAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
  });
  /** Newest first, `count` entries from `newest` down. */
  const range = (newest: number, count: number) => Array.from({ length: count }, (_, i) => item(newest - i));
  const numbers = (list: ActivityList) => list.pages.flat().map((entry) => entry.points);

  it('appends only pages fetched from the current cursor, once per id', () => {
    const list = new ActivityList('a');
    expect(list.follow({ items: range(50, 3), nextCursor: 'c47' })).to.equal(0);
    expect(list.append({ items: range(47, 3), nextCursor: 'c44' }, 'stale')).to.equal(-1);
    expect(list.append({ items: [item(48), ...range(47, 3)], nextCursor: 'c44' }, 'c47')).to.equal(3);
    expect(numbers(list)).to.deep.equal([50, 49, 48, 47, 46, 45]);
    expect(list.cursor).to.equal('c44');
  });

  it('puts new entries on top and keeps the cursor when the first page overlaps what is shown', () => {
    const list = new ActivityList('a');
    list.follow({ items: range(50, 3), nextCursor: 'c47' });
    const second = range(47, 3);
    list.append({ items: second, nextCursor: 'c44' }, 'c47');
    expect(list.follow({ items: range(52, 3), nextCursor: 'c49' })).to.equal(2);
    expect(numbers(list)).to.deep.equal([52, 51, 50, 49, 48, 47, 46, 45]);
    expect(list.cursor).to.equal('c44');
    // Pages the change did not touch stay the same object, so rendering skips them.
    expect(list.pages.at(-1)).to.equal(second);
    expect(list.size).to.equal(8);
  });

  it('starts again from the first page when new entries leave a gap', () => {
    const list = new ActivityList('a');
    list.follow({ items: range(50, 3), nextCursor: 'c47' });
    list.follow({ items: range(60, 3), nextCursor: 'c57' });
    expect(numbers(list)).to.deep.equal([60, 59, 58]);
    expect(list.cursor).to.equal('c57');
  });
});

elementSuite({
  tag: 'loyalty-activity',
  template: () => html`<loyalty-activity></loyalty-activity>`,
  paths: ['/v1/activity'],
  isReady: (element) => items(element).length > 0 && !element.shadowRoot!.querySelector('[aria-busy]'),
  isGuest: (element) => text(element).includes('Sign in to see your points history'),
  isError: (element) => Boolean(element.shadowRoot!.querySelector('[role="alert"]')),
});
