// <reward-catalog>: redeeming. The keyboard flow, the events and the veto, and the safety
// promises (one redemption per confirmed intent, through double clicks, timeouts, reloads and
// refusals), checked against what the reference server stored.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStore, keys } from 'idb-keyval';
import '../../src/components/loyalty-balance/define.js';
import '../../src/components/reward-catalog/define.js';
import type { RewardRedeemedEvent, RewardRedeemRequestEvent } from '../../src/components/reward-catalog/events.js';
import type { RewardCatalog } from '../../src/components/reward-catalog/reward-catalog.js';
import type { LoyaltyErrorEvent } from '../../src/components/shared/loyalty-error-event.js';
import { getSdk, identify, on, type Redemption, type Reward } from '../../src/core/index.js';
import { redeemIntents } from '../../src/core/redeem/intents.js';
import { redeemJournal } from '../../src/core/redeem/journal.js';
import { TestApi } from '../helpers/api.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';
import { text } from '../helpers/shadow.js';

type Customer = { customerId: string; token: string };

const card = (element: HTMLElement, id: string) =>
  element.shadowRoot!.querySelector<HTMLElement>(`[part="reward"][data-id="${id}"]`);
const redeemButton = (element: HTMLElement, id: string) =>
  card(element, id)!.querySelector<HTMLButtonElement>('[part="redeem-button"]')!;
const dialog = (element: HTMLElement) => element.shadowRoot!.querySelector('dialog')!;
const dialogText = (element: HTMLElement) => dialog(element).textContent.replace(/\s+/g, ' ').trim();
const dialogButton = (element: HTMLElement, name: string) =>
  [...dialog(element).querySelectorAll('button')].find((button) => button.textContent.trim() === name)!;
const focused = (element: HTMLElement) => element.shadowRoot!.activeElement;
/** Waits for focus to land (a dialog's close event comes a task after close()); never compares nodes in chai, whose diff of a DOM node can hang the page. */
const focusLands = (element: HTMLElement, target: Element | null | undefined, where: string) =>
  waitUntil(
    () => target && focused(element) === target,
    `focus never reached ${where}: ${focused(element)?.outerHTML}`,
  );
const dialogShows = (element: HTMLElement, words: string) =>
  waitUntil(() => dialogText(element).includes(words), `the dialog never said "${words}": ${dialogText(element)}`, {
    timeout: 5000,
  });

async function catalog(): Promise<RewardCatalog> {
  const element = await fixture<RewardCatalog>(html`<reward-catalog></reward-catalog>`);
  await waitUntil(() => card(element, 'r_5_off'), 'the rewards never showed');
  return element;
}

/** Opens the confirmation for a reward and presses its Redeem, as a mouse user would. */
async function redeem(element: RewardCatalog, id: string): Promise<void> {
  redeemButton(element, id).click();
  await waitUntil(() => dialog(element).open, 'the dialog never opened');
  dialogButton(element, 'Redeem').click();
}

/**
 * Redeems `r_trees` for `customer` while the API outlasts the client's single attempt, then closes
 * the dialog: the catalog offers to finish the redemption.
 */
async function leaveUnfinished(api: TestApi, customer: Customer): Promise<RewardCatalog> {
  configureFor(api, customer, { network: { timeoutMs: 200, retries: 0, retryDelayMs: 10 } });
  await api.fault({ path: '/v1/redemptions', method: 'POST', times: 1, delayMs: 600 });
  const element = await catalog();
  await redeem(element, 'r_trees');
  await dialogShows(element, 'Try again');
  dialogButton(element, 'Close').click();
  await waitUntil(() => text(element).includes('didn’t finish'), 'the unfinished redemption is offered');
  return element;
}

/** What the server stored, read with the customer's own token. */
async function server(api: TestApi, customer: Customer): Promise<{ balance: number; redemptions: Redemption[] }> {
  const headers = { Authorization: `Bearer ${customer.token}` };
  const [me, list] = await Promise.all([
    api.me(customer.token),
    fetch(`${api.apiBase}/v1/redemptions`, { headers }).then((r) => r.json() as Promise<{ redemptions: Redemption[] }>),
  ]);
  return { balance: me.points.balance, redemptions: list.redemptions };
}

/** Redeems behind the catalog's back (another device), so what it shows is out of date. */
async function redeemElsewhere(api: TestApi, customer: Customer, rewardId: string): Promise<void> {
  const response = await fetch(`${api.apiBase}/v1/redemptions`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${customer.token}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: JSON.stringify({ rewardId }),
  });
  expect(response.status).to.equal(201);
}

const intentStore = createStore('loyalty-widgets-intents', 'kv');
const storedIntents = async (api: TestApi, customer: Customer) =>
  (await keys<string>(intentStore))
    .map(String)
    .filter((key) => key.startsWith(`${api.apiBase}|${customer.customerId}|`));
const posts = (api: TestApi) => api.requests({ path: '/v1/redemptions', method: 'POST' });

afterEach(() => resetSdk());

describe('<reward-catalog> redeeming', () => {
  it('runs the whole flow by keyboard: confirm, code, copy, Escape and focus back', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 1000 });
    configureFor(api, customer, { locale: 'en-US' });
    const element = await catalog();
    redeemButton(element, 'r_5_off').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(element).open, 'Enter opens the confirmation');
    expect(dialogText(element)).to.contain('Redeem $5 off your next order for 500 points?');
    expect(dialogText(element)).to.contain('Your balance after: 500 points');
    // Focus moves into the dialog, on the safe choice: spending points takes a deliberate step.
    expect(focused(element)?.textContent?.trim()).to.equal('Cancel');

    // Escape closes without spending, and focus returns to the card's button.
    await sendKeys({ press: 'Escape' });
    await focusLands(element, redeemButton(element, 'r_5_off'), 'the Redeem button');
    expect(dialog(element).open).to.equal(false);
    expect(await posts(api)).to.have.length(0);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(element).open);
    await sendKeys({ press: 'Tab' });
    expect(focused(element)?.textContent?.trim()).to.equal('Redeem');
    await sendKeys({ press: 'Enter' });
    await dialogShows(element, 'Here’s your reward');
    const code = dialog(element).querySelector<HTMLInputElement>('[part="code"]')!;
    const { redemptions, balance } = await server(api, customer);
    expect(redemptions).to.have.length(1);
    expect(balance).to.equal(500);
    expect(code.value).to.equal(redemptions[0].code);
    // The code takes focus, selected, so the shopper can copy it at once.
    await focusLands(element, code, 'the code');
    expect([code.selectionStart, code.selectionEnd]).to.deep.equal([0, code.value.length]);
    expect(dialogText(element)).to.contain('Use by').and.contain('Enter the code at checkout.');
    await sendKeys({ press: 'Tab' });
    expect(focused(element)?.getAttribute('part')).to.equal('copy-button');

    await sendKeys({ press: 'Escape' });
    // Its button is still there (500 points left buys it again).
    await focusLands(element, redeemButton(element, 'r_5_off'), 'the Redeem button');
    expect(dialog(element).open).to.equal(false);
    expect(await storedIntents(api, customer), 'no intent left once settled').to.deep.equal([]);
  });

  it('shows the code even when Escape, pressed again and again while redeeming, closed the dialog', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 1000 });
    configureFor(api, customer, { locale: 'en-US' });
    await api.fault({ path: '/v1/redemptions', method: 'POST', times: 1, delayMs: 3000 });
    const element = await catalog();
    await redeem(element, 'r_5_off');
    await dialogShows(element, 'Redeeming');
    // The first Escape is refused while the call runs; Chromium and Firefox let a second one close
    // the dialog (a close watcher gives way without user activation in between), WebKit keeps
    // refusing and the dialog stays open.
    for (let press = 0; press < 3 && dialog(element).open; press++) await sendKeys({ press: 'Escape' });
    if (!dialog(element).open) {
      // Another Redeem meanwhile brings back the redemption under way, not a new one.
      redeemButton(element, 'r_trees').click();
      await waitUntil(() => dialog(element).open, 'the running redemption comes back');
    }
    expect(dialogText(element)).to.contain('Redeeming');
    await dialogShows(element, 'Here’s your reward');
    expect(dialog(element).open, 'the dialog is open again with the code').to.equal(true);
    const { redemptions } = await server(api, customer);
    expect(redemptions).to.have.length(1);
    const code = dialog(element).querySelector<HTMLInputElement>('[part="code"]')!;
    expect(code.value).to.equal(redemptions[0].code);
    await focusLands(element, code, 'the code');
  });

  it('returns focus to the card when its button is disabled after the redemption', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 600 }), { locale: 'en-US' });
    const element = await catalog();
    await redeem(element, 'r_5_off');
    await dialogShows(element, 'Here’s your reward');
    await waitUntil(() => redeemButton(element, 'r_5_off').disabled, 'now short of points');
    dialogButton(element, 'Close').click();
    await focusLands(element, card(element, 'r_5_off')!.querySelector('h3'), 'the card’s heading');
  });

  it('fires reward-redeem-request (cancelable) before the call and reward-redeemed after it', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 1000 });
    configureFor(api, customer);
    const element = await catalog();
    const requests: { reward: Reward; points?: number }[] = [];
    document.addEventListener('reward-redeem-request', (event) => requests.push(event.detail), { once: true });
    const heard: unknown[] = [];
    const off = on('reward-redeemed', (detail) => heard.push(detail));
    const redeemed: Promise<RewardRedeemedEvent> = oneEvent(document, 'reward-redeemed');
    await redeem(element, 'r_free_shipping');
    const event = await redeemed;
    off();
    expect(requests).to.have.length(1);
    expect(requests[0].reward.id).to.equal('r_free_shipping');
    expect(requests[0]).not.to.have.property('points');
    expect(event.detail.reward.id).to.equal('r_free_shipping');
    expect(event.detail.redemption.code).to.match(/^ACME-/);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(heard).to.deep.equal([event.detail]);
    await dialogShows(element, 'Here’s your reward');
    const code = dialog(element).querySelector<HTMLInputElement>('[part="code"]')!.value;
    expect(code).to.equal(event.detail.redemption.code);
  });

  it('lets the host veto: nothing is sent and nothing is stored', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 1000 });
    configureFor(api, customer);
    const element = await catalog();
    const veto = (event: Event) => event.preventDefault();
    element.addEventListener('reward-redeem-request', veto);
    await redeem(element, 'r_5_off');
    await waitUntil(() => !dialog(element).open, 'the dialog closes on a veto');
    element.removeEventListener('reward-redeem-request', veto);
    expect(await posts(api)).to.have.length(0);
    expect(await storedIntents(api, customer)).to.deep.equal([]);
    expect((await server(api, customer)).balance).to.equal(1000);
  });

  it('redeems a variable reward for the points chosen', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 2000 });
    configureFor(api, customer, { locale: 'en-US' });
    const element = await catalog();
    const field = card(element, 'r_pay_with_points')!.querySelector<HTMLInputElement>('input[type="number"]')!;
    field.value = '1500';
    field.dispatchEvent(new Event('change'));
    await element.updateComplete;
    const request: Promise<RewardRedeemRequestEvent> = oneEvent(element, 'reward-redeem-request');
    redeemButton(element, 'r_pay_with_points').click();
    await dialogShows(element, 'Redeem Pay with points for 1,500 points?');
    expect(dialogText(element)).to.contain('1,500 points = $15.00 off');
    dialogButton(element, 'Redeem').click();
    expect((await request).detail.points).to.equal(1500);
    await dialogShows(element, 'Here’s your reward');
    const { redemptions, balance } = await server(api, customer);
    expect(redemptions.map((r) => r.pointsSpent)).to.deep.equal([1500]);
    expect(balance).to.equal(500);
  });

  it('spends once however often Redeem is clicked or tapped', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 3000 });
    await api.fault({ method: 'POST', path: '/v1/redemptions', times: 1, delayMs: 300 });
    configureFor(api, customer);
    const element = await catalog();
    redeemButton(element, 'r_5_off').click();
    redeemButton(element, 'r_5_off').click();
    await waitUntil(() => dialog(element).open);
    const confirm = dialogButton(element, 'Redeem');
    confirm.click();
    confirm.click();
    confirm.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    confirm.click();
    await element.updateComplete;
    dialogButton(element, 'Redeeming…').click();
    // The headless store holds the same line: another intent while one runs is refused, never
    // answered with the first one's code.
    const intents = redeemIntents(getSdk());
    const second = intents.redeem(intents.intent('r_free_shipping')).then(
      () => 'redeemed',
      (error: Error) => error.message,
    );
    await dialogShows(element, 'Here’s your reward');
    expect(await second).to.match(/Another redemption is still running/);
    expect(await posts(api)).to.have.length(1);
    const { redemptions, balance } = await server(api, customer);
    expect(redemptions).to.have.length(1);
    expect(balance).to.equal(2500);
  });

  it('retries a timed-out call with the same key: one redemption, the balance lowered once', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 1000 });
    configureFor(api, customer, { network: { timeoutMs: 300, retries: 2, retryDelayMs: 10 } });
    await api.fault({ path: '/v1/redemptions', method: 'POST', times: 1, delayMs: 1000 });
    const element = await catalog();
    await redeem(element, 'r_5_off');
    await dialogShows(element, 'Here’s your reward');
    // Let the first, slow attempt finish on the server too.
    await waitUntil(async () => (await posts(api)).length >= 2, 'both attempts reach the log', { timeout: 3000 });
    const attempts = await posts(api);
    expect(attempts.length, 'the timed-out attempt was retried').to.be.at.least(2);
    expect(new Set(attempts.map((r) => r.idempotencyKey)).size, 'one key for every attempt').to.equal(1);
    const { redemptions, balance } = await server(api, customer);
    expect(redemptions).to.have.length(1);
    expect(balance).to.equal(500);
    expect(dialog(element).querySelector<HTMLInputElement>('[part="code"]')!.value).to.equal(redemptions[0].code);
  });

  it('keeps the intent through a reload and offers to finish it with the same key', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 1000 });
    const network = { network: { timeoutMs: 300, retries: 2, retryDelayMs: 10 } };
    configureFor(api, customer, network);
    // Every attempt outlasts its timeout; the server still does the work.
    await api.fault({ path: '/v1/redemptions', method: 'POST', times: 3, delayMs: 800 });
    const first = await catalog();
    await redeem(first, 'r_5_off');
    await dialogShows(first, 'We couldn’t confirm your redemption');
    expect(Boolean(dialogButton(first, 'Try again'))).to.equal(true);
    expect(await storedIntents(api, customer)).to.have.length(1);
    dialogButton(first, 'Close').click();
    await waitUntil(() => text(first).includes('Your redemption of $5 off your next order didn’t finish'));
    first.remove();
    await waitUntil(async () => (await posts(api)).length === 3, 'all three attempts logged', { timeout: 3000 });

    configureFor(api, customer, network); // the reload
    const element = await catalog();
    await waitUntil(() => text(element).includes('didn’t finish'), 'the unfinished redemption is offered');
    expect(await posts(api), 'nothing resumes on its own').to.have.length(3);
    const redeemed: Promise<RewardRedeemedEvent> = oneEvent(element, 'reward-redeemed');
    [...element.shadowRoot!.querySelectorAll('button')]
      .find((b) => b.textContent.includes('Finish redeeming'))!
      .click();
    await dialogShows(element, 'Here’s your reward');
    expect((await redeemed).detail.reward.id).to.equal('r_5_off');
    const attempts = await posts(api);
    expect(new Set(attempts.map((r) => r.idempotencyKey)).size).to.equal(1);
    const { redemptions, balance } = await server(api, customer);
    expect(redemptions).to.have.length(1);
    expect(balance).to.equal(500);
    expect(await storedIntents(api, customer)).to.deep.equal([]);
    expect(text(element)).not.to.contain('didn’t finish');
  });

  it('does not offer to finish a redemption another tab is still waiting for', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 1000 });
    await api.fault({ path: '/v1/redemptions', method: 'POST', times: 1, delayMs: 4000 });
    // The other tab: its own SDK instance, on the same storage, with the call under way.
    const otherTab = configureFor(api, customer, { network: { timeoutMs: 8000, retries: 0 } });
    const intents = redeemIntents(otherTab);
    const elsewhere = intents.redeem(intents.intent('r_5_off'));
    await waitUntil(async () => (await storedIntents(api, customer)).length === 1, 'the intent is stored first');

    configureFor(api, customer); // this tab
    const element = await catalog();
    expect(await redeemIntents(getSdk()).pending(), 'running elsewhere, not unsettled').to.deep.equal([]);
    // Still running there: stored, and its lock held.
    expect(await storedIntents(api, customer)).to.have.length(1);
    const { held = [] } = await navigator.locks.query();
    expect(held.some((lock) => lock.name?.startsWith('loyalty-widgets-redeem '))).to.equal(true);
    await element.updateComplete;
    expect(text(element)).not.to.contain('didn’t finish');
    expect(getSdk(), 'two SDK instances, as in two tabs').not.to.equal(otherTab);

    // Once that tab's call settled, nothing is left to finish anywhere.
    await elsewhere;
    expect(await storedIntents(api, customer)).to.deep.equal([]);
    expect((await server(api, customer)).redemptions).to.have.length(1);
  });

  it('forgets an unfinished redemption the shopper dismisses', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 1000 });
    const element = await leaveUnfinished(api, customer);
    [...element.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Dismiss')!.click();
    await waitUntil(() => !text(element).includes('didn’t finish'));
    expect(await storedIntents(api, customer)).to.deep.equal([]);
  });

  it('offers an unfinished redemption only to the shopper who started it', async () => {
    const api = new TestApi();
    const ada = await api.customer({ balance: 1000 });
    const bo = await api.customer({ balance: 1000 });
    const element = await leaveUnfinished(api, ada);

    // Ada's journal is read again and the read is held until Bo is signed in and shown.
    const intents = redeemJournal(getSdk());
    const read = intents.pending.bind(intents);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let heldForAda = false;
    intents.pending = async () => {
      const forAda = getSdk().customerId === ada.customerId;
      const found = await read();
      if (forAda) {
        heldForAda = true;
        await held;
      }
      return found;
    };
    element.remove();
    document.body.append(element);
    await identify(bo.customerId, { token: bo.token });
    await waitUntil(
      () => card(element, 'r_trees') && getSdk().resource('me').snapshot.data?.customer.id === bo.customerId,
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // Bo's own journal read ends first
    expect(heldForAda, 'a read for Ada was held').to.equal(true);
    release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(text(element)).not.to.contain('didn’t finish');
  });

  it('explains insufficient-points and shows the balance the server has', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 600 });
    configureFor(api, customer, { locale: 'en-US' });
    const element = await catalog();
    await redeemElsewhere(api, customer, 'r_trees'); // 600 → 350, unknown to the page
    const failed: Promise<LoyaltyErrorEvent> = oneEvent(element, 'loyalty-error');
    await redeem(element, 'r_5_off');
    await dialogShows(element, 'You don’t have enough points for this reward any more.');
    expect((await failed).detail.error.problem?.code).to.equal('insufficient-points');
    expect(Boolean(dialogButton(element, 'Try again')), 'a refusal is final').to.equal(false);
    expect(await storedIntents(api, customer)).to.deep.equal([]);
    dialogButton(element, 'Close').click();
    await waitUntil(() => card(element, 'r_5_off')!.textContent.includes('You need 150 more points'));
    expect(getSdk().resource('me').snapshot.data!.points.balance).to.equal(350);
  });

  it('explains reward-unavailable and shows the reward as it now is', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 2000 });
    configureFor(api, customer);
    const element = await catalog();
    await redeemElsewhere(api, customer, 'r_candle'); // one per member
    await redeem(element, 'r_candle');
    await dialogShows(element, 'This reward isn’t available any more.');
    dialogButton(element, 'Close').click();
    await waitUntil(() => card(element, 'r_candle')!.textContent.includes('You’ve already redeemed this'));
    expect(redeemButton(element, 'r_candle').disabled).to.equal(true);
    expect((await server(api, customer)).balance).to.equal(1600);
  });

  it('explains tier-locked when the page thought the reward was open', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 2200, lifetime: 2200 }); // Silver
    const response = await fetch(`${api.apiBase}/v1/rewards`, {
      headers: { Authorization: `Bearer ${customer.token}` },
    });
    const { rewards } = (await response.json()) as { rewards: Reward[] };
    const open = rewards.map((reward) =>
      reward.id === 'r_preview' ? { ...reward, available: true, reason: undefined } : reward,
    );
    await api.fault({ method: 'GET', path: '/v1/rewards', times: 1, body: { rewards: open } });
    configureFor(api, customer);
    const element = await catalog();
    await redeem(element, 'r_preview');
    await dialogShows(element, 'This reward needs a higher tier.');
    dialogButton(element, 'Close').click();
    await waitUntil(() => card(element, 'r_preview')!.textContent.includes('Unlocks at Gold'));
    expect((await server(api, customer)).balance).to.equal(2200);
  });

  it('says so when offline, keeps the intent, and Try again finishes with the same key', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 1000 });
    configureFor(api, customer);
    const element = await catalog();
    const online = window.fetch;
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    try {
      await redeem(element, 'r_5_off');
      await dialogShows(element, 'You seem to be offline.');
    } finally {
      window.fetch = online;
    }
    expect(await storedIntents(api, customer)).to.have.length(1);
    expect(getSdk().resource('me').snapshot.data!.points.balance, 'nothing shown as spent').to.equal(1000);
    dialogButton(element, 'Try again').click();
    await dialogShows(element, 'Here’s your reward');
    expect(await posts(api)).to.have.length(1);
    expect((await server(api, customer)).balance).to.equal(500);
    expect(await storedIntents(api, customer)).to.deep.equal([]);
  });

  it('updates the balance everywhere on the page from the response', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 1000 });
    configureFor(api, customer, { locale: 'en-US' });
    const page = await fixture<HTMLElement>(
      html`<div><loyalty-balance compact></loyalty-balance><reward-catalog></reward-catalog></div>`,
    );
    const balance = page.querySelector('loyalty-balance')!;
    const element = page.querySelector('reward-catalog')!;
    await waitUntil(() => card(element, 'r_5_off') && text(balance).includes('1,000 points'));
    await redeem(element, 'r_10_percent');
    await waitUntil(() => text(balance).includes('200 points'), 'the header balance drops');
    expect(card(element, 'r_5_off')!.textContent).to.contain('You need 300 more points');
    expect((await api.requests({ path: '/v1/me' })).length, 'from the response, not a refetch').to.equal(1);
    // The new code is in "My rewards" too.
    await waitUntil(() =>
      element.shadowRoot!.querySelector('[part="my-rewards"] summary')!.textContent.includes('(1)'),
    );
  });
});
