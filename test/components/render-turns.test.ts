// Data that reaches several elements at once (one shared store) renders them one per task, so the
// page can paint and answer input between them. Asserted by what ran between the renders, never
// by how long anything took.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/components/loyalty-balance/define.js';
import type { LitElement, PropertyValues } from 'lit';
import { TestApi } from '../helpers/api.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';
import { part } from '../helpers/shadow.js';

const boxes: HTMLElement[] = [];

afterEach(() => {
  for (const box of boxes.splice(0)) box.remove();
  resetSdk();
});

describe('render turns', () => {
  it('renders two balances that get the same answer in two tasks, one each', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 1250 }), { locale: 'en-US' });
    await api.fault({ method: 'GET', path: '/v1/me', times: 1, hold: true });
    const box = document.createElement('div');
    box.innerHTML = '<loyalty-balance></loyalty-balance><loyalty-balance></loyalty-balance>';
    document.body.append(box);
    boxes.push(box);
    const elements = [...box.querySelectorAll<LitElement>('loyalty-balance')];
    await waitUntil(async () => (await api.held()) === 1, 'the read never reached the server', { timeout: 10_000 });
    await Promise.all(elements.map((element) => element.updateComplete));

    // A timer set while the first balance renders: it has run before the other renders only if
    // the event loop went on to other tasks in between.
    let timerRan = false;
    const renders: { index: number; afterTimer: boolean }[] = [];
    elements.forEach((element, index) => {
      const host = element as unknown as { updated(changed: PropertyValues): void };
      const updated = host.updated.bind(element);
      host.updated = (changed) => {
        updated(changed);
        if (renders.some((render) => render.index === index) || !part(element, 'balance')?.textContent) return;
        renders.push({ index, afterTimer: timerRan });
        if (renders.length === 1) setTimeout(() => (timerRan = true), 0);
      };
    });
    await api.release();
    await waitUntil(() => renders.length === 2, 'the balances never showed', { timeout: 10_000 });
    expect(renders[1].afterTimer, 'other tasks ran between the two renders').to.equal(true);
  });
});
