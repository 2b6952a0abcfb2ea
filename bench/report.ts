// The printed table and bench/results.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Check, Section } from './types.ts';

/** Columns from `figuresFrom` on hold figures and align right. */
function table(columns: string[], rows: string[][], figuresFrom = 1): string {
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => (index >= figuresFrom ? cell.padStart(widths[index]) : cell.padEnd(widths[index])))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

const mark: Record<Check['status'], string> = { pass: 'PASS', fail: 'FAIL', pending: 'PENDING' };

export function printReport(sections: Section[], seconds: number): string {
  const parts: string[] = [];
  for (const section of sections) {
    parts.push(`\n== ${section.title}`);
    if (section.rows.length) parts.push(table(section.columns, section.rows));
    for (const note of section.notes) parts.push(`  note: ${note}`);
  }
  const checks = sections.flatMap((section) => section.checks);
  parts.push('\n== Budgets');
  parts.push(
    table(
      ['Budget', 'Limit', 'Measured', 'Result'],
      checks.map((item) => [
        item.label,
        item.budget,
        item.actual,
        mark[item.status] + (item.note ? ` (${item.note})` : ''),
      ]),
      4,
    ),
  );
  const count = (status: Check['status']) => checks.filter((item) => item.status === status).length;
  parts.push(
    `\nbench: ${count('pass')} passed, ${count('fail')} failed, ${count('pending')} pending in ${seconds.toFixed(0)} s`,
  );
  const text = parts.join('\n');
  console.log(text);
  return text;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function writeResults(
  path: string,
  sections: Section[],
  meta: { command: string; seconds: number; chromium: string | null },
): void {
  const results = {
    generatedAt: new Date().toISOString(),
    command: meta.command,
    durationSeconds: Math.round(meta.seconds),
    commit: git(['rev-parse', '--short', 'HEAD']),
    // Other work in the tree changes the figures; say so.
    uncommittedChanges: (git(['status', '--porcelain', '--', 'src']) ?? '') !== '',
    node: process.version,
    chromium: meta.chromium,
    checks: sections.flatMap((section) => section.checks.map((item) => ({ section: section.id, ...item }))),
    sections: Object.fromEntries(sections.map(({ id, ...rest }) => [id, rest])),
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
