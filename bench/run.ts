// `npm run bench`: builds the package into bench/.out, serves it with the reference API, and
// measures it in headless Chromium. Prints a table, writes bench/results.json, and exits 1 when
// a budget is missed (2 when the bench itself could not run).
//   --bytes        byte budgets only (fast and deterministic: what CI runs)
//   --only=a,b     run only these cases (ids below); --strict  pending cases count as failures
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { buildPackage, cdnDir } from './build.ts';
import { measureActivityPaging } from './measure/activity-paging.ts';
import { measureCatalogScale } from './measure/catalog-scale.ts';
import { measureCompetitorBytes } from './measure/competitor-bytes.ts';
import { measureLayoutShift } from './measure/layout-shift.ts';
import { measureLighthouse } from './measure/lighthouse.ts';
import { measureLongTasks } from './measure/long-tasks.ts';
import { measureMemory } from './measure/memory.ts';
import { measureNpmBytes } from './measure/npm-bytes.ts';
import { measurePanelOpen } from './measure/panel-open.ts';
import { measureRequests } from './measure/requests.ts';
import { measureScriptTagBytes } from './measure/script-tag-bytes.ts';
import { measureTimeToPoints } from './measure/time-to-points.ts';
import { printReport, writeResults } from './report.ts';
import { startBenchServer, type BenchServer } from './server.ts';
import type { BenchContext, Section } from './types.ts';

interface Case {
  id: string;
  title: string;
  bytes: boolean;
  run(context: BenchContext): Promise<Section> | Section;
}

const cases: Case[] = [
  { id: 'scriptTagBytes', title: 'Bytes: script tag', bytes: true, run: measureScriptTagBytes },
  { id: 'npmBytes', title: 'Bytes: npm entries', bytes: true, run: measureNpmBytes },
  { id: 'competitorBytes', title: 'Bytes: alternatives', bytes: true, run: measureCompetitorBytes },
  { id: 'timeToPoints', title: 'Time to points', bytes: false, run: measureTimeToPoints },
  { id: 'requests', title: 'Requests', bytes: false, run: measureRequests },
  { id: 'panelOpen', title: 'Panel open', bytes: false, run: measurePanelOpen },
  { id: 'catalogScale', title: 'Scale: catalog', bytes: false, run: measureCatalogScale },
  { id: 'activityPaging', title: 'Scale: activity', bytes: false, run: measureActivityPaging },
  { id: 'longTasks', title: 'Main thread', bytes: false, run: measureLongTasks },
  { id: 'layoutShift', title: 'Layout shift', bytes: false, run: measureLayoutShift },
  { id: 'lighthouse', title: 'Lighthouse', bytes: false, run: measureLighthouse },
  { id: 'memory', title: 'Memory', bytes: false, run: measureMemory },
];

const args = process.argv.slice(2);
const bytesOnly = args.includes('--bytes');
const strict = args.includes('--strict');
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const selected = cases.filter((item) => (only ? only.includes(item.id) : !bytesOnly || item.bytes));

/** A case that threw is a failed budget with the reason, and the rest still run. */
function errorSection(item: Case, error: unknown): Section {
  // The first lines say what went wrong (build errors carry ANSI colours and long frames).
  const message = String(error instanceof Error ? error.message : error)
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.trim())
    .slice(0, 3)
    .join(' ')
    .slice(0, 300);
  return {
    id: item.id,
    title: item.title,
    columns: [],
    rows: [],
    checks: [{ label: item.title, budget: 'runs', actual: 'error', status: 'fail', note: message }],
    notes: [],
    data: { error: message },
  };
}

async function main(): Promise<number> {
  process.chdir(fileURLToPath(new URL('..', import.meta.url)));
  const started = performance.now();
  try {
    await buildPackage();
  } catch (error) {
    console.error(`bench: the build failed, nothing to measure\n${String(error).slice(0, 2000)}`);
    return 2;
  }
  let server: BenchServer | undefined;
  let browser: Browser | undefined;
  const sections: Section[] = [];
  try {
    server = await startBenchServer(cdnDir);
    browser = await launchBrowser();
    const context = { server, browser, earlier: sections };
    for (const item of selected) {
      const caseStarted = performance.now();
      process.stderr.write(`bench: ${item.title}…`);
      try {
        sections.push(await item.run(context));
      } catch (error) {
        sections.push(errorSection(item, error));
      }
      process.stderr.write(` ${((performance.now() - caseStarted) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    await browser?.close();
    await server?.close();
  }
  const seconds = (performance.now() - started) / 1000;
  printReport(sections, seconds);
  const partial = bytesOnly || only !== undefined;
  // A partial run must not overwrite the full results the README quotes.
  writeResults(partial ? 'bench/.out/results.partial.json' : 'bench/results.json', sections, {
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    seconds,
    chromium: browser?.version() ?? null,
  });
  const checks = sections.flatMap((section) => section.checks);
  const failed = checks.some((item) => item.status === 'fail' || (strict && item.status === 'pending'));
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('bench: could not run', error);
    process.exit(2);
  },
);
