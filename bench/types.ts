// What every measurement returns: rows for the printed table, budget checks, and raw data for
// bench/results.json.
import type { Browser } from 'playwright-core';
import type { BenchServer } from './server.ts';

/** pending: the element the case needs does not render yet, so there is nothing to judge. */
export type Status = 'pass' | 'fail' | 'pending';

export interface Check {
  label: string;
  budget: string;
  actual: string;
  status: Status;
  note?: string;
}

export interface Section {
  id: string;
  title: string;
  columns: string[];
  rows: string[][];
  checks: Check[];
  notes: string[];
  data: unknown;
}

export interface BenchContext {
  server: BenchServer;
  browser: Browser;
  /** Sections measured so far in this run (the comparison reuses the script-tag figures). */
  earlier: Section[];
}

export const check = (label: string, budget: string, actual: string, ok: boolean, note?: string): Check => ({
  label,
  budget,
  actual,
  status: ok ? 'pass' : 'fail',
  ...(note ? { note } : {}),
});

export const pending = (label: string, budget: string, note: string): Check => ({
  label,
  budget,
  actual: 'n/a',
  status: 'pending',
  note,
});
