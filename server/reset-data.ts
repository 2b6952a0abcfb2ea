// `npm run reset-data`: forgets everything the demo and `npm run serve` stored, so the next start
// seeds the program again. The embedded data directories are removed; with DATABASE_URL the
// loyalty schema is dropped (after a 5-second pause to interrupt a mistake).
import { rm } from 'node:fs/promises';
import { openDatabase } from './sql/engine.js';

if (process.env.DATABASE_URL) {
  console.log('reset-data: dropping the loyalty schema at DATABASE_URL in 5 s (Ctrl-C to keep it)');
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const db = await openDatabase({ url: process.env.DATABASE_URL });
  await db.query('DROP SCHEMA IF EXISTS loyalty CASCADE');
  await db.close();
  console.log('reset-data: dropped');
} else {
  const dirs = process.env.LOYALTY_DATA_DIR ? [process.env.LOYALTY_DATA_DIR] : ['.loyalty-data'];
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  console.log(`reset-data: removed ${dirs.join(', ')}; the next start seeds the program again`);
}
