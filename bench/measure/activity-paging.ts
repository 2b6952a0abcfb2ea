// Scale, activity: a shopper with 10,000 history entries gets the first page, then one page
// per "Show more", never the whole history.
import { Scope } from '../api.ts';
import { newContext } from '../browser.ts';
import { scriptTagPage } from '../pages.ts';
import { activityCount, bigCustomerId } from '../program.ts';
import { ms, summarize } from '../stats.ts';
import { check, pending, type BenchContext, type Section } from '../types.ts';

const morePages = 3;

export async function measureActivityPaging({ browser, server }: BenchContext): Promise<Section> {
  const label = `Activity of ${activityCount.toLocaleString('en')} entries pages`;
  const scope = new Scope(`${server.origin}/big/api`);
  const shopper = await scope.token(bigCustomerId);
  await scope.clearRequests();
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(
    server.page(
      scriptTagPage({ config: { apiBase: scope.apiBase, ...shopper }, body: '<loyalty-activity></loyalty-activity>' }),
    ),
  );
  try {
    await page.waitForFunction(() => performance.getEntriesByName('loyalty-activity:visible').length > 0, undefined, {
      timeout: 20_000,
    });
  } catch {
    await context.close();
    const why = '<loyalty-activity> showed no entries within 20 s';
    return {
      id: 'activityPaging',
      title: 'Scale: <loyalty-activity>',
      columns: [],
      rows: [],
      checks: [pending(label, 'pages', why)],
      notes: [why],
      data: {},
    };
  }
  // Each "Show more": the click until the new entries are in the frame (includes the request).
  const result = await page.evaluate(async (pages) => {
    const element = document.querySelector('loyalty-activity')!;
    const items = () => element.shadowRoot!.querySelectorAll('[part~="item"]').length;
    const first = items();
    const times: number[] = [];
    for (let index = 0; index < pages; index++) {
      const button = element.shadowRoot!.querySelector<HTMLElement>('[part~="more-button"]');
      if (!button) break;
      const before = items();
      const start = performance.now();
      button.click();
      let end = start;
      while (items() === before && end - start < 10_000) end = await bench.nextFrame();
      times.push(end - start);
    }
    return { first, last: items(), times };
  }, morePages);
  await context.close();

  const log = (await scope.requests()).filter((entry) => entry.path === '/v1/activity');
  const largestPage = Math.max(...log.map((entry) => Number(entry.query.limit ?? 20)));
  const paged =
    result.last < activityCount && log.length === 1 + result.times.length && result.times.length === morePages;
  const more = summarize(result.times);
  return {
    id: 'activityPaging',
    title: `Scale: <loyalty-activity> with ${activityCount.toLocaleString('en')} entries`,
    columns: ['Case', 'Value'],
    rows: [
      ['Entries shown after the first load', String(result.first)],
      [`Entries shown after ${result.times.length} × "Show more"`, String(result.last)],
      ['GET /v1/activity requests', String(log.length)],
      ['Largest page asked for (limit)', String(largestPage)],
      ['"Show more" click → entries in the frame (median)', ms(more.median)],
    ],
    checks: [
      check(
        label,
        'never all',
        `${result.last} shown, ${log.length} requests`,
        paged,
        paged ? undefined : `expected ${1 + morePages} requests and fewer than ${activityCount} entries`,
      ),
    ],
    notes: [],
    data: { ...result, requests: log.length, largestPage, showMore: more },
  };
}
