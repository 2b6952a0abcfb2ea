// Recording an order: points by earn rate and tier multiplier, once per order id. The demo's
// /demo/orders and the merchant's /admin/v1/orders both call this; only their answers differ.
import type { Deps } from '../deps.js';
import { ApiError } from '../problem.js';
import type { Money } from '../validate.js';
import { pointsForOrder } from './points.js';
import { tierFor } from './tiers.js';

export interface OrderInput {
  customerId: string;
  orderId: string;
  total: Money;
}

export interface RecordedOrder {
  orderId: string;
  points: number;
  balance: number;
  /** True when the order id was already recorded: nothing was awarded now. */
  replayed: boolean;
}

/** Throws 404 for an unknown customer and `conflictStatus` for a known order id with another total. */
export function recordOrder(deps: Deps, input: OrderInput, conflictStatus: 409 | 422): Promise<RecordedOrder> {
  const { customerId, orderId, total } = input;
  return deps.storage.transaction(customerId, async (storage) => {
    const customer = await storage.getCustomer(customerId);
    if (!customer) throw new ApiError(404, 'unknown-customer', `There is no customer with id ${customerId}`);
    // An order id already recorded (a resent checkout request) earns nothing twice; the same id
    // with another total is a mistake, not a resend.
    const key = `${customerId}|${orderId}`;
    const fingerprint = `${total.amount} ${total.currency}`;
    const earlier = await storage.getResponse('order', key);
    if (earlier && earlier.fingerprint !== fingerprint)
      throw new ApiError(conflictStatus, 'order-id-reused', `Order ${orderId} was recorded with another total`);
    if (earlier) return { ...(earlier.body as Omit<RecordedOrder, 'replayed'>), replayed: true };
    const before = tierFor(deps.catalog, customer);
    const points = pointsForOrder(deps.catalog, before, total.amount);
    customer.balance += points;
    customer.lifetimePoints += points;
    customer.lifetimeSpend += total.amount;
    const after = tierFor(deps.catalog, customer);
    const createdAt = deps.clock.now().toISOString();
    await storage.putCustomer(customer);
    await storage.addActivity(customer.id, {
      id: await storage.nextId('act'),
      type: 'earn',
      points,
      description: `Order ${orderId}`,
      createdAt,
    });
    if (after.id !== before.id) {
      await storage.addActivity(customer.id, {
        id: await storage.nextId('act'),
        type: 'tier-change',
        points: 0,
        description: `Reached ${after.name}`,
        createdAt,
      });
    }
    const recorded = { orderId, points, balance: customer.balance };
    await storage.putResponse('order', key, { fingerprint, status: 201, body: recorded });
    return { ...recorded, replayed: false };
  });
}
