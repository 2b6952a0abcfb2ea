// Requests: ten balances, three catalogs and a referral widget on one page share one request
// per resource, counted in the reference server's request log.
import { Scope, type LoggedRequest } from '../api.ts';
import { newContext } from '../browser.ts';
import { scriptTagPage } from '../pages.ts';
import { sleep } from '../stats.ts';
import { check, type BenchContext, type Section } from '../types.ts';

const body = [
  ...Array.from({ length: 10 }, () => '<loyalty-balance></loyalty-balance>'),
  ...Array.from({ length: 3 }, () => '<reward-catalog></reward-catalog>'),
  '<referral-share></referral-share>',
].join('\n    ');

/** Waits until the log has not grown for a second (at most 15 s). */
async function settledLog(scope: Scope): Promise<LoggedRequest[]> {
  let log = await scope.requests();
  const deadline = Date.now() + 15_000;
  for (let quietSince = Date.now(); Date.now() - quietSince < 1000 && Date.now() < deadline;) {
    await sleep(250);
    const next = await scope.requests();
    if (next.length !== log.length) quietSince = Date.now();
    log = next;
  }
  return log;
}

export async function measureRequests({ browser, server }: BenchContext): Promise<Section> {
  const scope = new Scope(`${server.origin}/api`);
  const ada = await scope.token('c_ada');
  await scope.clearRequests();
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(server.page(scriptTagPage({ config: { apiBase: scope.apiBase, ...ada }, body })));
  await page.evaluate(() =>
    Promise.all(['loyalty-balance', 'reward-catalog', 'referral-share'].map((tag) => customElements.whenDefined(tag))),
  );
  const log = await settledLog(scope);
  const catalogRenders = await page.evaluate(
    () => bench.deepText(document.querySelector('reward-catalog')!).trim() !== '',
  );
  await context.close();

  const counts = new Map<string, number>();
  for (const { method, path } of log) counts.set(`${method} ${path}`, (counts.get(`${method} ${path}`) ?? 0) + 1);
  const repeated = [...counts].filter(([, count]) => count > 1);
  return {
    id: 'requests',
    title: 'Requests: 10 <loyalty-balance>, 3 <reward-catalog>, 1 <referral-share> on one page',
    columns: ['Request', 'Count'],
    rows: [...counts].map(([request, count]) => [request, String(count)]),
    checks: [
      check(
        'One request per resource',
        'each = 1',
        `${log.length} requests, ${counts.size} resources`,
        repeated.length === 0 && counts.size > 0,
        repeated.length
          ? `repeated: ${repeated.map(([request, count]) => `${request} ×${count}`).join(', ')}`
          : undefined,
      ),
    ],
    notes: catalogRenders ? [] : ['<reward-catalog> renders nothing yet: its requests are not in this count.'],
    data: { requests: Object.fromEntries(counts), catalogRenders },
  };
}
