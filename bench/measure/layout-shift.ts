// Layout shift: the all-five page on a first visit with the API answering after 1 s, so every
// element shows its skeleton first and its data a second later. Data arriving must move nothing
// the shopper already sees (Layout Instability API, as Core Web Vitals score it).
import { Scope } from '../api.ts';
import { newContext } from '../browser.ts';
import { allFive, elementTags, scriptTagPage } from '../pages.ts';
import { sleep, summarize } from '../stats.ts';
import type { LayoutShift } from '../in-page.ts';
import { check, type BenchContext, type Section } from '../types.ts';

export const budget = { cls: 0.02 };
const runs = 3;
const apiDelayMs = 1000;
const viewports = [
  { name: 'desktop 1280 × 900', width: 1280, height: 900 },
  { name: 'phone 412 × 823', width: 412, height: 823 },
];

/**
 * Cumulative Layout Shift as Chromium reports it: shifts without recent input grouped in session
 * windows (a gap of 1 s or a window of 5 s starts a new one); the largest window counts.
 */
export function cumulativeLayoutShift(shifts: LayoutShift[]): number {
  let largest = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const shift of shifts.filter((item) => !item.hadRecentInput)) {
    if (shift.start - last > 1000 || shift.start - first > 5000) {
      sum = 0;
      first = shift.start;
    }
    sum += shift.value;
    last = shift.start;
    largest = Math.max(largest, sum);
  }
  return largest;
}

const score = (value: number): string => (Number.isFinite(value) ? value.toFixed(3) : 'n/a');

export async function measureLayoutShift({ browser, server }: BenchContext): Promise<Section> {
  const scope = new Scope(`${server.origin}/api`);
  const ada = await scope.token('c_ada');
  const url = server.page(scriptTagPage({ config: { apiBase: scope.apiBase, ...ada }, body: allFive }));

  // One visit finds what the page reads; then each of those answers waits a second.
  const probe = await newContext(browser);
  await (await probe.newPage()).goto(url, { waitUntil: 'networkidle' });
  await probe.close();
  const paths = [
    ...new Set(
      (await scope.requests())
        .filter((item) => item.method === 'GET')
        .map((item) => item.path.replace(/^\/s\/[^/]+/, '')),
    ),
  ];
  for (const path of paths) await scope.fault({ method: 'GET', path, times: 1000, delayMs: apiDelayMs });

  const results = [];
  for (const viewport of viewports) {
    const loads: { cls: number; shifts: LayoutShift[] }[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await page.goto(url);
      await page.evaluate(async (tags) => {
        await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
        await Promise.all([...document.querySelectorAll(tags.join(','))].map((element) => bench.rendered(element)));
      }, elementTags);
      // The answers come after a second; give the renders that follow time to land.
      await sleep(apiDelayMs + 1500);
      const shifts = await page.evaluate(() => bench.layoutShifts);
      await context.close();
      loads.push({ cls: cumulativeLayoutShift(shifts), shifts });
    }
    results.push({ viewport, loads, cls: summarize(loads.map((load) => load.cls)) });
  }
  await scope.clearFaults();

  const worst = Math.max(...results.map((result) => result.cls.median));
  const movedBy = new Map<string, number>();
  for (const shift of results.flatMap((result) => result.loads.flatMap((load) => load.shifts))) {
    for (const tag of new Set(shift.sources)) movedBy.set(tag, (movedBy.get(tag) ?? 0) + shift.value / runs);
  }
  const blame = [...movedBy].sort((a, b) => b[1] - a[1]);
  return {
    id: 'layoutShift',
    title: `Layout shift: all five elements, first visit, the API answering after ${apiDelayMs / 1000} s`,
    columns: ['Viewport', 'Loads', 'CLS (median)', 'Range', 'Shifts per load'],
    rows: results.map(({ viewport, loads, cls }) => [
      viewport.name,
      String(runs),
      score(cls.median),
      `${score(cls.min)} – ${score(cls.max)}`,
      String(Math.round(loads.reduce((sum, load) => sum + load.shifts.length, 0) / runs)),
    ]),
    checks: [
      check(
        'Layout shift when data arrives, all five (CLS, median, worst viewport)',
        `≤ ${budget.cls}`,
        score(worst),
        worst <= budget.cls,
      ),
    ],
    notes: [
      `Delayed: ${paths.join(', ')}. CLS is the largest session window of layout-shift entries without input.`,
      ...(blame.length
        ? [
            `Moved nodes by element (shift score per load, summed over viewports): ${blame.map(([tag, value]) => `${tag} ${value.toFixed(3)}`).join(', ')}.`,
          ]
        : []),
    ],
    data: results,
  };
}
