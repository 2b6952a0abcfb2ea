// The CI size check: gzip -9 bytes of the JavaScript a page downloads to show every element
// through the script tag (entry and element chunks; other languages and the QR code excepted).
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const ceiling = 36 * 1024;
const dir = 'dist/cdn';
const lazyExtras = /^(lang-|qr|i18n-)/;
const files = readdirSync(dir).filter(
  (name) => name.endsWith('.js') && !/^loyalty-widgets\.\d/.test(name) && !lazyExtras.test(name),
);
let total = 0;
for (const name of files.sort()) {
  const bytes = gzipSync(readFileSync(`${dir}/${name}`), { level: 9 }).length;
  total += bytes;
  console.log(`${String(bytes).padStart(7)} B gzip  ${name}`);
}
const kb = (total / 1024).toFixed(1);
console.log(`size: ${kb} KB gzip for all elements through the script tag (ceiling ${ceiling / 1024} KB)`);
if (total > ceiling) {
  console.error(`size: over the ceiling by ${((total - ceiling) / 1024).toFixed(1)} KB`);
  process.exit(1);
}
