// What the API keeps between requests. The in-memory implementation (memory-storage.ts) serves
// the demo and tests; a merchant backend would implement this on its database.
//
// Reads return copies, so a handler can build its answer from them without touching stored state.
// Writes that span several calls (a redemption: balance, redemption, activity) run in
// `transaction(key, …)`: one database transaction (sql-storage.ts), or a per-key lock in memory.
import type { ActivityType } from './program.js';

export interface CustomerRecord {
  id: string;
  firstName?: string;
  /** Set by the merchant (PUT /admin/v1/customers/{id}); never shown to the shopper's widgets. */
  email?: string;
  balance: number;
  /** Earned but not yet spendable (e.g. orders within their return window). */
  pending: number;
  lifetimePoints: number;
  /** Minor units of the program currency. */
  lifetimeSpend: number;
  /** Points that will expire, in any order; spending uses the soonest-expiring points first. */
  expiring: { points: number; expiresAt: string }[];
  referral: { code: string; invited: number; converted: number; pointsEarned: number };
  /** YYYY-MM-DD, once the shopper gave it; they cannot change it afterwards. */
  birthday?: string;
  createdAt: string;
}

export interface ActivityRecord {
  id: string;
  type: ActivityType;
  /** Signed: negative for redemptions and expiries. */
  points: number;
  description: string;
  createdAt: string;
  /** Points earned but not yet in the balance (an order within its return window). */
  pending?: true;
}

/** An order the customer earned points for: what refunds and maturing work from. */
export interface OrderRecord {
  orderId: string;
  customerId: string;
  /** Minor units of the program currency. */
  total: number;
  /** Points the order earned. */
  points: number;
  /** `pending` until `maturesAt`, when its points (less any refunded) join the balance. */
  status: 'pending' | 'approved';
  maturesAt?: string;
  /** Minor units refunded so far. */
  refunded: number;
  /** Points taken back for those refunds, and those that could not be (already spent). */
  pointsReversed: number;
  pointsUnrecovered: number;
  createdAt: string;
}

export interface RedemptionRecord {
  id: string;
  rewardId: string;
  /** The reward's name when it was redeemed. */
  rewardName: string;
  code: string;
  pointsSpent: number;
  createdAt: string;
  expiresAt?: string;
  used: boolean;
}

/** A scale's number, thumbs' up or down, a choice's id, open text, or the choices of a multiple choice. */
export type SurveyAnswerValue = number | string | { choices: string[]; other?: string };

export interface FeedbackRecord {
  /** The client's UUID for this answer. */
  id: string;
  /** Null for an answer from a guest checkout. */
  customerId: string | null;
  /** `nps` for <nps-survey>'s answer, else the id of a survey of the program file. */
  survey: string;
  /** NPS: required. */
  score?: number;
  comment?: string;
  /** A program file survey's answers by question id, merged question by question. */
  answers?: Record<string, SurveyAnswerValue>;
  /** A program file survey: the shopper reached its end. */
  completed?: boolean;
  orderId?: string;
  page?: string;
  locale?: string;
  answeredAt: string;
  receivedAt: string;
  updatedAt: string;
  /** SHA-256 (base64url) of the guest's editKey: who may change a guest answer. Never listed. */
  guestKey?: string;
}

/** A finished keyed request, replayed when the same Idempotency-Key comes again. */
export interface StoredResponse {
  /** Identifies the request (method, path, body) that the key was first used with. */
  fingerprint: string;
  status: number;
  body: unknown;
}

export interface Storage {
  /**
   * Runs `work` with a storage bound to one transaction that holds the lock named `key` (a
   * customer id, or another name) until it ends: its writes happen together or, when it throws,
   * not at all (in memory: checks come before writes). Called on that storage, it takes one more
   * lock in the same transaction.
   */
  transaction<T>(key: string, work: (storage: Storage) => Promise<T>): Promise<T>;

  getCustomer(id: string): Promise<CustomerRecord | undefined>;
  putCustomer(customer: CustomerRecord): Promise<void>;

  /** Newest first (createdAt, then id, both descending). */
  listActivity(customerId: string): Promise<ActivityRecord[]>;
  addActivity(customerId: string, item: ActivityRecord): Promise<void>;

  /** Newest first. */
  listRedemptions(customerId: string): Promise<RedemptionRecord[]>;
  addRedemption(customerId: string, redemption: RedemptionRecord): Promise<void>;
  /** The redemption that issued `code`, and whose it is. */
  findCode(code: string): Promise<{ customerId: string; redemption: RedemptionRecord } | undefined>;
  /** Marks the code used; false when it already was (or does not exist). Atomic: used once. */
  useCode(code: string): Promise<boolean>;

  /** Units left, or null when the reward has no stock limit. */
  getStock(rewardId: string): Promise<number | null>;
  setStock(rewardId: string, units: number | null): Promise<void>;
  /** Takes one unit if any is left; false when out of stock. Atomic: the last unit goes once. */
  takeStock(rewardId: string): Promise<boolean>;

  /** Orders with this id (one per customer at most; the admin API keeps ids unique). */
  findOrders(orderId: string): Promise<OrderRecord[]>;
  /** Creates or replaces the order (customerId, orderId). */
  putOrder(order: OrderRecord): Promise<void>;
  /** Whether the customer has any order recorded (a referral rewards only a first order). */
  hasOrders(customerId: string): Promise<boolean>;
  /** Pending orders whose `maturesAt` is at or before `now` (at most `limit`). */
  ordersToMature(now: string, limit: number): Promise<{ customerId: string; orderId: string }[]>;
  /** The customer whose referral code this is. */
  findReferrer(code: string): Promise<string | undefined>;

  getFeedback(id: string): Promise<FeedbackRecord | undefined>;
  putFeedback(record: FeedbackRecord): Promise<void>;
  /** In the order first received, without `guestKey`. */
  listFeedback(): Promise<FeedbackRecord[]>;

  getResponse(scope: string, key: string): Promise<StoredResponse | undefined>;
  putResponse(scope: string, key: string, response: StoredResponse): Promise<void>;

  /** Customers holding points whose expiry is at or before `now` (at most `limit`). */
  customersWithExpiredPoints(now: string, limit: number): Promise<string[]>;
  /** Forgets stored Idempotency-Key answers saved before `before`, except in `keep` scopes. */
  dropResponses(before: string, keep: string[]): Promise<number>;

  /** A new id, unique in this storage and increasing, e.g. "act_00000042". */
  nextId(prefix: string): Promise<string>;
}

/** A feedback record as listings show it: the guest's key hash stays inside the storage. */
export function listed(record: FeedbackRecord): FeedbackRecord {
  const { guestKey, ...rest } = record;
  void guestKey;
  return rest;
}
