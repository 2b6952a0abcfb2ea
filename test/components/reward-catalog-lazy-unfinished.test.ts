// <reward-catalog>: an unfinished redemption found while the redemption dialog cannot be loaded
// keeps its intent (the journal) and is finished after Retry with the same key: the points are
// spent once. A file of its own: a module, once loaded, stays loaded for the page.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/reward-catalog/define.js';
import type { RewardCatalog } from '../../src/components/reward-catalog/reward-catalog.js';
import type { LoyaltyErrorEvent } from '../../src/components/shared/loyalty-error-event.js';
import { getSdk } from '../../src/core/index.js';
import { redeemJournal } from '../../src/core/redeem/journal.js';
import { TestApi } from '../helpers/api.js';
import { failModule } from '../helpers/lazy.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';
import { text } from '../helpers/shadow.js';

const alertIn = (element: HTMLElement) => element.shadowRoot!.querySelector('[role="alert"]');
const button = (root: ParentNode, name: string) =>
  [...root.querySelectorAll('button')].find((item) => item.textContent.trim() === name);

afterEach(() => resetSdk());

describe('<reward-catalog> lazy dialog and an unfinished redemption', () => {
  it('keeps the intent through a failed load and finishes it after Retry, spending once', async function () {
    // A failed load, the dev server's first compile of the module on Retry, then axe: more than
    // the default 10 s when six engineers' browsers share two cores.
    this.timeout(20_000);
    const api = new TestApi();
    const customer = await api.customer({ balance: 1000 });
    configureFor(api, customer, { locale: 'en-US' });
    // A redemption whose answer never reached the page (a reload mid-call): the server spent the
    // points under this key, and the journal still holds the intent.
    const intent = { key: crypto.randomUUID(), rewardId: 'r_5_off', createdAt: Date.now() };
    const journal = redeemJournal(getSdk());
    await journal.store.set(journal.id(intent)!, intent);
    const first = await fetch(`${api.apiBase}/v1/redemptions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${customer.token}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': intent.key,
      },
      body: JSON.stringify({ rewardId: 'r_5_off' }),
    });
    const { redemption } = (await first.json()) as { redemption: { code: string } };

    await failModule('/src/components/reward-catalog/redeem-dialog.ts');
    // Listened to from the start: the load may fail before the catalog's first render settles.
    const failing: Promise<LoyaltyErrorEvent> = oneEvent(document, 'loyalty-error');
    const element = await fixture<RewardCatalog>(html`<reward-catalog></reward-catalog>`);
    const failed = await failing;
    expect(failed.detail.error.code).to.equal('network');
    await waitUntil(() => alertIn(element) && text(element).includes('didn’t finish'), 'error and offer not shown');
    expect(text(element)).to.contain('We couldn’t load this right now.');
    await expect(element).to.be.accessible();
    expect(
      (await journal.pending()).map(({ key }) => key),
      'the intent is kept',
    ).to.deep.equal([intent.key]);

    button(alertIn(element)!, 'Try again')!.click();
    // The dev server compiles the module on this first request: allowed more than the default second.
    await waitUntil(() => !alertIn(element), 'Retry never loaded the dialog', { timeout: 5000 });
    button(element.shadowRoot!, 'Finish redeeming')!.click();
    const dialog = element.shadowRoot!.querySelector('dialog')!;
    await waitUntil(() => dialog.textContent.includes('Here’s your reward'), 'never finished', { timeout: 5000 });
    expect(dialog.querySelector<HTMLInputElement>('[part="code"]')!.value, 'the code issued the first time').to.equal(
      redemption.code,
    );
    expect((await api.me(customer.token)).points.balance, 'spent once').to.equal(500);
    expect(await journal.pending(), 'settled').to.deep.equal([]);
  });
});
