// Every element against a merchant's own, differently shaped loyalty API (the test host's
// /api/m/<scope>: other paths, snake_case, other nesting, money in major units, Unix times, its
// own paging) through the README's mapping (docs/examples/merchant-api.ts), over real HTTP. The
// merchant API runs on the reference API of the same scope, so what it stored is read there.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/loyalty-activity/define.js';
import '../../src/components/loyalty-balance/define.js';
import '../../src/components/loyalty-panel/define.js';
import '../../src/components/nps-survey/define.js';
import '../../src/components/referral-share/define.js';
import '../../src/components/reward-catalog/define.js';
import type { LoyaltyActivity } from '../../src/components/loyalty-activity/loyalty-activity.js';
import type { LoyaltyBalance } from '../../src/components/loyalty-balance/loyalty-balance.js';
import type { LoyaltyPanel } from '../../src/components/loyalty-panel/loyalty-panel.js';
import type { NpsSurvey } from '../../src/components/nps-survey/nps-survey.js';
import type { ReferralShare } from '../../src/components/referral-share/referral-share.js';
import type { RewardCatalog } from '../../src/components/reward-catalog/reward-catalog.js';
import type { LoyaltyErrorEvent } from '../../src/components/shared/loyalty-error-event.js';
import { getSdk, on, type ApiMapping, type Program } from '../../src/core/index.js';
import { merchantApi } from '../../docs/examples/merchant-api.js';
import { TestApi } from '../helpers/api.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';
import { part, shows, text } from '../helpers/shadow.js';

type Customer = { customerId: string; token: string };

/** The merchant's API over the same scope as `api` (same customers, same data). */
const merchantBase = (api: TestApi) => api.apiBase.replace('/api/s/', '/api/m/');

/** Configures the SDK for the merchant's API with the README's mapping (or another). */
function configureMerchant(api: TestApi, customer?: Customer, mapping: ApiMapping = merchantApi) {
  configureFor(api, customer, { apiBase: merchantBase(api), api: mapping, locale: 'en-US' });
}

const shadow = <E extends Element = HTMLElement>(element: HTMLElement, selector: string) =>
  element.shadowRoot!.querySelector<E>(selector);

afterEach(() => {
  document.querySelectorAll('nps-survey').forEach((survey) => survey.remove());
  resetSdk();
});

describe('configure({ api }): a merchant’s own API shape', () => {
  it('<loyalty-balance> shows the balance, pending points and program from the merchant’s paths', async () => {
    const api = new TestApi();
    configureMerchant(api, await api.customer({ balance: 1250, pending: 40, lifetime: 1950 }));
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await shows(element, '1,250 points');
    expect(text(element)).to.contain('40 points pending');
    expect(text(element)).to.contain('Acme Rewards');
    expect(text(element)).to.contain('550 points to Gold');
  });

  it('<loyalty-balance> converts the merchant’s money in major units to spend progress', async () => {
    // The spend-tiers program: Insider from €500; the merchant says "to_go": 120 (euros).
    const api = new TestApi('', { program: 'spend' });
    configureMerchant(api, await api.customer({ balance: 300, spend: 38_000 }));
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await shows(element, '300 stars');
    expect(text(element)).to.contain('€120.00 more to spend to reach Insider');
  });

  it('revalidates a mapped resource with its ETag: a 304 keeps what is shown', async () => {
    const api = new TestApi();
    configureMerchant(api, await api.customer({ balance: 77 }));
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await shows(element, '77 points');
    await getSdk().resource('me').refresh();
    // The server logs a request once its answer is out; a 304 can reach the page first.
    await waitUntil(async () => (await api.requests({ path: '/v1/me' })).length === 2, 'the revalidation', {
      timeout: 5000,
    });
    const gets = await api.requests({ path: '/v1/me' });
    expect(gets.map(({ status }) => status)).to.deep.equal([200, 304]);
    expect(gets[1].ifNoneMatch).to.be.a('string');
    expect(part(element, 'balance')!.textContent).to.equal('77 points');
    expect(getSdk().resource('me').snapshot.data!.points.balance).to.equal(77);
  });

  it('<loyalty-activity> lists the ledger and pages with the merchant’s own paging', async () => {
    const api = new TestApi();
    configureMerchant(api, await api.token('c_ada'));
    const element = await fixture<LoyaltyActivity>(html`<loyalty-activity></loyalty-activity>`);
    const rows = () => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')];
    await waitUntil(() => rows().length === 20, 'the first page');
    part(element, 'more-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows().length === 30, 'the second page');
    expect(rows()[20].textContent).to.contain('Referral: Grace made her first purchase');
    expect(rows()[20].textContent).to.contain('+500');
    // Unix seconds became dates again.
    expect(rows()[20].textContent).to.match(/\b20\d\d\b/);
    // The merchant's per_page/page_token reached the reference API as its limit/cursor.
    const [first, second] = await api.requests({ path: '/v1/activity' });
    expect(first.query).to.deep.equal({ limit: '20' });
    expect(second.query.limit).to.equal('20');
    expect(second.query.cursor).to.equal(getSdk().resource('activity').snapshot.data!.nextCursor);
  });

  it('<reward-catalog> shows the merchant’s catalog and redeems through its voucher endpoint', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 1000 });
    configureMerchant(api, customer);
    const catalog = await fixture<RewardCatalog>(html`<reward-catalog></reward-catalog>`);
    const balance = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    const card = () => shadow(catalog, '[part="reward"][data-id="r_5_off"]');
    await waitUntil(card, 'the rewards never showed');
    expect(card()!.textContent).to.contain('$5 off your next order');
    expect(card()!.textContent).to.contain('500 points');
    await shows(balance, '1,000 points');

    card()!.querySelector<HTMLButtonElement>('[part="redeem-button"]')!.click();
    const dialog = shadow<HTMLDialogElement>(catalog, 'dialog')!;
    await waitUntil(() => dialog.open, 'the dialog never opened');
    [...dialog.querySelectorAll('button')].find((button) => button.textContent.trim() === 'Redeem')!.click();
    const code = () => dialog.querySelector<HTMLInputElement>('[part="code"]');
    await waitUntil(() => code()?.value, 'the code never showed', { timeout: 5000 });

    const headers = { Authorization: `Bearer ${customer.token}` };
    const stored = (await (await fetch(`${api.apiBase}/v1/redemptions`, { headers })).json()) as {
      redemptions: { code: string; rewardId: string }[];
    };
    expect(stored.redemptions).to.have.length(1);
    expect(stored.redemptions[0].rewardId).to.equal('r_5_off');
    expect(code()!.value).to.equal(stored.redemptions[0].code);
    expect((await api.me(customer.token)).points.balance).to.equal(500);
    // The reply's wallet became the balance on the page.
    await shows(balance, '500 points');
  });

  it('<loyalty-panel> saves the birthday through the merchant’s profile update and shows their reply', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    configureMerchant(api, customer);
    const panel = await fixture<LoyaltyPanel>(html`<loyalty-panel section="earn"></loyalty-panel>`);
    await waitUntil(() => shadow(panel, '[part="birthday-form"]'), 'no birthday form');
    shadow<HTMLInputElement>(panel, '[part="birthday-form"] input')!.value = '1990-04-12';
    shadow(panel, '[part="birthday-form"] button')!.click();
    await shows(panel, 'We’ll celebrate on April 12');
    const patched = await api.requests({ path: '/v1/me', method: 'PATCH' });
    expect(patched.map((request) => request.status)).to.deep.equal([200]);
    const stored = (await api.me(customer.token)) as unknown as { birthday: string };
    expect(stored.birthday).to.equal('1990-04-12');
  });

  it('<referral-share> shows the merchant’s invite link, code, rewards and counts', async () => {
    const api = new TestApi();
    configureMerchant(api, await api.token('c_ada'));
    const element = await fixture<ReferralShare>(html`<referral-share></referral-share>`);
    await waitUntil(() => shadow(element, 'input#link'), 'never showed the link');
    expect(shadow<HTMLInputElement>(element, 'input#link')!.value).to.equal(`${location.origin}/?ref=ADA-7K2Q`);
    expect(shadow<HTMLInputElement>(element, 'input#code')!.value).to.equal('ADA-7K2Q');
    expect(text(element)).to.contain('You get 500 points when a friend makes their first purchase');
    const stats = [...element.shadowRoot!.querySelectorAll('[part="stats"] dd')].map((dd) => dd.textContent.trim());
    expect(stats).to.deep.equal(['5', '1', '500 points']);
  });

  it('<nps-survey> delivers the answer through the outbox in the merchant’s body, and reads its reply', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    configureMerchant(api, customer);
    const survey = await fixture<NpsSurvey>(html`<nps-survey mode="inline"></nps-survey>`);
    survey.show({ orderId: 'o_77' });
    await waitUntil(() => shadow(survey, '[role="radio"]'), 'the scale never rendered');
    const delivered = new Promise<{ id: string; category: string }>((resolve) =>
      on('nps-delivered', (detail: { id: string; category: string }) => resolve(detail)),
    );
    survey.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="radio"]')[9].click();
    const detail = await delivered;
    // The reply's `segment` became ours.
    expect(detail.category).to.equal('promoter');
    const [answer] = (await api.feedback()) as { id: string; score: number; orderId: string; customerId: string }[];
    expect(answer).to.include({ id: detail.id, score: 9, orderId: 'o_77', customerId: customer.customerId });
  });

  it('a mapping that throws is a readable error and one loyalty-error naming the resource', async () => {
    const api = new TestApi();
    configureMerchant(api, await api.customer({ balance: 5 }), {
      ...merchantApi,
      me: {
        ...merchantApi.me,
        map: () => {
          throw new TypeError('wallet is missing');
        },
      },
    });
    const errors: LoyaltyErrorEvent['detail'][] = [];
    const element = document.createElement('loyalty-balance');
    element.addEventListener('loyalty-error', (event) => errors.push(event.detail));
    const failed = oneEvent(element, 'loyalty-error');
    document.body.append(element);
    try {
      await failed;
      await shows(element, 'Try again');
      expect(errors).to.have.length(1);
      expect(errors[0].error.code).to.equal('invalid-response');
      expect(errors[0].error.message).to.contain('api.me.map').and.contain('wallet is missing');
    } finally {
      element.remove();
    }
  });

  it('leaves unmapped resources on the contract’s paths and shapes', async () => {
    const api = new TestApi();
    // The reference API, with only the program mapped (a merchant who renamed it).
    const mapping: ApiMapping = { program: { map: (raw: Program) => ({ ...raw, name: 'Cozy Stars' }) } };
    configureFor(api, await api.customer({ balance: 321 }), { api: mapping, locale: 'en-US' });
    const element = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await shows(element, '321 points');
    await shows(element, 'Cozy Stars');
    expect(await api.requests({ path: '/v1/program' })).to.have.length(1);
    expect(await api.requests({ path: '/v1/me' })).to.have.length(1);
  });

  it('never shows what an old mapping made of a cached response after the mapping changed', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 10 });
    const mapping: ApiMapping = { program: { map: (raw: Program) => ({ ...raw, name: 'Cozy Stars' }) } };
    configureFor(api, customer, { api: mapping, locale: 'en-US' });
    const before = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await shows(before, 'Cozy Stars');
    const cachedProgram = async () =>
      (await getSdk().cache.prefixed(api.apiBase)).some(([key]) => key.includes('|program'));
    await waitUntil(cachedProgram, 'the program was never cached');
    before.remove();
    // The next release of the shop's page maps the same, unchanged response differently.
    const next: ApiMapping = { program: { map: (raw: Program) => ({ ...raw, name: 'Warm Stars' }) } };
    configureFor(api, customer, { api: next, locale: 'en-US' });
    const after = await fixture<LoyaltyBalance>(html`<loyalty-balance></loyalty-balance>`);
    await shows(after, 'Warm Stars');
    expect(text(after)).not.to.contain('Cozy Stars');
  });
});
