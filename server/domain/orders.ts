// Recording an order: points by earn rate and tier multiplier, once per order id; pending for the
// program's `pendingDays` when it has them; a friend's first order with a referral code rewards
// the advocate (and the friend, when the program gives them points). The demo's /demo/orders and
// the merchant's /admin/v1/orders both call this; only their answers differ.
import type { Deps } from '../deps.js';
import { ApiError } from '../problem.js';
import type { CustomerRecord, OrderRecord, Storage } from '../storage.js';
import type { Money } from '../validate.js';
import { pointsForOrder } from './points.js';
import { tierFor } from './tiers.js';

export interface OrderInput {
  customerId: string;
  orderId: string;
  total: Money;
  /** The referral code the friend came with (the storefront's captured `?ref=`). */
  referralCode?: string;
}

export interface RecordedOrder {
  orderId: string;
  points: number;
  status: OrderRecord['status'];
  balance: number;
  /** True when the order id was already recorded: nothing was awarded now. */
  replayed: boolean;
}

const DAY_MS = 86_400_000;

/** Throws 404 for an unknown customer and `conflictStatus` for a known order id with another body. */
export function recordOrder(deps: Deps, input: OrderInput, conflictStatus: 409 | 422): Promise<RecordedOrder> {
  const { customerId, orderId, total } = input;
  return deps.storage.transaction(customerId, async (storage) => {
    const customer = await storage.getCustomer(customerId);
    if (!customer) throw new ApiError(404, 'unknown-customer', `There is no customer with id ${customerId}`);
    // An order id already recorded (a resent checkout request) earns nothing twice; the same id
    // with another total is a mistake, not a resend.
    const key = `${customerId}|${orderId}`;
    const fingerprint = `${total.amount} ${total.currency}${input.referralCode ? ` ref:${input.referralCode}` : ''}`;
    const earlier = await storage.getResponse('order', key);
    if (earlier && earlier.fingerprint !== fingerprint)
      throw new ApiError(conflictStatus, 'order-id-reused', `Order ${orderId} was recorded with another total`);
    if (earlier) {
      const body = earlier.body as Omit<RecordedOrder, 'replayed' | 'status'> & { status?: OrderRecord['status'] };
      return { status: 'approved', ...body, replayed: true };
    }
    const firstOrder = !(await storage.hasOrders(customerId));
    const before = tierFor(deps.catalog, customer);
    const points = pointsForOrder(deps.catalog, before, total.amount);
    const now = deps.clock.now();
    const createdAt = now.toISOString();
    const pendingDays = deps.catalog.program.pendingDays ?? 0;
    const order: OrderRecord = {
      orderId,
      customerId,
      total: total.amount,
      points,
      status: pendingDays > 0 ? 'pending' : 'approved',
      ...(pendingDays > 0 ? { maturesAt: new Date(now.getTime() + pendingDays * DAY_MS).toISOString() } : {}),
      refunded: 0,
      pointsReversed: 0,
      pointsUnrecovered: 0,
      createdAt,
    };
    customer.lifetimeSpend += total.amount;
    if (order.status === 'pending') customer.pending += points;
    else {
      customer.balance += points;
      customer.lifetimePoints += points;
    }
    await storage.putOrder(order);
    await storage.addActivity(customer.id, {
      id: await storage.nextId('act'),
      type: 'earn',
      points,
      description: order.maturesAt
        ? `Order ${orderId} (pending until ${order.maturesAt.slice(0, 10)})`
        : `Order ${orderId}`,
      createdAt,
      ...(order.status === 'pending' ? { pending: true as const } : {}),
    });
    if (firstOrder && input.referralCode) await rewardReferral(deps, storage, customer, input.referralCode, createdAt);
    await storage.putCustomer(customer);
    await addTierChange(storage, deps, before, customer, createdAt);
    const recorded = { orderId, points, status: order.status, balance: customer.balance };
    await storage.putResponse('order', key, { fingerprint, status: 201, body: recorded });
    return { ...recorded, replayed: false };
  });
}

/**
 * A friend's first order with an advocate's code: the advocate gets the program's points once
 * per friend (this is the friend's only first order), the friend theirs; never one's own code.
 */
async function rewardReferral(deps: Deps, storage: Storage, friend: CustomerRecord, code: string, createdAt: string) {
  const advocateId = await storage.findReferrer(code);
  if (advocateId === undefined || advocateId === friend.id) return;
  const { advocatePoints = 0, friendPoints = 0 } = deps.catalog.program.referral;
  await storage.transaction(advocateId, async (tx) => {
    const advocate = await tx.getCustomer(advocateId);
    if (!advocate) return;
    const before = tierFor(deps.catalog, advocate);
    advocate.balance += advocatePoints;
    advocate.lifetimePoints += advocatePoints;
    advocate.referral.converted += 1;
    advocate.referral.invited = Math.max(advocate.referral.invited, advocate.referral.converted);
    advocate.referral.pointsEarned += advocatePoints;
    await tx.putCustomer(advocate);
    await tx.addActivity(advocateId, {
      id: await tx.nextId('act'),
      type: 'referral',
      points: advocatePoints,
      description: `${friend.firstName ?? 'A friend'} placed a first order`,
      createdAt,
    });
    await addTierChange(tx, deps, before, advocate, createdAt);
  });
  if (friendPoints > 0) {
    friend.balance += friendPoints;
    friend.lifetimePoints += friendPoints;
    await storage.addActivity(friend.id, {
      id: await storage.nextId('act'),
      type: 'referral',
      points: friendPoints,
      description: 'Welcome bonus for joining through a friend',
      createdAt,
    });
  }
}

/** A `tier-change` item when the customer's tier is now another than `before`. */
export async function addTierChange(
  storage: Storage,
  deps: Deps,
  before: { id: string },
  customer: CustomerRecord,
  createdAt: string,
): Promise<void> {
  const after = tierFor(deps.catalog, customer);
  if (after.id === before.id) return;
  await storage.addActivity(customer.id, {
    id: await storage.nextId('act'),
    type: 'tier-change',
    points: 0,
    description: `Reached ${after.name}`,
    createdAt,
  });
}
