// The CI size check (`node scripts/size.mjs [dir]`, dist/cdn by default): gzip -9 bytes of the
// JavaScript a page downloads to show every element through the script tag (entry, shared and
// element chunks; other languages and the QR code excepted).
//
// The foundation issue sets a 36 KB ceiling; the five elements are above it today. Until they are
// slimmed, CI fails only when the figure grows past the ratchet below, and prints how far it is
// from the target. Lower the ratchet whenever the figure drops; never raise it without a note.
// Raised 41 -> 41.5 KB on 2026-12-05: that session's fixes cost 0.3 KB together (40.9 -> 41.2
// KB): a redemption's Web Lock across tabs, the catalog dialog reopened with its code, a refused
// token in the outbox, a survey with no element defined, an answer kept for the shopper who
// scored it, live typing of variable points, broken images shown again with a new URL.
// Raised 41.5 -> 41.8 KB on 2026-12-05 (issue 14): configure({ api }) costs 0.4 KB (41.3 -> 41.7
// KB): the endpoint table with a merchant's paths, queries and mappings, and the cache-key
// fingerprint of a mapping. As a lazy chunk it saved 0.1 KB on pages without a mapping and cost
// 0.45 KB and one more request on pages with one, so it stays in the shared chunk.
// Raised 41.5 -> 42 KB (issue 14, identity branch): 41.3 -> 41.9 KB for one identity module (a
// failing token provider retried and timed out, not a sign-out; 401s sharing one refresh), the
// script tag's token URL fetched once and its tag found after a redirect, and discover() with
// elements found in open shadow roots.
// Raised 41.5 -> 42.5 KB on 2026-12-05 (issue 14, tolerant reader): 41.2 -> 42.3 KB for display
// fields with fallbacks, enum values kept and shown with neutral labels, URLs resolved against
// the response, and a spent redemption's code recovered from GET /v1/redemptions.
// Raised 41.8 -> 47.8 KB on 2026-12-05 (issue 17): two new elements, <loyalty-launcher> (2.5 KB)
// and <loyalty-panel> (3.3 KB with the birthday form), each a lazy chunk of its own, and 0.1 KB
// in the shared chunk (open()/close(), the client's PATCH, me.birthday): 47.7 KB. The figure that matters
// for them is the launcher page below: a page with only the launcher downloads the entry, the
// shared chunk (Lit, the SDK, the element base) and the launcher's chunk; the panel and the
// elements it shows come on first open, hover, focus or idle time. Issue 17 asks for 15 KB;
// the shared chunk alone is 23 KB, so the launcher page has a ratchet of its own until the
// shared chunk is slimmed.
// Raised 49 -> 51.5 KB and the launcher page 27.5 -> 29.5 KB on 2026-12-05, after merging this
// session's branches (issues 14, 15, 17): 50.9 KB and 29.1 KB. Each branch measured its own cost
// alone; together the shared chunk went 22.6 -> 25.5 KB (identity, endpoint mapping, tolerant
// reading, outbox limits, typed events, panel requests, the client's PATCH, the per-call shopper
// check). Issue 16 (load only what the page uses) is where these come down.
// Raised 51.5 -> 59 KB on 2026-12-05 (issue 19): a new element, <feedback-survey>, all of it in
// chunks of its own that a page loads only when it shows a program survey or enables their
// triggers: the element (2.1 KB), its UI (2.6 KB), responses and rules (1.4 KB), opening (0.6
// KB), triggers (1 KB); <nps-survey>'s styles, which it imports, became a chunk of their own
// (0.8 KB, out of nps-survey's). The shared chunk grew 0.2 KB (track(), the lazy entry points,
// feedback-delivered in the outbox): 58.8 KB in all, the launcher page 29.4 KB, before the
// split below.
// Issue 16 (2026-12-05): the script tag loads only what the page uses, so the figure per page is
// what gates: a page's files are the entry, the chunks it asks for (its elements; the API code with
// any element; the survey code when the popup shows) and whatever those import statically. Each
// page has its budget (issue 16) and a ratchet at what was reached: CI fails above the ratchet.
// The no-element page (referral capture, purchase trigger, outbox) went 26.6 -> 8.3 KB: Lit and
// the element base (ui chunk), ky with the client, endpoint table and response checks (network
// chunk), survey rules and delivery (survey chunk) and referral capture (referral chunk) each load
// on first need. The split costs element pages against one shared chunk (more files, fewer
// repeats for gzip to find): all five 45.1 -> 48.2 KB, the survey page 30.2 -> 32.1 KB, the
// launcher page 29.1 -> 28.3 KB (element chunks are issue 16's other half). Measured one at a
// time: the network chunk saves the no-element page 5.2 KB and costs element pages 0.5-0.6 KB;
// the survey and referral chunks save it 3.7 KB and the launcher page 2.7 KB and cost the
// all-five page 1.0 KB; ky inside the ui chunk would save element pages 0.3-0.4 KB and cost a
// referral landing page 9.6 KB of Lit. The all-element total (ratchet 51.5 -> 54.5 KB) now also
// counts those chunks and the bundler's 0.15 KB runtime: 54.2 KB.
// Raised on 2026-12-05 after merging this session's branches (issues 16, 17, 19): the launcher
// page 28.5 -> 29 KB (28.9: track(), the program surveys' starter and the lazy-part helper for
// failed loads joined the core and ui chunks), the survey page 32.5 -> 34 KB (33.8) and all five
// 48.5 -> 49.5 KB (49.4) now that they count the survey's inside, which loads when it opens (these
// pages open it; a page whose survey never opens saves 2.1 KB), and the all-chunk total 54.5 ->
// 65.5 KB (65.2) with <feedback-survey>'s chunks (8.6 KB, none on a page without it) and the
// redemption dialog's. All five as one gzip stream is 42.4 KB: the 28 KB budget is out of reach of
// the code as it is, whatever the split (issue 16's note). Then 8.5 -> 8.7 KB for the no-element
// page, 34 -> 34.2 and 49.5 -> 49.8 KB: refresh() asking again after a read already under way (a
// fix, 0.1 KB in the SDK core) left them at or past their ratchets by under 0.1 KB.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const dir = process.argv[2] ?? 'dist/cdn';
const lazyExtras = /^(lang-|qr-)/;
const files = readdirSync(dir).filter(
  (name) => name.endsWith('.js') && !/^loyalty-widgets\.\d/.test(name) && !lazyExtras.test(name),
);
const gzip = new Map(files.map((name) => [name, gzipSync(readFileSync(`${dir}/${name}`), { level: 9 }).length]));

/** The chunks `names` import statically (what the browser fetches before running them), and themselves. */
function closure(names) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const code = readFileSync(`${dir}/${name}`, 'utf8');
    for (const [, file] of code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) visit(file);
  };
  names.forEach(visit);
  return seen;
}
// Exactly the name and its 8-character hash: "survey" must not find survey-ui, nor
// "feedback-survey" feedback-survey-view, whichever sorts first.
const chunk = (prefix) =>
  files.find((name) => name.length === prefix.length + 12 && name.startsWith(`${prefix}-`)) ?? `${prefix}-(missing)`;
const entry = 'loyalty-widgets.js';
const elements = (...tags) => [entry, chunk('network'), ...tags.map(chunk)];

// [what, files it loads, budget (issue 16; null: report only), ratchet (CI fails above it)]
const pages = [
  ['script tag, no element (referral capture, purchase trigger, outbox)', [entry], 12, 8.7],
  // Issue 17's figure; the ui (Lit, element base) and network (ky, checks) chunks are 17.3 KB of it.
  ['<loyalty-launcher> only, panel not opened', elements('loyalty-launcher'), 15, 29],
  // The survey's inside (survey-ui) loads when it opens, as it does on these pages.
  ['<nps-survey> popup shown', [...elements('nps-survey'), chunk('survey'), chunk('survey-ui')], 20, 34.2],
  [
    'all five elements',
    [
      ...elements('loyalty-balance', 'loyalty-activity', 'reward-catalog', 'nps-survey', 'referral-share'),
      chunk('survey'),
      chunk('survey-ui'),
    ],
    28,
    49.8,
  ],
  // Issue 19's program surveys, opened by the page: the element, its definition's reader and
  // answers (responses, survey), and the view that loads when it opens; in place, the rules'
  // check (show) too. No budget of their own: report only, ratchets at what they reach on
  // 2026-12-05 (35.8 and 36.4 KB by `npm run bench -- --bytes`) + 0.3 KB.
  ['<feedback-survey> CSAT popup shown', [...elements('feedback-survey'), chunk('feedback-survey-view')], null, 36.1],
  [
    '<feedback-survey> two-question survey in place',
    [...elements('feedback-survey'), chunk('feedback-survey-view'), chunk('show')],
    null,
    36.7,
  ],
];

let total = 0;
for (const name of files.sort()) {
  total += gzip.get(name);
  console.log(`${String(gzip.get(name)).padStart(7)} B gzip  ${name}`);
}
const target = 36 * 1024;
const ceiling = 65.5 * 1024;
console.log(`size: ${kb(total)} gzip for all elements through the script tag`);
console.log(
  total > target
    ? `size: ${kb(total - target)} over the ${kb(target)} target (ratchet ${kb(ceiling)}: CI fails above it)`
    : `size: within the ${kb(target)} target`,
);
for (const [what, names, budget, ratchet] of pages) {
  const loaded = closure(names);
  const bytes = [...loaded].reduce((sum, name) => sum + (gzip.get(name) ?? 0), 0);
  const state =
    budget === null
      ? `report only, ratchet ${ratchet} KB`
      : bytes <= budget * 1024
        ? 'within budget'
        : `budget ${budget} KB, ratchet ${ratchet} KB`;
  console.log(`size: ${kb(bytes)} gzip for ${what} (${loaded.size} files; ${state})`);
  if (bytes > ratchet * 1024) {
    console.error(`size: ${what} is over its ratchet by ${kb(bytes - ratchet * 1024)}`);
    process.exitCode = 1;
  }
}
if (total > ceiling) {
  console.error(`size: over the ratchet by ${kb(total - ceiling)}`);
  process.exitCode = 1;
}
