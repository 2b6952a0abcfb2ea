// <reward-catalog>: the redemption dialog loads on the first Redeem, and a failed load (offline,
// a CDN error) says so with Retry, fires `loyalty-error` and keeps the shopper's request: Retry
// opens it and the reward is redeemed once. One file of its own: a module, once loaded, stays
// loaded for the page.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/reward-catalog/define.js';
import type { RewardCatalog } from '../../src/components/reward-catalog/reward-catalog.js';
import type { LoyaltyErrorEvent } from '../../src/components/shared/loyalty-error-event.js';
import { TestApi } from '../helpers/api.js';
import { failModule, requested } from '../helpers/lazy.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';
import { text } from '../helpers/shadow.js';

const dialogModule = '/src/components/reward-catalog/redeem-dialog.ts';
const card = (element: HTMLElement, id: string) =>
  element.shadowRoot!.querySelector<HTMLElement>(`[part="reward"][data-id="${id}"]`);
const dialog = (element: HTMLElement) => element.shadowRoot!.querySelector('dialog')!;
const button = (root: ParentNode, name: string) =>
  [...root.querySelectorAll('button')].find((item) => item.textContent.trim() === name);

afterEach(() => resetSdk());

describe('<reward-catalog> lazy redemption dialog', () => {
  it('loads the dialog on the first Redeem; a failed load shows Retry, and Retry redeems once', async function () {
    // A failed load, the dev server's first compile of the module on Retry, then axe: more than
    // the default 10 s when six engineers' browsers share two cores.
    this.timeout(20_000);
    const api = new TestApi();
    const customer = await api.customer({ balance: 1000 });
    configureFor(api, customer, { locale: 'en-US' });
    const element = await fixture<RewardCatalog>(html`<reward-catalog></reward-catalog>`);
    await waitUntil(() => card(element, 'r_5_off'), 'the rewards never showed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requested('redeem-dialog'), 'the dialog before any Redeem').to.equal(false);

    await failModule(dialogModule);
    const failed: Promise<LoyaltyErrorEvent> = oneEvent(element, 'loyalty-error');
    card(element, 'r_5_off')!.querySelector<HTMLButtonElement>('[part="redeem-button"]')!.click();
    expect((await failed).detail.error.code).to.equal('network');
    await waitUntil(() => element.shadowRoot!.querySelector('[role="alert"]'), 'no error shown');
    expect(text(element)).to.contain('We couldn’t load this right now.');
    expect(dialog(element).open, 'no dialog without its code').to.equal(false);
    expect(card(element, 'r_5_off'), 'the catalog stays usable').to.exist;
    await expect(element).to.be.accessible();

    // Retry loads it and opens the confirmation the shopper asked for.
    button(element.shadowRoot!.querySelector('[role="alert"]')!, 'Try again')!.click();
    // The dev server compiles the module on this first request: allowed more than the default second.
    await waitUntil(() => dialog(element).open, 'Retry never opened the dialog', { timeout: 5000 });
    expect(element.shadowRoot!.querySelector('[role="alert"]'), 'the error is gone').to.equal(null);
    button(dialog(element), 'Redeem')!.click();
    await waitUntil(() => dialog(element).textContent.includes('Here’s your reward'), 'no code shown', {
      timeout: 5000,
    });
    const me = await api.me(customer.token);
    expect(me.points.balance, 'spent once').to.equal(500);
  });
});
