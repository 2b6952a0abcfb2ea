// Bytes through the script tag, as a browser fetches them: load a page in Chromium, record
// every file it takes from /cdn/, and size those files. Chunks neither page needed (other
// languages, the QR encoder) are listed apart.
import { readdirSync, readFileSync } from 'node:fs';
import { Scope } from '../api.ts';
import { cdnDir, chunkLabels } from '../build.ts';
import { newContext } from '../browser.ts';
import { kb, sizeOf, sizeOfFile, total, type Size } from '../compress.ts';
import { allFive, csatPopup, elementTags, noElement, onSiteSurvey, scriptTagPage } from '../pages.ts';
import { sleep } from '../stats.ts';
import { check, type BenchContext, type Section } from '../types.ts';

export const budgets = { noElement: 12 * 1024, allFive: 28 * 1024, surveyOnly: 20 * 1024, launcherOnly: 15 * 1024 };

export interface PageBytes {
  files: { file: string; label: string; size: Size }[];
  total: Size;
  /** The same files as one gzip stream: what splitting into chunks costs. */
  asOneFile: Size;
  /** Elements that rendered no text (not built yet, or the survey did not open). */
  blank: string[];
}

/**
 * Loads `html`, waits for `tags` to be defined, runs `open` in the page (a merchant's own trigger
 * for a popup: whatever it loads counts), waits for the network to go quiet, and sizes what came
 * from /cdn/.
 */
async function bytesFetchedBy(
  { browser, server }: BenchContext,
  html: string,
  tags: string[],
  open?: () => void,
): Promise<PageBytes> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const fetched = new Set<string>();
  let last = Date.now();
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.startsWith('/cdn/')) {
      fetched.add(pathname.slice('/cdn/'.length));
      last = Date.now();
    }
  });
  await page.goto(server.page(html));
  await page.evaluate((names) => Promise.all(names.map((tag) => customElements.whenDefined(tag))), tags);
  if (open) await page.evaluate(open);
  // Lazy chunks load after first render: wait until a full second passes without a fetch.
  while (Date.now() - last < 1000) await sleep(200);
  const blank = await page.evaluate(
    (names) =>
      names.filter((tag) => !bench.deepText(document.querySelector(tag) ?? document.createElement('p')).trim()),
    tags,
  );
  await context.close();
  const labels = chunkLabels();
  const files = [...fetched].map((file) => ({
    file,
    label: labels.get(file) ?? file,
    size: sizeOfFile(`${cdnDir}/${file}`),
  }));
  const asOneFile = sizeOf(Buffer.concat(files.map((file) => readFileSync(`${cdnDir}/${file.file}`))));
  return { files, total: total(files.map((file) => file.size)), asOneFile, blank };
}

const row = (what: string, files: number | string, size: Size): string[] => [
  what,
  String(files),
  kb(size.raw),
  kb(size.gzip),
  kb(size.brotli),
];

export async function measureScriptTagBytes(context: BenchContext): Promise<Section> {
  const scope = new Scope(`${context.server.origin}/api`);
  const ada = await scope.token('c_ada');
  const config = { apiBase: scope.apiBase, customerId: ada.customerId, token: ada.token };
  // Issue 16: a product page with the script tag and no element (nothing to capture or deliver).
  const none = await bytesFetchedBy(context, scriptTagPage({ config, body: noElement }), []);
  const all = await bytesFetchedBy(context, scriptTagPage({ config, body: allFive }), elementTags);
  const survey = await bytesFetchedBy(
    context,
    scriptTagPage({ config, body: '<nps-survey></nps-survey>' }),
    ['nps-survey'],
    () => {
      const api = (window as { LoyaltyWidgets?: { showSurvey?: (id: string, options: object) => unknown } })
        .LoyaltyWidgets;
      void api?.showSurvey?.('nps', { force: true });
    },
  );
  // Issue 19: a program survey opened by the page (show()), as a CSAT popup and as the
  // two-question on-site survey in place; its definition comes from GET /v1/surveys.
  const showProgramSurvey = () =>
    void document.querySelector<HTMLElement & { show(): Promise<void> }>('feedback-survey')?.show();
  const csat = await bytesFetchedBy(
    context,
    scriptTagPage({ config, body: csatPopup }),
    ['feedback-survey'],
    showProgramSurvey,
  );
  const onSite = await bytesFetchedBy(
    context,
    scriptTagPage({ config, body: onSiteSurvey }),
    ['feedback-survey'],
    showProgramSurvey,
  );
  // Issue 17: a page with only the launcher, panel not opened. Idle time would load the panel's
  // code (by design), so the page holds idle callbacks back: what counts is the launcher alone.
  const launcher = await bytesFetchedBy(
    context,
    scriptTagPage({
      config,
      body: '<script>window.requestIdleCallback = () => 0;</script><loyalty-launcher></loyalty-launcher>',
    }),
    ['loyalty-launcher'],
  );
  const labels = chunkLabels();
  const downloaded = new Set(
    [...none.files, ...all.files, ...survey.files, ...csat.files, ...onSite.files, ...launcher.files].map(
      (file) => file.file,
    ),
  );
  const lazy = readdirSync(cdnDir)
    .filter((file) => file.endsWith('.js') && !downloaded.has(file))
    .map((file) => ({ file, label: labels.get(file) ?? file, size: sizeOfFile(`${cdnDir}/${file}`) }));

  const rows = [
    row('No element (page total)', none.files.length, none.total),
    ...none.files.map((file) => row(`  ${file.label} (${file.file})`, 1, file.size)),
    row('All five elements (page total)', all.files.length, all.total),
    ...all.files.map((file) => row(`  ${file.label} (${file.file})`, 1, file.size)),
    row('<nps-survey> only, popup shown (page total)', survey.files.length, survey.total),
    row('<feedback-survey> CSAT popup shown (page total)', csat.files.length, csat.total),
    ...csat.files.map((file) => row(`  ${file.label} (${file.file})`, 1, file.size)),
    row('<feedback-survey> two-question on-site survey shown (page total)', onSite.files.length, onSite.total),
    row('<loyalty-launcher> only, panel not opened (page total)', launcher.files.length, launcher.total),
    ...launcher.files.map((file) => row(`  ${file.label} (${file.file})`, 1, file.size)),
    ...lazy.map((file) => row(`Lazy, not fetched: ${file.label} (${file.file})`, 1, file.size)),
  ];
  return {
    id: 'scriptTagBytes',
    title: 'Bytes: script tag (files fetched by Chromium)',
    columns: ['What', 'Files', 'Raw', 'Gzip', 'Brotli'],
    rows,
    checks: [
      check(
        'Script tag, no element (referral capture, purchase trigger, outbox)',
        `≤ ${kb(budgets.noElement)} gzip`,
        `${kb(none.total.gzip)} gzip`,
        none.total.gzip <= budgets.noElement,
      ),
      check(
        'Script tag, all five elements',
        `≤ ${kb(budgets.allFive)} gzip`,
        `${kb(all.total.gzip)} gzip`,
        all.total.gzip <= budgets.allFive,
      ),
      check(
        'Script tag, <nps-survey> + feedback SDK',
        `≤ ${kb(budgets.surveyOnly)} gzip`,
        `${kb(survey.total.gzip)} gzip`,
        survey.total.gzip <= budgets.surveyOnly,
      ),
      check(
        'Script tag, <loyalty-launcher> only (panel not opened)',
        `≤ ${kb(budgets.launcherOnly)} gzip`,
        `${kb(launcher.total.gzip)} gzip`,
        launcher.total.gzip <= budgets.launcherOnly,
      ),
    ],
    notes: [
      'gzip -9 and brotli q11 of each file, summed; KB = 1,024 bytes.',
      `The all-five files as one gzip stream would be ${kb(all.asOneFile.gzip)}: chunking costs ${kb(all.total.gzip - all.asOneFile.gzip)}.`,
      ...[...all.blank, ...survey.blank, ...csat.blank, ...onSite.blank, ...launcher.blank].map(
        (tag) => `<${tag}> rendered no text on its page: its lazy code may be missing from the count.`,
      ),
    ],
    data: {
      noElement: none,
      allFive: all,
      surveyOnly: survey,
      csatPopup: csat,
      onSiteSurvey: onSite,
      launcherOnly: launcher,
      lazy,
    },
  };
}
