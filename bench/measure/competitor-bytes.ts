// The same sizing applied to what the alternatives ship on npm.
import { existsSync } from 'node:fs';
import { kb, sizeOfFile, total, type Size } from '../compress.ts';
import type { BenchContext, Section } from '../types.ts';
import type { PageBytes } from './script-tag-bytes.ts';

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

/** Ours, from the script-tag case when it ran: what a storefront downloads through the tag. */
function ours(earlier: Section[]): { name: string; size: Size }[] {
  const section = earlier.find((item) => item.id === 'scriptTagBytes');
  if (!section) return [];
  const data = section.data as Record<'allFive' | 'surveyOnly', PageBytes>;
  return [
    { name: 'loyalty-widgets: all five elements (script tag)', size: data.allFive.total },
    { name: 'loyalty-widgets: <nps-survey> popup (script tag)', size: data.surveyOnly.total },
  ];
}

export function measureCompetitorBytes({ earlier }: Pick<BenchContext, 'earlier'>): Section {
  const rows = ours(earlier).map(({ name, size }) => [name, kb(size.raw), kb(size.gzip), kb(size.brotli)]);
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
  notes.push('Formbricks fetches the rest of its SDK from its own server at run time; only the npm loader is sized.');
  return {
    id: 'competitorBytes',
    title: 'Bytes side by side: what a page downloads, sized the same way (alternatives from node_modules)',
    columns: ['What', 'Raw', 'Gzip', 'Brotli'],
    rows,
    checks: [],
    notes,
    data,
  };
}
