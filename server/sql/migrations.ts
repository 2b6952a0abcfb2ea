// The schema, as ordered migrations. Each runs once per schema, recorded in its `migrations`
// table; a new change is a new entry at the end, never an edit of one already shipped.
//
// The ledger: `movements` is append-only (a trigger refuses UPDATE and DELETE; a correction is a
// new movement), the customer row caches what the movements add up to under CHECK (balance >= 0),
// and `lots` keeps earned points with their expiry so spending takes the soonest-expiring first.
import type { Sql } from './engine.js';

export const MIGRATIONS: { name: string; sql: string }[] = [
  {
    name: 'ledger',
    sql: `
      CREATE TABLE customers (
        id text PRIMARY KEY,
        first_name text,
        balance integer NOT NULL CHECK (balance >= 0),
        pending integer NOT NULL CHECK (pending >= 0),
        lifetime_points integer NOT NULL CHECK (lifetime_points >= 0),
        lifetime_spend bigint NOT NULL CHECK (lifetime_spend >= 0),
        referral jsonb NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE lots (
        id bigserial PRIMARY KEY,
        customer_id text NOT NULL REFERENCES customers (id),
        points integer NOT NULL CHECK (points > 0),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX lots_customer ON lots (customer_id, expires_at);
      CREATE TABLE movements (
        seq bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        customer_id text NOT NULL REFERENCES customers (id),
        type text NOT NULL,
        points integer NOT NULL,
        description text NOT NULL,
        -- What caused it (an order, a redemption, an adjustment key): at most one movement each.
        source text UNIQUE,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX movements_customer ON movements (customer_id, created_at DESC, id DESC);
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% is append-only: add a compensating row instead', TG_TABLE_NAME; END
      $$;
      CREATE TRIGGER movements_append_only BEFORE UPDATE OR DELETE ON movements
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TABLE redemptions (
        seq bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        customer_id text NOT NULL REFERENCES customers (id),
        reward_id text NOT NULL,
        reward_name text NOT NULL,
        code text NOT NULL UNIQUE,
        points_spent integer NOT NULL CHECK (points_spent >= 0),
        created_at timestamptz NOT NULL,
        expires_at timestamptz,
        used boolean NOT NULL DEFAULT false
      );
      CREATE INDEX redemptions_customer ON redemptions (customer_id, created_at DESC, id DESC);
      CREATE TABLE stock (
        reward_id text PRIMARY KEY,
        units integer NOT NULL CHECK (units >= 0)
      );
      CREATE TABLE feedback (
        seq bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        customer_id text,
        answer jsonb NOT NULL
      );
      CREATE TABLE responses (
        scope text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        status integer NOT NULL,
        -- The answer's JSON text as first sent: a replay is byte for byte the same.
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      );
      CREATE INDEX responses_age ON responses (created_at);
      CREATE SEQUENCE ids;
    `,
  },
  {
    // GET/PATCH /v1/me's birthday, given once by the shopper: YYYY-MM-DD text, no time zone to shift it.
    name: 'birthday',
    sql: `ALTER TABLE customers ADD COLUMN birthday text CHECK (birthday ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');`,
  },
  {
    // Orders as refunds and maturing need them (the points earned, refunded so far, pending until
    // when); pending movements (points not yet in the balance); the merchant's email for a
    // customer; referral codes looked up when a friend's order carries one.
    name: 'orders',
    sql: `
      CREATE TABLE orders (
        customer_id text NOT NULL REFERENCES customers (id),
        order_id text NOT NULL,
        total bigint NOT NULL CHECK (total >= 0),
        points integer NOT NULL CHECK (points >= 0),
        status text NOT NULL CHECK (status IN ('pending', 'approved')),
        matures_at timestamptz,
        refunded bigint NOT NULL CHECK (refunded >= 0 AND refunded <= total),
        points_reversed integer NOT NULL CHECK (points_reversed >= 0 AND points_reversed <= points),
        points_unrecovered integer NOT NULL CHECK (points_unrecovered >= 0),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (customer_id, order_id)
      );
      CREATE INDEX orders_id ON orders (order_id);
      CREATE INDEX orders_maturing ON orders (matures_at) WHERE status = 'pending';
      ALTER TABLE movements ADD COLUMN pending boolean NOT NULL DEFAULT false;
      ALTER TABLE customers ADD COLUMN email text;
      CREATE INDEX customers_referral_code ON customers ((referral->>'code'));
    `,
  },
];

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * Brings `schema` up to the last migration inside the caller's transaction, under a lock so
 * several processes starting at once migrate it once. Returns the version it found (0: new).
 */
export async function migrate(sql: Sql, schema: string): Promise<number> {
  const s = quoteIdent(schema);
  await sql.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`loyalty-migrate:${schema}`]);
  await sql.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
  await sql.query(`SET LOCAL search_path TO ${s}`);
  await sql.query(
    'CREATE TABLE IF NOT EXISTS migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const [row] = await sql.query<{ version: number | null }>('SELECT max(id) AS version FROM migrations');
  const found = row?.version ?? 0;
  for (const [index, migration] of MIGRATIONS.entries()) {
    const id = index + 1;
    if (id <= found) continue;
    for (const statement of splitStatements(migration.sql)) await sql.query(statement);
    await sql.query('INSERT INTO migrations (id, name) VALUES ($1, $2)', [id, migration.name]);
  }
  return found;
}

/** Statements one by one (extended-protocol queries take one each); `$$ … $$` bodies kept whole. */
function splitStatements(script: string): string[] {
  const parts = script.split(/(\$\$[\s\S]*?\$\$)/);
  const statements: string[] = [];
  let current = '';
  for (const part of parts) {
    if (part.startsWith('$$')) {
      current += part;
      continue;
    }
    const pieces = part.split(';');
    current += pieces[0];
    for (const piece of pieces.slice(1)) {
      statements.push(current);
      current = piece;
    }
  }
  statements.push(current);
  return statements.map((text) => text.replace(/^\s*--.*$/gm, '').trim()).filter(Boolean);
}
