// Elements inside other web components' shadow roots (src/autoloader.ts): found in open roots
// with no call, as a storefront built of web components needs, and in closed roots through
// discover(root). The page defines none of our elements up front: the autoloader must load them.
import { expect, waitUntil } from '@open-wc/testing';
import { discover } from '../../src/autoloader.js';
import { TestApi } from '../helpers/api.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';
import { text } from '../helpers/shadow.js';

const added: Element[] = [];

/** A storefront component that renders `inner` into its own shadow root, open or closed. */
function storefrontComponent(
  tag: string,
  inner: string,
  { mode = 'open', later = false }: { mode?: ShadowRootMode; later?: boolean } = {},
) {
  const roots: ShadowRoot[] = [];
  customElements.define(
    tag,
    class extends HTMLElement {
      constructor() {
        super();
        const root = this.attachShadow({ mode });
        roots.push(root);
        // Some components render after a task (data first), not in their constructor.
        if (later) setTimeout(() => (root.innerHTML = inner));
        else root.innerHTML = inner;
      }
    },
  );
  return roots;
}

function add(html: string): Element {
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  added.push(container);
  return container;
}

before(() => {
  configureFor(new TestApi());
  discover(); // what the script tag does as it loads
});
after(() => {
  added.forEach((element) => element.remove());
  resetSdk();
});

describe('elements in shadow roots', () => {
  it('loads an element inside an open shadow root with no call, the host defined after it was added', async () => {
    add('<shop-header></shop-header>');
    expect(customElements.get('loyalty-balance')).to.equal(undefined);
    const [root] = storefrontComponent('shop-header', '<nav><loyalty-balance></loyalty-balance></nav>');
    await customElements.whenDefined('loyalty-balance');
    const balance = root.querySelector('loyalty-balance')!;
    await waitUntil(() => text(balance).includes('Join'), `the guest view: ${text(balance)}`);
  });

  it('loads an element that a component renders into its open root later', async () => {
    storefrontComponent('shop-account', '<section><loyalty-activity></loyalty-activity></section>', { later: true });
    add('<main><shop-account></shop-account></main>');
    await customElements.whenDefined('loyalty-activity');
  });

  it('loads an element inside a closed shadow root through discover(root)', async () => {
    const roots = storefrontComponent('shop-drawer', '<reward-catalog></reward-catalog>', { mode: 'closed' });
    add('<shop-drawer></shop-drawer>');
    const [root] = roots;
    discover(root);
    await customElements.whenDefined('reward-catalog');
    const catalog = root.querySelector('reward-catalog')!;
    await waitUntil(() => text(catalog).length > 0, 'the catalog rendered nothing');
  });

  it('waits once per foreign tag and searches its hosts in the page, and one put back later', async () => {
    const waits: string[] = [];
    const whenDefined = customElements.whenDefined.bind(customElements);
    customElements.whenDefined = (name: string) => (waits.push(name), whenDefined(name));
    try {
      add('<shop-footer data-inner="referral-share"></shop-footer>');
      const removed = add('<shop-footer data-inner="nps-survey"></shop-footer><shop-footer></shop-footer>');
      add('<div><shop-footer data-inner="referral-share"></shop-footer></div>');
      // One task: the autoloader's MutationObserver has seen the hosts.
      await new Promise((resolve) => setTimeout(resolve));
      removed.remove();
      customElements.define(
        'shop-footer',
        class extends HTMLElement {
          constructor() {
            super();
            const inner = this.dataset.inner;
            this.attachShadow({ mode: 'open' }).innerHTML = inner ? `<${inner}></${inner}>` : '';
          }
        },
      );
      await customElements.whenDefined('referral-share');
      expect(waits.filter((name) => name === 'shop-footer')).to.have.length(1);
      // A host taken out before the definition and put back after it is searched then.
      expect(customElements.get('nps-survey')).to.equal(undefined);
      document.body.append(removed);
      await waitUntil(() => customElements.get('nps-survey'), 'the host put back was never searched');
    } finally {
      delete (customElements as { whenDefined?: unknown }).whenDefined;
    }
  });

  it('is the same discover() on the npm entry', async () => {
    const entry = await import('../../src/index.js');
    expect(entry.discover).to.equal(discover);
  });
});
