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
// feedback-delivered in the outbox): 58.8 KB in all, the launcher page 29.4 KB.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const target = 36 * 1024;
const ceiling = 59 * 1024;
const launcherTarget = 15 * 1024;
const launcherCeiling = 29.5 * 1024;
const dir = process.argv[2] ?? 'dist/cdn';
const lazyExtras = /^(lang-|qr-)/;
const files = readdirSync(dir).filter(
  (name) => name.endsWith('.js') && !/^loyalty-widgets\.\d/.test(name) && !lazyExtras.test(name),
);
let total = 0;
let launcherPage = 0;
for (const name of files.sort()) {
  const bytes = gzipSync(readFileSync(`${dir}/${name}`), { level: 9 }).length;
  total += bytes;
  if (/^(loyalty-widgets\.js|shared-|loyalty-launcher-)/.test(name)) launcherPage += bytes;
  console.log(`${String(bytes).padStart(7)} B gzip  ${name}`);
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`size: ${kb(total)} gzip for all elements through the script tag`);
console.log(
  total > target
    ? `size: ${kb(total - target)} over the ${kb(target)} target (ratchet ${kb(ceiling)}: CI fails above it)`
    : `size: within the ${kb(target)} target`,
);
console.log(
  `size: ${kb(launcherPage)} gzip for a page with only <loyalty-launcher> (target ${kb(launcherTarget)}, ratchet ${kb(launcherCeiling)})`,
);
if (launcherPage > launcherCeiling) {
  console.error(`size: the launcher page is over its ratchet by ${kb(launcherPage - launcherCeiling)}`);
  process.exitCode = 1;
}
if (total > ceiling) {
  console.error(`size: over the ratchet by ${kb(total - ceiling)}`);
  process.exit(1);
}
