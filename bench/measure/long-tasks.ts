// Main thread: loading the script tag and rendering all five elements must not block the page
// for more than 50 ms at a time (long tasks, recorded from before the first script runs).
import { Scope } from '../api.ts';
import { newContext } from '../browser.ts';
import { allFive, elementTags, scriptTagPage } from '../pages.ts';
import { ms, summarize } from '../stats.ts';
import { chunkLabels } from '../build.ts';
import type { PageHelpers } from '../in-page.ts';
import { check, type BenchContext, type Section } from '../types.ts';

export const budget = { longTaskMs: 50, worstLoadMs: 80 };
const runs = 7;

/** Where the time went in frames over 50 ms, over all loads: the scripts that ran longest, by chunk. */
function blame(frames: PageHelpers['longFrames']): string[] {
  const labels = chunkLabels();
  const bySource = new Map<string, number>();
  for (const frame of frames.filter((item) => item.duration > budget.longTaskMs)) {
    for (const script of frame.scripts) {
      const file = script.source.split('/').pop() ?? '';
      const key = `${labels.get(file) ?? (file || 'inline script')} (${script.invoker.split('/').pop()})`;
      bySource.set(key, (bySource.get(key) ?? 0) + script.duration);
    }
  }
  const top = [...bySource].sort((a, b) => b[1] - a[1]).slice(0, 4);
  return top.length
    ? [
        `In frames over 50 ms, scripts that ran longest (all loads): ${top.map(([key, time]) => `${key} ${ms(time)}`).join(', ')}.`,
      ]
    : [];
}

export async function measureLongTasks({ browser, server }: BenchContext): Promise<Section> {
  const scope = new Scope(`${server.origin}/api`);
  const ada = await scope.token('c_ada');
  const url = server.page(scriptTagPage({ config: { apiBase: scope.apiBase, ...ada }, body: allFive }));
  const loads: {
    longest: number;
    count: number;
    tasks: PageHelpers['longTasks'];
    frames: PageHelpers['longFrames'];
  }[] = [];
  for (let run = 0; run < runs; run++) {
    // A first visit: nothing cached, so every file is fetched, parsed and compiled.
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(url);
    const { tasks, frames } = await page.evaluate(async (tags) => {
      await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
      await Promise.all([...document.querySelectorAll(tags.join(','))].map((element) => bench.rendered(element)));
      // Data arrives and renders after the first frame; long-task entries are delivered late.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return { tasks: bench.longTasks, frames: bench.longFrames };
    }, elementTags);
    await context.close();
    loads.push({ longest: Math.max(0, ...tasks.map((task) => task.duration)), count: tasks.length, tasks, frames });
  }
  const longest = summarize(loads.map((load) => load.longest));
  const withLongTask = loads.filter((load) => load.longest > budget.longTaskMs).length;
  return {
    id: 'longTasks',
    title: 'Main thread: long tasks while the script tag loads and renders all five elements (fresh profile)',
    columns: ['Case', 'Loads', 'Longest task (median)', 'Worst load', 'Loads with a task > 50 ms'],
    rows: [['All five elements', String(runs), ms(longest.median), ms(longest.max), `${withLongTask} of ${runs}`]],
    checks: [
      check(
        'Longest task, script tag + first render (median of loads)',
        `≤ ${budget.longTaskMs} ms`,
        ms(longest.median),
        longest.median <= budget.longTaskMs,
      ),
      check(
        'Longest task, script tag + first render (worst load)',
        `≤ ${budget.worstLoadMs} ms`,
        ms(longest.max),
        longest.max <= budget.worstLoadMs,
      ),
    ],
    notes: [
      'A load with no long task counts as 0 ms. Tasks over 50 ms are what the long-task API reports.',
      ...blame(loads.flatMap((load) => load.frames)),
    ],
    data: { loads, longest },
  };
}
