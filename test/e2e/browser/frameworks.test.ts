// The React 19 and Vue example pages, built against the package as an app would build them
// (`npm run test:examples`, run by `npm run test:e2e` first), in every engine the browser suite
// runs: the elements get their properties and each framework's event binding
// (`onreward-redeemed` in React, `onRewardRedeemed` in Vue) hears a real redemption from the
// reference API (the shared one at /api, the demo's shopper Ada).
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

let frame: HTMLIFrameElement | undefined;
afterEach(() => frame?.remove());

/**
 * Opens the built example page with the shop pages' error watcher loaded first (served beside
 * it, so its relative asset URLs still resolve), in a frame of its own.
 */
async function openExample(framework: string) {
  const built = await (await fetch(`/demo/dist/frameworks/${framework}.html`)).text();
  const path = `/demo/dist/frameworks/${framework}.watched-${crypto.randomUUID().slice(0, 8)}.html`;
  const html = built.replace('<head>', '<head><script src="/test/fixtures/shop-watch.js"></script>');
  await executeServerCommand('shop-page', { path, html });
  frame = document.createElement('iframe');
  frame.title = framework;
  frame.src = path;
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & { seen: { errors: string[] } };
  return { win, doc: frame.contentDocument! };
}

describe('framework examples', function () {
  this.timeout(30_000);

  for (const framework of ['react', 'vue']) {
    it(`${framework}: properties reach the elements and the redeemed code reaches the app`, async () => {
      const { win, doc } = await openExample(framework);
      const catalog = () => doc.querySelector('reward-catalog')?.shadowRoot;
      const redeem = () => catalog()?.querySelector<HTMLButtonElement>('[part="redeem-button"]:not([disabled])');
      await waitUntil(redeem, 'no reward to redeem', { timeout: 10_000 });
      redeem()!.click();
      const confirm = () =>
        [...(catalog()?.querySelectorAll<HTMLButtonElement>('dialog button') ?? [])].find(
          (button) => button.textContent?.trim() === 'Redeem',
        );
      await waitUntil(confirm, 'the dialog never asked to redeem', { timeout: 10_000 });
      confirm()!.click();
      const status = () => doc.querySelector<HTMLElement>('main > p[role="status"]');
      await waitUntil(status, 'the app never heard the redemption', { timeout: 10_000 });
      expect(status()!.innerText).to.match(/^Code \S+ applied to your cart\.$/);
      expect((doc.querySelector('loyalty-balance') as { compact?: boolean } | null)?.compact).to.equal(true);
      expect((doc.querySelector('reward-catalog') as { sort?: string } | null)?.sort).to.equal('cost-asc');
      expect(win.seen.errors).to.deep.equal([]);
    });
  }
});
