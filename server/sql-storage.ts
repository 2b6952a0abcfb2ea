// Storage in PostgreSQL (PGlite or a server, see sql/engine.ts). Reads outside a transaction see
// committed data; `transaction(key, …)` runs one transaction holding the lock named `key` (an
// advisory lock, so it holds across every process on the database) and reads customer rows FOR
// UPDATE, so check-then-write sequences are safe with any number of API processes.
import type { Database, Sql } from './sql/engine.js';
import { migrate, quoteIdent } from './sql/migrations.js';
import type {
  ActivityRecord,
  CustomerRecord,
  FeedbackRecord,
  OrderRecord,
  RedemptionRecord,
  Storage,
  StoredResponse,
} from './storage.js';
import { listed } from './storage.js';

const iso = (value: unknown): string => new Date(value as string | Date).toISOString();

interface CustomerRow {
  id: string;
  first_name: string | null;
  email: string | null;
  birthday: string | null;
  balance: number;
  pending: number;
  lifetime_points: number;
  lifetime_spend: string | number;
  referral: CustomerRecord['referral'];
  created_at: Date;
}

export interface OpenSqlStorageOptions {
  /** PostgreSQL schema holding the tables; one per tenant or test. "loyalty" when absent. */
  schema?: string;
  /** Runs once, in the transaction that creates the schema (e.g. seeding the demo program). */
  seed?: (storage: Storage) => Promise<void>;
}

export async function openSqlStorage(db: Database, options: OpenSqlStorageOptions = {}): Promise<SqlStorage> {
  const schema = options.schema ?? 'loyalty';
  await db.transaction(async (sql) => {
    const found = await migrate(sql, schema);
    if (found === 0 && options.seed) await options.seed(new SqlStorage(db, schema, sql));
  });
  return new SqlStorage(db, schema);
}

export class SqlStorage implements Storage {
  private readonly s: string;
  /** In a transaction: each customer's lots as read (JSON), so an unchanged set is not rewritten. */
  private readonly lotsRead = new Map<string, string>();

  /** `tx`: the open transaction this instance works in; none for the top level. */
  constructor(
    readonly db: Database,
    readonly schema: string,
    private readonly tx?: Sql,
  ) {
    this.s = quoteIdent(schema);
  }

  private get sql(): Sql {
    return this.tx ?? this.db;
  }

  async transaction<T>(key: string, work: (storage: Storage) => Promise<T>): Promise<T> {
    if (this.tx) {
      await this.lock(key);
      return work(this);
    }
    return this.db.transaction(async (sql) => {
      const tx = new SqlStorage(this.db, this.schema, sql);
      await tx.lock(key);
      return work(tx);
    });
  }

  private async lock(key: string) {
    await this.sql.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${this.schema}\n${key}`]);
  }

  async getCustomer(id: string) {
    // One round trip: the row (locked until commit in a transaction, so nobody else changes it
    // meanwhile) with its lots, soonest expiry first.
    const [row] = await this.sql.query<CustomerRow & { lots: { points: number; expires_at: string }[] }>(
      `SELECT c.*, COALESCE((SELECT json_agg(json_build_object('points', l.points, 'expires_at', l.expires_at)
           ORDER BY l.expires_at, l.id) FROM ${this.s}.lots l WHERE l.customer_id = c.id), '[]') AS lots
       FROM ${this.s}.customers c WHERE c.id = $1${this.tx ? ' FOR UPDATE OF c' : ''}`,
      [id],
    );
    if (!row) return undefined;
    const lots = row.lots;
    if (this.tx) this.lotsRead.set(id, JSON.stringify(lots.map((lot) => [lot.points, iso(lot.expires_at)])));
    const customer: CustomerRecord = {
      id: row.id,
      balance: row.balance,
      pending: row.pending,
      lifetimePoints: row.lifetime_points,
      lifetimeSpend: Number(row.lifetime_spend),
      expiring: lots.map((lot) => ({ points: lot.points, expiresAt: iso(lot.expires_at) })),
      referral: row.referral,
      createdAt: iso(row.created_at),
    };
    if (row.first_name !== null) customer.firstName = row.first_name;
    if (row.email !== null) customer.email = row.email;
    if (row.birthday !== null) customer.birthday = row.birthday;
    return customer;
  }

  async putCustomer(customer: CustomerRecord) {
    await this.sql.query(
      `INSERT INTO ${this.s}.customers AS c
         (id, first_name, balance, pending, lifetime_points, lifetime_spend, referral, created_at, birthday, email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, birthday = excluded.birthday,
         email = excluded.email,
         balance = excluded.balance,
         pending = excluded.pending, lifetime_points = excluded.lifetime_points,
         lifetime_spend = excluded.lifetime_spend, referral = excluded.referral`,
      [
        customer.id,
        customer.firstName ?? null,
        customer.balance,
        customer.pending,
        customer.lifetimePoints,
        customer.lifetimeSpend,
        JSON.stringify(customer.referral),
        customer.createdAt,
        customer.birthday ?? null,
        customer.email ?? null,
      ],
    );
    // Lots are the remainder of each earn; what is left of them is rewritten with the balance, in
    // one statement (the DELETE sees only the rows from before it), unless they are as read in
    // this transaction (the row is locked: nobody else changed them).
    const lots = JSON.stringify(customer.expiring.map((lot) => [lot.points, iso(lot.expiresAt)]));
    if (this.tx && this.lotsRead.get(customer.id) === lots) return;
    if (this.tx) this.lotsRead.set(customer.id, lots);
    await this.sql.query(
      `WITH gone AS (DELETE FROM ${this.s}.lots WHERE customer_id = $1)
       INSERT INTO ${this.s}.lots (customer_id, points, expires_at)
       SELECT $1, points, expires_at FROM unnest($2::integer[], $3::timestamptz[]) AS t (points, expires_at)`,
      [customer.id, customer.expiring.map((lot) => lot.points), customer.expiring.map((lot) => lot.expiresAt)],
    );
  }

  async listActivity(customerId: string) {
    const rows = await this.sql.query<{
      id: string;
      type: string;
      points: number;
      description: string;
      created_at: Date;
      pending: boolean;
    }>(
      `SELECT id, type, points, description, created_at, pending FROM ${this.s}.movements
       WHERE customer_id = $1 ORDER BY created_at DESC, id DESC`,
      [customerId],
    );
    return rows.map((row): ActivityRecord => ({
      id: row.id,
      type: row.type as ActivityRecord['type'],
      points: row.points,
      description: row.description,
      createdAt: iso(row.created_at),
      ...(row.pending ? { pending: true as const } : {}),
    }));
  }

  async addActivity(customerId: string, item: ActivityRecord) {
    await this.sql.query(
      `INSERT INTO ${this.s}.movements (id, customer_id, type, points, description, created_at, pending)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [item.id, customerId, item.type, item.points, item.description, item.createdAt, item.pending === true],
    );
  }

  async listRedemptions(customerId: string) {
    const rows = await this.sql.query<RedemptionRow>(
      `SELECT * FROM ${this.s}.redemptions WHERE customer_id = $1 ORDER BY created_at DESC, id DESC`,
      [customerId],
    );
    return rows.map(redemptionOf);
  }

  async findCode(code: string) {
    const [row] = await this.sql.query<RedemptionRow>(`SELECT * FROM ${this.s}.redemptions WHERE code = $1`, [code]);
    return row && { customerId: row.customer_id, redemption: redemptionOf(row) };
  }

  async useCode(code: string) {
    const used = await this.sql.query(
      `UPDATE ${this.s}.redemptions SET used = true WHERE code = $1 AND NOT used RETURNING id`,
      [code],
    );
    return used.length > 0;
  }

  async addRedemption(customerId: string, redemption: RedemptionRecord) {
    await this.sql.query(
      `INSERT INTO ${this.s}.redemptions
         (id, customer_id, reward_id, reward_name, code, points_spent, created_at, expires_at, used)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        redemption.id,
        customerId,
        redemption.rewardId,
        redemption.rewardName,
        redemption.code,
        redemption.pointsSpent,
        redemption.createdAt,
        redemption.expiresAt ?? null,
        redemption.used,
      ],
    );
  }

  async getStock(rewardId: string) {
    const [row] = await this.sql.query<{ units: number }>(`SELECT units FROM ${this.s}.stock WHERE reward_id = $1`, [
      rewardId,
    ]);
    return row ? row.units : null;
  }

  async setStock(rewardId: string, units: number | null) {
    if (units === null) await this.sql.query(`DELETE FROM ${this.s}.stock WHERE reward_id = $1`, [rewardId]);
    else
      await this.sql.query(
        `INSERT INTO ${this.s}.stock (reward_id, units) VALUES ($1, $2)
         ON CONFLICT (reward_id) DO UPDATE SET units = excluded.units`,
        [rewardId, units],
      );
  }

  async takeStock(rewardId: string) {
    // One statement: the row lock makes a concurrent taker wait and then see the new count; a
    // reward without a stock row has no limit.
    const [row] = await this.sql.query<{ taken: boolean; limited: boolean }>(
      `WITH taken AS (UPDATE ${this.s}.stock SET units = units - 1 WHERE reward_id = $1 AND units > 0 RETURNING 1)
       SELECT EXISTS (SELECT 1 FROM taken) AS taken,
         EXISTS (SELECT 1 FROM ${this.s}.stock WHERE reward_id = $1) AS limited`,
      [rewardId],
    );
    return row.taken || !row.limited;
  }

  async findOrders(orderId: string) {
    const rows = await this.sql.query<OrderRow>(
      `SELECT * FROM ${this.s}.orders WHERE order_id = $1 ORDER BY created_at${this.tx ? ' FOR UPDATE' : ''}`,
      [orderId],
    );
    return rows.map(orderOf);
  }

  async putOrder(order: OrderRecord) {
    await this.sql.query(
      `INSERT INTO ${this.s}.orders (customer_id, order_id, total, points, status, matures_at, refunded,
         points_reversed, points_unrecovered, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (customer_id, order_id) DO UPDATE SET status = excluded.status, refunded = excluded.refunded,
         points_reversed = excluded.points_reversed, points_unrecovered = excluded.points_unrecovered`,
      [
        order.customerId,
        order.orderId,
        order.total,
        order.points,
        order.status,
        order.maturesAt ?? null,
        order.refunded,
        order.pointsReversed,
        order.pointsUnrecovered,
        order.createdAt,
      ],
    );
  }

  async hasOrders(customerId: string) {
    const rows = await this.sql.query(`SELECT 1 FROM ${this.s}.orders WHERE customer_id = $1 LIMIT 1`, [customerId]);
    return rows.length > 0;
  }

  async ordersToMature(now: string, limit: number) {
    const rows = await this.sql.query<{ customer_id: string; order_id: string }>(
      `SELECT customer_id, order_id FROM ${this.s}.orders WHERE status = 'pending' AND matures_at <= $1
       ORDER BY matures_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => ({ customerId: row.customer_id, orderId: row.order_id }));
  }

  async findReferrer(code: string) {
    const [row] = await this.sql.query<{ id: string }>(
      `SELECT id FROM ${this.s}.customers WHERE referral->>'code' = $1 LIMIT 1`,
      [code],
    );
    return row?.id;
  }

  async getFeedback(id: string) {
    const [row] = await this.sql.query<{ answer: FeedbackRecord }>(
      `SELECT answer FROM ${this.s}.feedback WHERE id = $1`,
      [id],
    );
    return row?.answer;
  }

  async putFeedback(record: FeedbackRecord) {
    await this.sql.query(
      `INSERT INTO ${this.s}.feedback (id, customer_id, answer) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, answer = excluded.answer`,
      [record.id, record.customerId, JSON.stringify(record)],
    );
  }

  async listFeedback() {
    const rows = await this.sql.query<{ answer: FeedbackRecord }>(`SELECT answer FROM ${this.s}.feedback ORDER BY seq`);
    return rows.map((row) => listed(row.answer));
  }

  async getResponse(scope: string, key: string) {
    const [row] = await this.sql.query<{ fingerprint: string; status: number; body: string }>(
      `SELECT fingerprint, status, body FROM ${this.s}.responses WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    return row && { fingerprint: row.fingerprint, status: row.status, body: JSON.parse(row.body) as unknown };
  }

  async putResponse(scope: string, key: string, response: StoredResponse) {
    await this.sql.query(
      `INSERT INTO ${this.s}.responses (scope, key, fingerprint, status, body) VALUES ($1, $2, $3, $4, $5)`,
      [scope, key, response.fingerprint, response.status, JSON.stringify(response.body)],
    );
  }

  async customersWithExpiredPoints(now: string, limit: number) {
    const rows = await this.sql.query<{ customer_id: string }>(
      `SELECT DISTINCT customer_id FROM ${this.s}.lots WHERE expires_at <= $1 LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.customer_id);
  }

  async dropResponses(before: string, keep: string[]) {
    const dropped = await this.sql.query(
      `DELETE FROM ${this.s}.responses WHERE created_at < $1 AND NOT (scope = ANY($2)) RETURNING 1`,
      [before, keep],
    );
    return dropped.length;
  }

  async nextId(prefix: string) {
    const rows = await this.sql.query<{ id: string | number }>(`SELECT nextval('${this.s}.ids') AS id`);
    return `${prefix}_${String(rows[0]?.id).padStart(8, '0')}`;
  }

  /** Everything stored, as plain data: tests compare two snapshots to prove nothing changed. */
  async snapshot() {
    const tables = ['customers', 'lots', 'movements', 'redemptions', 'stock', 'feedback', 'responses', 'orders'];
    const dump: Record<string, unknown> = {};
    for (const table of tables)
      dump[table] = JSON.parse(JSON.stringify(await this.sql.query(`SELECT * FROM ${this.s}.${table} ORDER BY 1, 2`)));
    const [ids] = await this.sql.query(`SELECT last_value, is_called FROM ${this.s}.ids`);
    dump.ids = ids;
    return dump;
  }
}

interface OrderRow {
  customer_id: string;
  order_id: string;
  total: string | number;
  points: number;
  status: OrderRecord['status'];
  matures_at: Date | null;
  refunded: string | number;
  points_reversed: number;
  points_unrecovered: number;
  created_at: Date;
}

const orderOf = (row: OrderRow): OrderRecord => ({
  orderId: row.order_id,
  customerId: row.customer_id,
  total: Number(row.total),
  points: row.points,
  status: row.status,
  ...(row.matures_at === null ? {} : { maturesAt: iso(row.matures_at) }),
  refunded: Number(row.refunded),
  pointsReversed: row.points_reversed,
  pointsUnrecovered: row.points_unrecovered,
  createdAt: iso(row.created_at),
});

interface RedemptionRow {
  id: string;
  customer_id: string;
  reward_id: string;
  reward_name: string;
  code: string;
  points_spent: number;
  created_at: Date;
  expires_at: Date | null;
  used: boolean;
}

const redemptionOf = (row: RedemptionRow): RedemptionRecord => ({
  id: row.id,
  rewardId: row.reward_id,
  rewardName: row.reward_name,
  code: row.code,
  pointsSpent: row.points_spent,
  createdAt: iso(row.created_at),
  ...(row.expires_at === null ? {} : { expiresAt: iso(row.expires_at) }),
  used: row.used,
});
