// The demo's rewards page, loaded as a shopper would (in a frame, signed in as the demo's Ada
// against the reference API at /api): a redemption lowers the balance in the header.
import { expect, waitUntil } from '@open-wc/testing';
import { openDemoPage, points, text } from '../helpers/demo-page.js';

describe('demo: rewards page', () => {
  it('lowers the header balance after a redemption and applies the code to the cart', async () => {
    const { page, close } = await openDemoPage('rewards.html', 'reward-catalog');
    try {
      const header = page.querySelector('.site-header loyalty-balance')!;
      const catalog = page.querySelector('reward-catalog')!;
      const card = () => catalog.shadowRoot!.querySelector('[data-id="r_trees"]');
      await waitUntil(() => card() && points(text(header.shadowRoot)) > 0, 'rewards and balance show', {
        timeout: 10_000,
      });
      const before = points(text(header.shadowRoot));
      expect(before).to.be.at.least(250);

      card()!.querySelector<HTMLButtonElement>('[part="redeem-button"]')!.click();
      const dialog = catalog.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => dialog.open, 'the confirmation opens');
      [...dialog.querySelectorAll('button')].find((button) => text(button) === 'Redeem')!.click();
      await waitUntil(() => points(text(header.shadowRoot)) === before - 250, 'the header balance drops by 250', {
        timeout: 5000,
      });
      // The balance comes with the response; the code shows in the dialog a moment later.
      await waitUntil(() => dialog.querySelector('[part="code"]'), 'the code shows');
      const code = dialog.querySelector<HTMLInputElement>('[part="code"]')!.value;
      expect(text(page.getElementById('cart-code'))).to.equal(`${code} (Plant 5 trees)`);
    } finally {
      close();
    }
  });
});
