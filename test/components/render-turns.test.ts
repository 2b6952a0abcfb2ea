// Data that reaches several elements at once (one shared store) renders them one per task, so the
// page can paint and answer input between them. Asserted by which task each render ran in, never
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

/** A task counter: a message bounced back and forth, each delivery a new task. */
function countTasks(): { now(): number; stop(): void } {
  let count = 0;
  let running = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    count++;
    if (running) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  return {
    now: () => count,
    stop: () => {
      running = false;
      channel.port1.close();
    },
  };
}

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

    const tasks = countTasks();
    const renderedIn: number[] = [];
    elements.forEach((element, index) => {
      // The task in which the balance first shows.
      const host = element as unknown as { updated(changed: PropertyValues): void };
      const updated = host.updated.bind(element);
      host.updated = (changed) => {
        updated(changed);
        if (renderedIn[index] === undefined && part(element, 'balance')?.textContent) renderedIn[index] = tasks.now();
      };
    });
    await api.release();
    await waitUntil(() => renderedIn.filter((task) => task !== undefined).length === 2, 'never rendered', {
      timeout: 10_000,
    });
    tasks.stop();
    expect(renderedIn[0], `tasks ${renderedIn.join(', ')}`).not.to.equal(renderedIn[1]);
  });
});
