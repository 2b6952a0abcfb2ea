// Lighthouse performance (its mobile profile: a mid-range phone, slow 4G, simulated) on the
// all-five page from the script tag, files served compressed as a CDN would. Each run starts a
// fresh Chromium (an empty cache and profile); the median of three counts.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { Scope } from '../api.ts';
import { allFive, scriptTagPage } from '../pages.ts';
import { ms, summarize } from '../stats.ts';
import { check, pending, type BenchContext, type Section } from '../types.ts';

export const budget = { score: 95 };
const runs = 3;

interface Run {
  score: number;
  cls: number;
  tbt: number;
  lcp: number;
}

async function audit(url: string, chromePath: string): Promise<Run> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', ...chromiumArgs],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
    const metric = (id: string) => audits[id]?.numericValue ?? NaN;
    return {
      score: Math.round((categories.performance.score ?? 0) * 100),
      cls: metric('cumulative-layout-shift'),
      tbt: metric('total-blocking-time'),
      lcp: metric('largest-contentful-paint'),
    };
  } finally {
    chrome.kill();
  }
}

export async function measureLighthouse({ server }: BenchContext): Promise<Section> {
  const title = 'Lighthouse: performance, mobile profile, all five elements from the script tag (files compressed)';
  const label = 'Lighthouse performance, mobile, all five (median of 3)';
  let chromePath: string;
  try {
    chromePath = findChromium();
  } catch (error) {
    const note = `skipped: ${error instanceof Error ? error.message : String(error)}`;
    return {
      id: 'lighthouse',
      title,
      columns: [],
      rows: [],
      checks: [pending(label, `≥ ${budget.score}`, note)],
      notes: [note],
      data: null,
    };
  }
  const scope = new Scope(`${server.origin}/api`);
  const ada = await scope.token('c_ada');
  const url = server.page(scriptTagPage({ config: { apiBase: scope.apiBase, ...ada }, body: allFive }));
  const results: Run[] = [];
  for (let run = 0; run < runs; run++) results.push(await audit(url, chromePath));
  const score = summarize(results.map((item) => item.score));
  const row = (name: string, values: number[], format: (value: number) => string) => {
    const summary = summarize(values);
    return [name, format(summary.median), `${format(summary.min)} – ${format(summary.max)}`];
  };
  return {
    id: 'lighthouse',
    title,
    columns: ['Measure', 'Median', 'Range'],
    rows: [
      row(
        'Performance score',
        results.map((item) => item.score),
        String,
      ),
      row(
        'Cumulative Layout Shift',
        results.map((item) => item.cls),
        (value) => value.toFixed(3),
      ),
      row(
        'Total Blocking Time',
        results.map((item) => item.tbt),
        ms,
      ),
      row(
        'Largest Contentful Paint',
        results.map((item) => item.lcp),
        ms,
      ),
    ],
    checks: [check(label, `≥ ${budget.score}`, String(score.median), score.median >= budget.score)],
    notes: ['Lighthouse 12 with its default mobile settings (simulated throttling), a fresh Chromium per run.'],
    data: results,
  };
}
