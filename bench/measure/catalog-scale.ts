// Scale, catalog: 1,000 rewards render in one go, and a filter change reaches the next frame fast.
// Render: a new <reward-catalog> inserted while the rewards are already loaded (another catalog on
// the page fetched them), until the frame after its render. Filter: a real click on a kind chip,
// from the click's timestamp to the frame after the re-render.
import type { Page } from 'playwright-core';
import { Scope } from '../api.ts';
import { newContext } from '../browser.ts';
import { scriptTagPage } from '../pages.ts';
import { bigCustomerId, rewardCount } from '../program.ts';
import { ms, summarize, type Summary } from '../stats.ts';
import { check, pending, type BenchContext, type Section } from '../types.ts';

export const budgets = { renderMs: 100, filterMs: 16 };
const renderRuns = 9;
const filterRuns = 20;

/** 'ready' once the catalog shows rewards; 'empty' when it renders nothing at all (not built yet). */
async function firstCatalog(page: Page): Promise<'ready' | 'empty' | 'other'> {
  try {
    await page.waitForFunction(
      () => bench.deepText(document.querySelector('reward-catalog')!).includes('Bench reward'),
      undefined,
      {
        timeout: 20_000,
      },
    );
    return 'ready';
  } catch {
    const text = await page.evaluate(() => bench.deepText(document.querySelector('reward-catalog')!).trim());
    return text ? 'other' : 'empty';
  }
}

export async function measureCatalogScale({ browser, server }: BenchContext): Promise<Section> {
  const renderLabel = `Catalog of ${rewardCount} rewards renders (median)`;
  const filterLabel = 'Catalog filter change → next frame (median)';
  const scope = new Scope(`${server.origin}/big/api`);
  const shopper = await scope.token(bigCustomerId);
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(
    server.page(
      scriptTagPage({
        config: { apiBase: scope.apiBase, ...shopper },
        body: '<div id="loader"><reward-catalog></reward-catalog></div><div id="stage"></div>',
      }),
    ),
  );
  const state = await firstCatalog(page);
  if (state !== 'ready') {
    await context.close();
    const why =
      state === 'empty'
        ? '<reward-catalog> renders nothing yet'
        : '<reward-catalog> did not show the rewards within 20 s';
    const checks = [
      pending(renderLabel, `≤ ${budgets.renderMs} ms`, why),
      pending(filterLabel, `≤ ${budgets.filterMs} ms`, why),
    ];
    if (state === 'other') checks.forEach((item) => Object.assign(item, { status: 'fail' }));
    return {
      id: 'catalogScale',
      title: 'Scale: <reward-catalog>',
      columns: [],
      rows: [],
      checks,
      notes: [why],
      data: { state },
    };
  }

  // The loaded catalog stays (keeps the data subscribed) but out of layout.
  const renders = await page.evaluate(async (runs) => {
    document.getElementById('loader')!.style.display = 'none';
    const stage = document.getElementById('stage')!;
    const results: { ms: number; cards: number }[] = [];
    for (let run = 0; run < runs; run++) {
      stage.replaceChildren();
      await bench.nextFrame();
      const catalog = document.createElement('reward-catalog');
      const start = performance.now();
      stage.append(catalog);
      const end = await bench.rendered(catalog);
      results.push({ ms: end - start, cards: bench.deepText(catalog).split('Bench reward').length - 1 });
    }
    return results;
  }, renderRuns);

  // Filter: alternate between one kind and "all" with real clicks on the chips.
  const chips = page.locator('#stage reward-catalog [part~="controls"] button[aria-pressed]');
  const chipCount = await chips.count();
  const filters: number[] = [];
  if (chipCount > 1) {
    for (let run = 0; run < filterRuns; run++) {
      await page.evaluate(() => bench.timeNextClick(document.querySelector('#stage reward-catalog')!));
      await chips.nth(run % 2 ? 0 : 1).click();
      filters.push(await page.evaluate(() => bench.clickTiming!));
    }
  }
  await context.close();

  const render = summarize(renders.map((item) => item.ms));
  const filter = summarize(filters);
  const cards = Math.max(...renders.map((item) => item.cards));
  const noFilter = 'no filter chips found in [part~="controls"]';
  const row = (what: string, runs: Summary) => [
    what,
    String(runs.runs),
    ms(runs.median),
    `${ms(runs.min)} – ${ms(runs.max)}`,
  ];
  return {
    id: 'catalogScale',
    title: `Scale: <reward-catalog> with ${rewardCount} rewards`,
    columns: ['Case', 'Runs', 'Median', 'Range'],
    rows: [
      row('Insert → frame after render', render),
      row('Filter click → frame after render', filter),
      // Narrowing removes cards, widening back to all builds them again: different work.
      row('  to one kind', summarize(filters.filter((_, run) => run % 2 === 0))),
      row('  back to all', summarize(filters.filter((_, run) => run % 2 === 1))),
    ],
    checks: [
      check(
        renderLabel,
        `≤ ${budgets.renderMs} ms`,
        ms(render.median),
        render.median <= budgets.renderMs,
        `${cards} of ${rewardCount} cards in the DOM`,
      ),
      filters.length
        ? check(filterLabel, `≤ ${budgets.filterMs} ms`, ms(filter.median), filter.median <= budgets.filterMs)
        : pending(filterLabel, `≤ ${budgets.filterMs} ms`, noFilter),
    ],
    notes: [`${cards} of ${rewardCount} rewards were in the DOM after the render.`],
    data: { render: { ...render, runs: renders }, filter: { ...filter, runs: filters }, cards },
  };
}
