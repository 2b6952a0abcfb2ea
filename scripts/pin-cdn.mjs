// Writes the versioned copy of the script-tag entry and prints its SRI hash, so merchants can pin it.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const entry = 'dist/cdn/loyalty-widgets.js';
const pinned = `dist/cdn/loyalty-widgets.${version}.js`;
copyFileSync(entry, pinned);
const integrity = `sha384-${createHash('sha384').update(readFileSync(pinned)).digest('base64')}`;
console.log(`${pinned}\n  integrity="${integrity}"`);
