// Memory: mounting and removing every element 1,000 times must leave the JS heap where it was
// (within 1 MB, after forced garbage collection): no listener, subscription or timer kept alive.
import { Scope } from '../api.ts';
import { newContext } from '../browser.ts';
import { elementTags, scriptTagPage } from '../pages.ts';
import { check, type BenchContext, type Section } from '../types.ts';

export const budget = { heapBytes: 1024 * 1024 };
const cycles = 1000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export async function measureMemory({ browser, server }: BenchContext): Promise<Section> {
  const scope = new Scope(`${server.origin}/api`);
  const ada = await scope.token('c_ada');
  const context = await newContext(browser);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(
    server.page(scriptTagPage({ config: { apiBase: scope.apiBase, ...ada }, body: '<div id="stage"></div>' })),
  );

  /** Mounts all five, waits for their render and a frame, removes them; `count` times. */
  const mountAndRemove = (count: number) =>
    page.evaluate(
      async ({ tags, count }) => {
        const stage = document.getElementById('stage')!;
        for (let cycle = 0; cycle < count; cycle++) {
          const elements = tags.map((tag) => document.createElement(tag));
          stage.append(...elements);
          await Promise.all(elements.map((element) => bench.rendered(element)));
          stage.replaceChildren();
        }
      },
      { tags: elementTags, count },
    );

  const measure = async () => {
    // Timers the elements started (announcements, "Copied" resets) get time to run out first.
    await page.waitForTimeout(2000);
    for (let round = 0; round < 3; round++) {
      await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
      await cdp.send('HeapProfiler.collectGarbage');
    }
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
    return { heap: usedSize, nodes, listeners: jsEventListeners };
  };

  // Warm up: the element chunks load, the data arrives, caches (formatters, styles) fill.
  await page.evaluate(async (tags) => {
    const stage = document.getElementById('stage')!;
    stage.append(...tags.map((tag) => document.createElement(tag)));
    await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    stage.replaceChildren();
  }, elementTags);
  await mountAndRemove(20);
  const before = await measure();
  const started = performance.now();
  await mountAndRemove(cycles);
  const seconds = (performance.now() - started) / 1000;
  const after = await measure();
  const subscribers = await page.evaluate(() => {
    const sdk = (globalThis as Record<symbol, { resource(name: string): { subscribers: number } } | undefined>)[
      Symbol.for('loyalty-widgets')
    ];
    const names = ['program', 'me', 'rewards', 'redemptions', 'referral', 'activity'];
    return sdk ? names.reduce((sum, name) => sum + sdk.resource(name).subscribers, 0) : -1;
  });
  await context.close();

  const growth = after.heap - before.heap;
  return {
    id: 'memory',
    title: `Memory: all five elements mounted and removed ${cycles} times`,
    columns: ['Measure', 'Before', 'After', 'Change'],
    rows: [
      ['JS heap (after GC)', mb(before.heap), mb(after.heap), mb(growth)],
      ['DOM nodes', String(before.nodes), String(after.nodes), String(after.nodes - before.nodes)],
      [
        'JS event listeners',
        String(before.listeners),
        String(after.listeners),
        String(after.listeners - before.listeners),
      ],
      ['Store subscribers left', '', String(subscribers), ''],
    ],
    checks: [
      check(
        `Heap growth after ${cycles} mount/remove cycles`,
        `≤ ${mb(budget.heapBytes)}`,
        mb(growth),
        growth <= budget.heapBytes && subscribers === 0,
        subscribers > 0 ? `${subscribers} store subscriptions still held` : undefined,
      ),
    ],
    notes: [
      `${cycles} cycles took ${seconds.toFixed(1)} s (each: append all five, wait for their render and a frame, remove).`,
    ],
    data: { before, after, growth, subscribers, cycles, seconds },
  };
}
