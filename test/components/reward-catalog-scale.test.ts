// <reward-catalog> at scale: 1,000 rewards. The bench (`npm run bench -- --only=catalogScale`)
// holds the time budgets on the production build; these tests keep the shape of the work honest
// by counting the cards built (not by timing them: engines and machine load differ): a page of
// cards is built, not a thousand, a filter change rebuilds at most a page, and "Show more"
// reaches every reward. The times are logged for a glance.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/reward-catalog/define.js';
import type { RewardCatalog } from '../../src/components/reward-catalog/reward-catalog.js';
import type { Reward } from '../../src/core/index.js';
import { TestApi } from '../helpers/api.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';

const kinds = ['discount', 'free-shipping', 'free-product', 'donation'] as const;

/** The bench's catalog: 1,000 rewards of four kinds with a spread of costs. */
const rewards: Reward[] = Array.from({ length: 1000 }, (_, index) => ({
  id: `r_bench_${index + 1}`,
  name: `Bench reward ${String(index + 1).padStart(4, '0')}`,
  description: `Reward number ${index + 1} of a large catalog.`,
  kind: kinds[index % kinds.length],
  cost: 100 + ((index * 7919) % 50) * 100,
  available: true,
  ...(index % 4 === 0 ? { value: { amount: 500 + (index % 10) * 100, currency: 'USD' } } : {}),
}));

const frame = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      document.body.getBoundingClientRect();
      resolve(performance.now());
    }),
  );
/** Counts the cards added to `element`'s shadow root until the returned function is called. */
function countBuilt(element: RewardCatalog): () => number {
  let built = 0;
  const count = (records: MutationRecord[]) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof Element)
          built += node.matches('[part="reward"]') ? 1 : node.querySelectorAll('[part="reward"]').length;
  };
  const observer = new MutationObserver(count);
  observer.observe(element.shadowRoot!, { childList: true, subtree: true });
  return () => {
    count(observer.takeRecords());
    observer.disconnect();
    return built;
  };
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cards = (element: RewardCatalog) => element.shadowRoot!.querySelectorAll<HTMLElement>('[part="reward"]');
const more = (element: RewardCatalog) =>
  [...element.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent.trim().startsWith('Show '));

afterEach(() => resetSdk());

describe('<reward-catalog> with 1,000 rewards', function () {
  this.timeout(30_000);
  let stage: HTMLElement;

  beforeEach(async () => {
    const api = new TestApi();
    // The reference API serves the 1,000 rewards (through the client's response checks).
    await api.fault({ method: 'GET', path: '/v1/rewards', times: 100, body: { rewards } });
    configureFor(api, await api.customer({ balance: 2500 }), { locale: 'en-US' });
    // A first catalog loads the data and stays subscribed, out of layout, as in the bench.
    const loader = await fixture<HTMLElement>(html`<div hidden><reward-catalog></reward-catalog></div>`);
    const first = loader.querySelector('reward-catalog')!;
    await waitUntil(() => first.shadowRoot!.textContent.includes('Bench reward'), 'the big catalog shows', {
      timeout: 5000,
    });
    stage = await fixture<HTMLElement>(html`<div></div>`);
  });

  it('renders a page of cards in one update, and the rest on demand', async () => {
    const times: number[] = [];
    let element!: RewardCatalog;
    for (let run = 0; run < 5; run++) {
      stage.replaceChildren();
      await frame();
      element = document.createElement('reward-catalog');
      const start = performance.now();
      stage.append(element);
      const built = countBuilt(element);
      await element.updateComplete;
      times.push((await frame()) - start);
      expect(built(), 'cards built').to.equal(24);
    }
    console.log(`[scale] 1,000 rewards: insert → frame after render, median ${median(times).toFixed(1)} ms (dev mode)`);
    expect(cards(element)).to.have.length(24);
    expect(more(element)!.textContent.trim()).to.equal('Show 24 more rewards');

    more(element)!.click();
    await element.updateComplete;
    expect(cards(element)).to.have.length(48);
    // Focus goes to the first new card, and the count is announced.
    const first = cards(element)[24];
    await waitUntil(
      () => element.shadowRoot!.activeElement === first.querySelector('h3'),
      'focus on the first new card',
    );
    await waitUntil(() =>
      document.querySelector('[data-loyalty-announcer]')?.textContent?.includes('Showing 48 of 1,000 rewards'),
    );
    while (more(element)) {
      more(element)!.click();
      await element.updateComplete;
    }
    expect(cards(element)).to.have.length(1000);
    expect(element.shadowRoot!.textContent).to.contain('Bench reward 1000');
  });

  it('filters and sorts the whole catalog, rebuilding at most a page of cards', async () => {
    const element = document.createElement('reward-catalog');
    stage.append(element);
    await element.updateComplete;
    await frame();
    const chips = [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="controls"] [aria-pressed]')];
    expect(chips.map((chip) => chip.textContent.trim())).to.deep.equal([
      'All',
      'Discounts',
      'Free shipping',
      'Free products',
      'Donations',
    ]);
    const times: number[] = [];
    for (let run = 0; run < 10; run++) {
      const start = performance.now();
      const built = countBuilt(element);
      chips[run % 2 ? 0 : 2].click();
      await element.updateComplete;
      times.push((await frame()) - start);
      expect(built(), 'cards built').to.be.at.most(24);
      expect(cards(element)).to.have.length(24);
      const free = [...cards(element)].every((card) => card.textContent.includes('Free shipping'));
      expect(free).to.equal(run % 2 === 0);
    }
    console.log(`[scale] filter click → frame after render, median ${median(times).toFixed(1)} ms (dev mode)`);
    // The filter and sort apply to all 1,000, not to the page shown: the most expensive come first.
    element.kind = 'free-shipping';
    element.sort = 'cost-desc';
    await element.updateComplete;
    expect(more(element)!.textContent.trim()).to.equal('Show 24 more rewards');
    expect(cards(element)[0].textContent).to.contain('5,000 points');
  });
});
