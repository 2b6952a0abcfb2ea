// The demo storefront on a 320 px phone: every page fits the width (no sideways scrolling), in
// every engine (Firefox once showed a horizontal scrollbar: the header's links did not wrap).
import { expect, waitUntil } from '@open-wc/testing';
import { openDemoPage, points, text } from '../helpers/demo-page.js';

const pages = ['index.html', 'rewards.html', 'account.html', 'checkout.html'];

describe('demo on a 320 px phone', () => {
  for (const file of pages)
    it(`${file} needs no sideways scrolling`, async () => {
      const { page, close } = await openDemoPage(file, 'loyalty-launcher', { width: 320, height: 640 });
      try {
        const root = page.documentElement;
        // Laid out with its data: the header balance shows a number.
        const balance = () => page.querySelector('.site-header loyalty-balance')?.shadowRoot;
        await waitUntil(() => points(text(balance())) > 0, `${file} renders`, { timeout: 10_000 });
        await new Promise(requestAnimationFrame);
        expect(root.scrollWidth, `${file} is wider than the phone`).to.be.at.most(root.clientWidth);
      } finally {
        close();
      }
    });
});
