// The two PostgreSQL engines behind one small interface: PGlite (embedded, in this process, the
// default) and node-postgres (a real server at DATABASE_URL, the path past one machine). The
// storage speaks SQL only through this, so both run the same schema, migrations and queries.
import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database extends Sql {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL server (postgres://…); the embedded engine when absent. */
  url?: string;
  /** The embedded engine's data directory; in memory when absent (tests). */
  dataDir?: string;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  // PGlite makes only the last directory (`.loyalty-data/demo` on a fresh clone has neither).
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db: PGlite = await PGlite.create(dataDir ? { dataDir } : {});
  return {
    engine: 'pglite',
    query: async (text, params) => (await db.query<never>(text, params)).rows,
    // PGlite is one connection: its transactions already run one at a time in this process.
    transaction: (work) =>
      db.transaction((tx) => work({ query: async (text, params) => (await tx.query<never>(text, params)).rows })),
    close: () => db.close(),
  };
}

/** Deadlock and serialization failures: the transaction did nothing and may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool: Pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Idle connections alone do not keep a process (a test, a script) alive.
    allowExitOnIdle: true,
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('loyalty api: database connection lost', error.message));
  const on = (client: Pool | PoolClient): Sql => ({
    query: async <Row>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as Row[],
  });
  return {
    engine: 'postgres',
    ...on(pool),
    async transaction(work) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await work(on(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (attempt < 3 && RETRYABLE.has((error as { code?: string }).code ?? '')) continue;
          throw error;
        } finally {
          client.release();
        }
      }
    },
    close: () => pool.end(),
  };
}
