// An API a little off the contract (docs/openapi.yaml), as another team would write it: every
// endpoint answers with fields the client has never heard of and enum values added later, and a
// redemption reply lacks its display fields or even its code. The reference API's real answers
// are rewritten by the test host (a `rewrite` fault), so everything goes over real HTTP.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/loyalty-activity/define.js';
import '../../src/components/loyalty-balance/define.js';
import '../../src/components/referral-share/define.js';
import '../../src/components/reward-catalog/define.js';
import { getSdk, on, type DeliveredDetail, type Reward } from '../../src/core/index.js';
import { outboxFor } from '../../src/core/outbox/outbox.js';
import { TestApi } from '../helpers/api.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';
import { shows, text } from '../helpers/shadow.js';

type Customer = { customerId: string; token: string };

const card = (element: HTMLElement, id: string) =>
  element.shadowRoot!.querySelector<HTMLElement>(`[part="reward"][data-id="${id}"]`);
const cardText = (element: HTMLElement, id: string) => card(element, id)?.textContent.replace(/\s+/g, ' ') ?? '';
const dialog = (element: HTMLElement) => element.shadowRoot!.querySelector('dialog')!;
const dialogText = (element: HTMLElement) => dialog(element).textContent.replace(/\s+/g, ' ').trim();
const dialogButtons = (element: HTMLElement) =>
  [...dialog(element).querySelectorAll('button')].map((button) => button.textContent.trim());
const dialogShows = (element: HTMLElement, words: string) =>
  waitUntil(() => dialogText(element).includes(words), `the dialog never said "${words}": ${dialogText(element)}`, {
    timeout: 5000,
  });

/** The reference API's rewards in its own order, so a rewrite by index names a known reward. */
async function rewardsOf(api: TestApi): Promise<Reward[]> {
  const reply = await fetch(`${api.apiBase}/v1/rewards`);
  return ((await reply.json()) as { rewards: Reward[] }).rewards;
}

/** Every listed path answers its next `times` GETs with extra fields everywhere, plus `set`. */
async function offContract(api: TestApi, path: string, set: Record<string, unknown> = {}, times = 5) {
  await api.fault({ path, method: 'GET', times, rewrite: { extras: true, set } });
}

async function redeemFirst(element: HTMLElement, id: string): Promise<void> {
  await waitUntil(() => card(element, id), 'the rewards never showed');
  card(element, id)!.querySelector<HTMLButtonElement>('[part="redeem-button"]')!.click();
  await waitUntil(() => dialog(element).open, 'the dialog never opened');
  [...dialog(element).querySelectorAll('button')].find((button) => button.textContent.trim() === 'Redeem')!.click();
}

describe('A tolerant reader: an API off the contract', () => {
  let api: TestApi;
  let customer: Customer;

  beforeEach(async () => {
    api = new TestApi();
    customer = await api.customer({ balance: 5000 });
  });

  afterEach(() => resetSdk());

  it('shows a reward of an unknown kind as a plain reward and an unknown reason as unavailable', async () => {
    const [mystery, locked] = await rewardsOf(api);
    await offContract(api, '/v1/rewards', {
      'rewards.0.kind': 'mystery-box',
      'rewards.1.available': false,
      'rewards.1.reason': 'members-only',
    });
    await offContract(api, '/v1/program', { 'tiers.*.metric': 'visits', 'waysToEarn.*.kind': 'quiz' });
    await offContract(api, '/v1/me');
    await offContract(api, '/v1/redemptions');
    configureFor(api, customer);
    const element = await fixture<HTMLElement>(html`<reward-catalog></reward-catalog>`);
    await waitUntil(() => card(element, mystery.id), 'the reward of an unknown kind never showed');
    // Name, description, cost and a Redeem the shopper can press.
    expect(cardText(element, mystery.id))
      .to.contain(mystery.name)
      .and.to.contain(mystery.description)
      .and.to.contain(`${mystery.cost.toLocaleString('en')} points`);
    const redeem = card(element, mystery.id)!.querySelector<HTMLButtonElement>('[part="redeem-button"]')!;
    expect(redeem.disabled).to.equal(false);
    // The filter offers the kinds it knows and one neutral chip for the rest.
    expect(text(element)).to.contain('Other rewards');
    expect(cardText(element, locked.id)).to.contain('Not available right now');
    expect(card(element, locked.id)!.querySelector<HTMLButtonElement>('[part="redeem-button"]')!.disabled).to.equal(
      true,
    );
    await expect(element).to.be.accessible();
  });

  it('shows the balance and the next tier when the tier metric is one it does not know', async () => {
    await offContract(api, '/v1/me', { 'tierProgress.metric': 'visits' });
    await offContract(api, '/v1/program', { 'tiers.*.metric': 'visits' });
    configureFor(api, await api.customer({ balance: 1200 }));
    const element = await fixture<HTMLElement>(html`<loyalty-balance></loyalty-balance>`);
    await shows(element, '1,200');
    await shows(element, 'Next: Gold');
    // No count in a unit it cannot name.
    expect(text(element)).not.to.match(/to Gold|more to spend/);
    await expect(element).to.be.accessible();
  });

  it('shows an activity entry of an unknown type with a neutral label and its own description', async () => {
    await api.order(customer.customerId, 40);
    await offContract(api, '/v1/activity', {
      'items.0.type': 'cashback',
      'items.0.description': 'Cashback from a partner shop',
    });
    await offContract(api, '/v1/program');
    configureFor(api, customer);
    const element = await fixture<HTMLElement>(html`<loyalty-activity></loyalty-activity>`);
    await shows(element, 'Cashback from a partner shop');
    const first = element.shadowRoot!.querySelector('[part="item"]')!;
    expect(first.querySelector('[part="type"]')!.textContent).to.equal('Other');
    await expect(element).to.be.accessible();
  });

  it('shares a referral whose reply carries fields it does not know', async () => {
    await offContract(api, '/v1/referral', { 'advocateReward.kind': 'cashback', 'stats.clicks': 12 });
    await offContract(api, '/v1/program');
    configureFor(api, customer);
    const element = await fixture<HTMLElement>(html`<referral-share></referral-share>`);
    await waitUntil(() => element.shadowRoot!.querySelector('[part="share"]'), 'the share links never showed');
    expect(text(element)).to.contain('Friends invited');
    await expect(element).to.be.accessible();
  });

  it('shows the code of a redemption whose reply has extra fields and no rewardName, with the reward’s name', async () => {
    const [reward] = (await rewardsOf(api)).filter((each) => each.available && !each.variable);
    await api.fault({
      path: '/v1/redemptions',
      method: 'POST',
      times: 1,
      rewrite: { extras: true, remove: ['redemption.rewardName'], set: { 'redemption.status': 'issued-later' } },
    });
    configureFor(api, customer);
    const element = await fixture<HTMLElement>(html`<reward-catalog></reward-catalog>`);
    const redeemed = new Promise<{ rewardName: string; code: string }>((resolve) =>
      on('reward-redeemed', (detail: { redemption: { rewardName: string; code: string } }) =>
        resolve(detail.redemption),
      ),
    );
    await redeemFirst(element, reward.id);
    await dialogShows(element, 'Here’s your reward');
    const code = dialog(element).querySelector<HTMLInputElement>('[part="code"]')!.value;
    expect(code).to.match(/\S/);
    expect(dialogText(element)).to.contain(reward.name);
    const redemption = await redeemed;
    expect(redemption.rewardName, 'filled from the reward being redeemed').to.equal(reward.name);
    expect(redemption.code).to.equal(code);
  });

  it('recovers the code from GET /v1/redemptions when the reply has none, and never offers Try again', async () => {
    const [reward] = (await rewardsOf(api)).filter((each) => each.available && !each.variable);
    // Every replay of the key gets the same broken reply: Try again could never help.
    await api.fault({
      path: '/v1/redemptions',
      method: 'POST',
      times: 5,
      rewrite: { remove: ['redemption.code', 'points'] },
    });
    configureFor(api, customer);
    const element = await fixture<HTMLElement>(html`<reward-catalog></reward-catalog>`);
    await redeemFirst(element, reward.id);
    await dialogShows(element, 'Here’s your reward');
    const shown = dialog(element).querySelector<HTMLInputElement>('[part="code"]')!.value;
    const list = (await (
      await fetch(`${api.apiBase}/v1/redemptions`, { headers: { Authorization: `Bearer ${customer.token}` } })
    ).json()) as { redemptions: { code: string }[] };
    expect(list.redemptions.map(({ code }) => code)).to.deep.equal([shown]);
    expect(dialogButtons(element)).not.to.include('Try again');
    // The balance the reply left out comes from /v1/me.
    expect(
      await getSdk()
        .resource('me')
        .refresh()
        .then(() => getSdk().resource('me').snapshot.data?.points.balance),
    ).to.equal(5000 - reward.cost);
    expect(await api.requests({ path: '/v1/redemptions', method: 'POST' })).to.have.length(1);
  });

  it('says the code will show in My rewards when neither the reply nor the list has it, and stops there', async () => {
    const [reward] = (await rewardsOf(api)).filter((each) => each.available && !each.variable);
    await api.fault({ path: '/v1/redemptions', method: 'POST', times: 5, body: 'done!' });
    await api.fault({ path: '/v1/redemptions', method: 'GET', times: 1, body: { redemptions: 'later' } });
    configureFor(api, customer);
    const element = await fixture<HTMLElement>(html`<reward-catalog></reward-catalog>`);
    const errors: string[] = [];
    element.addEventListener('loyalty-error', (event) => errors.push(event.detail.error.code));
    await redeemFirst(element, reward.id);
    await dialogShows(element, 'It will show up in My rewards');
    expect(dialogButtons(element)).to.deep.equal(['Close']);
    expect(errors).to.include('code-missing');
    // Nothing left to finish: the next page load does not offer to redeem it again.
    expect(await (await import('../../src/core/redeem/intents.js')).redeemIntents(getSdk()).pending()).to.deep.equal(
      [],
    );
  });

  it('delivers feedback whose reply has extra fields and a category it does not know', async () => {
    await api.fault({
      path: '/v1/feedback',
      method: 'POST',
      times: 1,
      rewrite: { extras: true, set: { category: 'enthusiast' } },
    });
    configureFor(api, customer);
    const delivered = new Promise<DeliveredDetail>((resolve) => on('nps-delivered', resolve));
    const id = crypto.randomUUID();
    await outboxFor(getSdk()).add({ id, survey: 'nps', score: 9, answeredAt: new Date().toISOString() });
    expect(await delivered).to.deep.equal({ id, category: 'promoter' });
  });
});

describe('Relative URLs in API responses', () => {
  afterEach(() => resetSdk());

  /** The first reward's card, its image URL rewritten to `imageUrl`. */
  async function cardWithImage(api: TestApi, imageUrl: string): Promise<HTMLElement> {
    const [first] = await rewardsOf(api);
    await api.fault({
      path: '/v1/rewards',
      method: 'GET',
      times: 5,
      rewrite: { set: { 'rewards.0.imageUrl': imageUrl } },
    });
    const catalog = await fixture<HTMLElement>(html`<reward-catalog></reward-catalog>`);
    await waitUntil(() => card(catalog, first.id), 'the rewards never showed');
    return card(catalog, first.id)!;
  }

  it('are relative to the API, not the storefront: images and links come from the API’s origin', async () => {
    const origin = await executeServerCommand<string, undefined>('api-second-origin');
    const api = new TestApi(origin);
    const customer = await api.customer({ balance: 5000 });
    await api.fault({ path: '/v1/referral', method: 'GET', times: 5, rewrite: { set: { url: '../r/ABC' } } });
    configureFor(api, customer);
    const share = await fixture<HTMLElement>(html`<referral-share></referral-share>`);
    const image = (await cardWithImage(api, 'img/a.svg')).querySelector('img')!;
    expect(image.getAttribute('src')).to.equal(`${api.apiBase}/v1/img/a.svg`);
    // The browser asked the API's origin for it (the reference API has no such image: a 404 it logged).
    await waitUntil(
      async () => (await api.requests({ path: '/v1/img/a.svg' })).length > 0,
      'the image was never requested from the API',
    );
    const fields = () => [...share.shadowRoot!.querySelectorAll('input')].map((input) => input.value);
    await waitUntil(() => fields().includes(`${api.apiBase}/r/ABC`), `the referral link: ${fields().join(', ')}`);
  });

  it('still pass through safeUrl: a javascript: URL never renders', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 5000 });
    configureFor(api, customer);
    const reward = await cardWithImage(api, 'javascript:window.__pwned=1');
    expect(reward.querySelector('img')!.hasAttribute('src')).to.equal(false);
  });
});
