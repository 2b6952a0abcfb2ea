// The same sizing applied to what the alternatives ship on npm.
import { existsSync } from 'node:fs';
import { kb, sizeOfFile, total, type Size } from '../compress.ts';
import type { Section } from '../types.ts';

const competitors = [
  {
    name: 'posthog-js: core + surveys (one NPS popup)',
    files: ['node_modules/posthog-js/dist/array.js', 'node_modules/posthog-js/dist/surveys.js'],
  },
  {
    // The rest of Formbricks is fetched from its server and is not on npm.
    name: '@formbricks/js (loader only)',
    files: ['node_modules/@formbricks/js/dist/index.js'],
  },
];

export function measureCompetitorBytes(): Section {
  const rows: string[][] = [];
  const data: Record<string, Size> = {};
  const notes: string[] = [];
  for (const { name, files } of competitors) {
    const present = files.filter((file) => existsSync(file));
    if (present.length < files.length) {
      notes.push(`${name}: not installed (${files.filter((file) => !present.includes(file)).join(', ')})`);
      continue;
    }
    const size = total(present.map(sizeOfFile));
    data[name] = size;
    rows.push([name, kb(size.raw), kb(size.gzip), kb(size.brotli)]);
  }
  return {
    id: 'competitorBytes',
    title: 'Bytes: alternatives, sized the same way from node_modules',
    columns: ['Package', 'Raw', 'Gzip', 'Brotli'],
    rows,
    checks: [],
    notes,
    data,
  };
}
