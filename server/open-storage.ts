// Where a server keeps its data: PostgreSQL at DATABASE_URL, else the embedded PGlite in a data
// directory (seeded from the program file the first time), or process memory for throwaway runs.
import { Catalog } from './catalog.js';
import type { ProgramFile } from './program.js';
import { MemoryStorage } from './memory-storage.js';
import { seedStorage } from './seed.js';
import { openDatabase } from './sql/engine.js';
import { openSqlStorage } from './sql-storage.js';
import type { Storage } from './storage.js';

export type StorageChoice =
  /** In memory, gone with the process (tests, throwaway scopes). */
  | 'memory'
  /** A PostgreSQL server; `schema` "loyalty" when absent. */
  | { url: string; schema?: string }
  /** The embedded engine; `dataDir` absent: in memory. */
  | { dataDir?: string };

export interface OpenedStorage {
  storage: Storage;
  engine: 'memory' | 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** The storage, migrated, and seeded from `program` when it was created just now. */
export async function openStorage(
  choice: StorageChoice,
  program: ProgramFile,
  now = new Date(),
): Promise<OpenedStorage> {
  const seed = (storage: Storage) => seedStorage(storage, new Catalog(program, now));
  if (choice === 'memory') {
    const storage = new MemoryStorage();
    await seed(storage);
    return { storage, engine: 'memory', close: async () => {} };
  }
  const db = await openDatabase(choice);
  try {
    const schema = 'schema' in choice ? choice.schema : undefined;
    const storage = await openSqlStorage(db, { seed, ...(schema ? { schema } : {}) });
    return { storage, engine: db.engine, close: () => db.close() };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * The choice the environment makes: DATABASE_URL (and LOYALTY_DB_SCHEMA, one schema per program
 * or tenant), else LOYALTY_DATA_DIR (default `fallbackDir`).
 */
export function storageFromEnv(env: NodeJS.ProcessEnv, fallbackDir: string): StorageChoice {
  if (env.DATABASE_URL)
    return { url: env.DATABASE_URL, ...(env.LOYALTY_DB_SCHEMA ? { schema: env.LOYALTY_DB_SCHEMA } : {}) };
  return { dataDir: env.LOYALTY_DATA_DIR || fallbackDir };
}
