// Storage in process memory: one instance per app, gone when the process ends. Transactions are
// per-key locks within this process only; sql-storage.ts is the one for several processes.
import { KeyedLock } from './locks.js';
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

const newestFirst = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number =>
  Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export class MemoryStorage implements Storage {
  private readonly customers = new Map<string, CustomerRecord>();
  private readonly activity = new Map<string, ActivityRecord[]>();
  private readonly redemptions = new Map<string, RedemptionRecord[]>();
  private readonly stock = new Map<string, number>();
  private readonly feedback = new Map<string, FeedbackRecord>();
  /** By customer id, then order id. */
  private readonly orders = new Map<string, Map<string, OrderRecord>>();
  private readonly responses = new Map<string, StoredResponse>();
  private readonly savedAt = new Map<string, number>();
  private readonly ids = { counter: 0 };
  private readonly locks = new KeyedLock();

  transaction<T>(key: string, work: (storage: Storage) => Promise<T>): Promise<T> {
    return this.locks.run(key, () => work(this.holding(new Set([key]))));
  }

  /** This storage as seen inside a transaction: locks already held are not taken again. */
  private holding(held: Set<string>): Storage {
    const view = Object.create(this) as MemoryStorage;
    view.transaction = <T>(key: string, work: (storage: Storage) => Promise<T>): Promise<T> => {
      if (held.has(key)) return work(view);
      return this.locks.run(key, async () => {
        held.add(key);
        try {
          return await work(view);
        } finally {
          held.delete(key);
        }
      });
    };
    return view;
  }

  async getCustomer(id: string) {
    return copy(this.customers.get(id));
  }

  async putCustomer(customer: CustomerRecord) {
    this.customers.set(customer.id, copy(customer));
  }

  async listActivity(customerId: string) {
    return copy(this.activity.get(customerId) ?? []).sort(newestFirst);
  }

  async addActivity(customerId: string, item: ActivityRecord) {
    listIn(this.activity, customerId).push(copy(item));
  }

  async listRedemptions(customerId: string) {
    return copy(this.redemptions.get(customerId) ?? []).sort(newestFirst);
  }

  async addRedemption(customerId: string, redemption: RedemptionRecord) {
    listIn(this.redemptions, customerId).push(copy(redemption));
  }

  async findCode(code: string) {
    for (const [customerId, list] of this.redemptions) {
      const redemption = list.find((item) => item.code === code);
      if (redemption) return { customerId, redemption: copy(redemption) };
    }
    return undefined;
  }

  async useCode(code: string) {
    for (const list of this.redemptions.values()) {
      const redemption = list.find((item) => item.code === code);
      if (redemption && !redemption.used) return (redemption.used = true);
    }
    return false;
  }

  async getStock(rewardId: string) {
    return this.stock.get(rewardId) ?? null;
  }

  async setStock(rewardId: string, units: number | null) {
    if (units === null) this.stock.delete(rewardId);
    else this.stock.set(rewardId, units);
  }

  async takeStock(rewardId: string) {
    const units = this.stock.get(rewardId);
    if (units === undefined) return true;
    if (units <= 0) return false;
    this.stock.set(rewardId, units - 1);
    return true;
  }

  async findOrders(orderId: string) {
    const found: OrderRecord[] = [];
    for (const orders of this.orders.values()) {
      const order = orders.get(orderId);
      if (order) found.push(copy(order));
    }
    return found;
  }

  async putOrder(order: OrderRecord) {
    let orders = this.orders.get(order.customerId);
    if (!orders) this.orders.set(order.customerId, (orders = new Map<string, OrderRecord>()));
    orders.set(order.orderId, copy(order));
  }

  async hasOrders(customerId: string) {
    return (this.orders.get(customerId)?.size ?? 0) > 0;
  }

  async ordersToMature(now: string, limit: number) {
    const at = Date.parse(now);
    return [...this.orders.values()]
      .flatMap((orders) => [...orders.values()])
      .filter((order) => order.status === 'pending' && Date.parse(order.maturesAt ?? now) <= at)
      .slice(0, limit)
      .map(({ customerId, orderId }) => ({ customerId, orderId }));
  }

  async findReferrer(code: string) {
    for (const customer of this.customers.values()) if (customer.referral.code === code) return customer.id;
    return undefined;
  }

  async getFeedback(id: string) {
    return copy(this.feedback.get(id));
  }

  async putFeedback(record: FeedbackRecord) {
    this.feedback.set(record.id, copy(record));
  }

  async listFeedback() {
    return copy([...this.feedback.values()]).map(listed);
  }

  async getResponse(scope: string, key: string) {
    return copy(this.responses.get(`${scope}\n${key}`));
  }

  async putResponse(scope: string, key: string, response: StoredResponse) {
    this.responses.set(`${scope}\n${key}`, copy(response));
    this.savedAt.set(`${scope}\n${key}`, Date.now());
  }

  async customersWithExpiredPoints(now: string, limit: number) {
    const at = Date.parse(now);
    return [...this.customers.values()]
      .filter((customer) => customer.expiring.some((lot) => Date.parse(lot.expiresAt) <= at))
      .slice(0, limit)
      .map((customer) => customer.id);
  }

  async dropResponses(before: string, keep: string[]) {
    let dropped = 0;
    for (const [id, at] of this.savedAt) {
      if (at >= Date.parse(before) || keep.includes(id.split('\n')[0])) continue;
      this.responses.delete(id);
      this.savedAt.delete(id);
      dropped++;
    }
    return dropped;
  }

  async nextId(prefix: string) {
    this.ids.counter += 1;
    return `${prefix}_${String(this.ids.counter).padStart(8, '0')}`;
  }

  /** Everything stored, as plain data: tests compare two snapshots to prove nothing changed. */
  snapshot() {
    const entries = <T>(map: Map<string, T>) => copy(Object.fromEntries(map));
    return {
      customers: entries(this.customers),
      activity: entries(this.activity),
      redemptions: entries(this.redemptions),
      stock: entries(this.stock),
      feedback: entries(this.feedback),
      responses: entries(this.responses),
      orders: copy([...this.orders.values()].flatMap((orders) => [...orders.values()])),
      counter: this.ids.counter,
    };
  }
}

function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));
