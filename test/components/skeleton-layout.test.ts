// Skeletons take the place of what they show: when the data replaces them, what the shopper sees
// below the element does not move. Measured in layout (heights and offsets), never in time: the
// reference API holds its replies until the test has measured the skeleton.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/components/loyalty-activity/define.js';
import '../../src/components/loyalty-balance/define.js';
import '../../src/components/reward-catalog/define.js';
import type { LitElement } from 'lit';
import { TestApi } from '../helpers/api.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';

const boxes: HTMLElement[] = [];

afterEach(() => {
  for (const box of boxes.splice(0)) box.remove();
  resetSdk();
});

/**
 * Two container widths: the catalog's one-card-per-line layout (below 32rem) and a content
 * column. Wide enough that every line of Ada's first page fits on one line in all three
 * engines' default fonts: a description that wraps makes its row taller than its placeholder.
 */
const widths = [480, 720];

interface Loaded {
  element: LitElement;
  skeleton: DOMRect;
  data: DOMRect;
  /** The boxes of `inner` (a selector in the shadow root) with the skeleton and with data. */
  inner?: { skeleton: DOMRect; data: DOMRect };
}

/** A loaded machine runs three engines at once: waits are generous (nothing here is timed). */
const patient = { timeout: 10_000 };

const busy = (element: LitElement) => element.shadowRoot!.querySelector('[aria-busy="true"]');

/**
 * Waits for the element's pending renders. (Reading a box lays the page out; no animation frame,
 * which a page running in the background may never get.)
 */
async function settled(element: LitElement): Promise<void> {
  while (!(await element.updateComplete));
}

/**
 * Mounts `tag` signed in as Ada (pending and expiring points, a tier with benefits, 30 history
 * entries, 13 rewards) in a box `width` wide, with the API's answers on `paths` held; measures
 * the skeleton, lets the answers go, and measures again once the data shows.
 */
async function load(tag: string, width: number, paths: string[], inner?: string): Promise<Loaded> {
  const api = new TestApi();
  const { token } = await api.token('c_ada');
  configureFor(api, { customerId: 'c_ada', token }, { locale: 'en-US' });
  for (const path of paths) await api.fault({ method: 'GET', path, times: 1, hold: true });
  const box = document.createElement('div');
  box.style.inlineSize = `${width}px`;
  const element = document.createElement(tag) as LitElement;
  box.append(element);
  document.body.append(box);
  boxes.push(box);
  await waitUntil(async () => (await api.held()) === paths.length, 'the reads never reached the server', patient);
  await settled(element);
  expect(busy(element), 'the skeleton shows while the API holds its answers').to.exist;
  const rect = (selector: string) => element.shadowRoot!.querySelector(selector)!.getBoundingClientRect();
  const skeleton = element.getBoundingClientRect();
  const innerSkeleton = inner ? rect(inner) : undefined;
  await api.release();
  await waitUntil(() => !busy(element), 'the data never replaced the skeleton', patient);
  await settled(element);
  const data = element.getBoundingClientRect();
  return {
    element,
    skeleton,
    data,
    ...(inner ? { inner: { skeleton: innerSkeleton!, data: rect(inner) } } : {}),
  };
}

describe('skeletons take the place of the data', () => {
  for (const width of widths) {
    it(`<loyalty-balance> is as tall with its skeleton as with the balance, tier and expiring points (${width} px)`, async () => {
      const { skeleton, data, element } = await load('loyalty-balance', width, ['/v1/me', '/v1/program']);
      expect(element.shadowRoot!.textContent).to.contain('expire');
      expect(Math.abs(skeleton.height - data.height), `${skeleton.height} → ${data.height}`).to.be.at.most(1);
    });

    it(`<loyalty-activity> is as tall with its skeleton as with the first page and Show more (${width} px)`, async () => {
      const { skeleton, data, element } = await load('loyalty-activity', width, ['/v1/activity', '/v1/program']);
      expect(element.shadowRoot!.querySelectorAll('[part~="item"]')).to.have.length(20);
      expect(element.shadowRoot!.querySelector('[part~="more-button"]')).to.exist;
      expect(Math.abs(skeleton.height - data.height), `${skeleton.height} → ${data.height}`).to.be.at.most(1);
    });

    it(`<reward-catalog> holds its first screen: the cards start where the placeholders did (${width} px)`, async () => {
      const { skeleton, data, inner } = await load('reward-catalog', width, ['/v1/rewards'], '.root > ul.grid');
      const offset = (list: DOMRect, host: DOMRect) => list.top - host.top;
      const [before, after] = [offset(inner!.skeleton, skeleton), offset(inner!.data, data)];
      expect(Math.abs(before - after), `cards at ${before} → ${after}`).to.be.at.most(1);
      // Taller data grows below the first screen only, where it moves nothing in view.
      const screen = Math.min(data.height, innerHeight);
      expect(skeleton.height, `skeleton ${skeleton.height}, data ${data.height}`).to.be.at.least(screen - 1);
    });
  }
});
