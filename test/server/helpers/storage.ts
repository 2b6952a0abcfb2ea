// The storage a test API runs on, chosen by LOYALTY_TEST_STORAGE: "memory" (the default for the
// API suites, fast), "pglite" (the embedded PostgreSQL) or "postgres" (DATABASE_URL). Each call
// gets a fresh, empty schema in one database per test process: a PGlite takes seconds to start,
// a schema milliseconds.
import { MemoryStorage } from '../../../server/memory-storage.ts';
import { openDatabase, type Database } from '../../../server/sql/engine.ts';
import { openSqlStorage, type SqlStorage } from '../../../server/sql-storage.ts';
import type { Storage } from '../../../server/storage.ts';

export type Engine = 'memory' | 'pglite' | 'postgres';
export type TestStorage = MemoryStorage | SqlStorage;

export const testEngine = (): Engine => {
  const engine = process.env.LOYALTY_TEST_STORAGE ?? 'memory';
  if (engine !== 'memory' && engine !== 'pglite' && engine !== 'postgres')
    throw new Error(`LOYALTY_TEST_STORAGE must be memory, pglite or postgres, not ${engine}`);
  return engine;
};

const databases = new Map<Engine, Promise<Database>>();

/** One database per engine and test process, opened on first use. */
export function testDatabase(engine: 'pglite' | 'postgres'): Promise<Database> {
  let db = databases.get(engine);
  if (!db) {
    if (engine === 'postgres' && !process.env.DATABASE_URL)
      throw new Error('LOYALTY_TEST_STORAGE=postgres needs DATABASE_URL');
    databases.set(engine, (db = openDatabase(engine === 'postgres' ? { url: process.env.DATABASE_URL } : {})));
  }
  return db;
}

/** Closes what testDatabase opened, so the test process can end. */
export async function closeTestDatabases(): Promise<void> {
  for (const db of databases.values()) await (await db).close();
  databases.clear();
}

export async function freshStorage(
  engine: Engine = testEngine(),
  seed?: (storage: Storage) => Promise<void>,
): Promise<TestStorage> {
  if (engine === 'memory') {
    const storage = new MemoryStorage();
    await seed?.(storage);
    return storage;
  }
  const schema = `test_${crypto.randomUUID().replaceAll('-', '')}`;
  return openSqlStorage(await testDatabase(engine), { schema, ...(seed ? { seed } : {}) });
}
