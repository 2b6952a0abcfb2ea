// Refunding (part of) an order takes back its points in proportion: after refunds adding up to R
// of a total T, floor(points × R / T) are taken back in all (counted on the sum, so partial
// refunds never round away more than one refund of the whole would). Points still pending leave
// the pending count; earned ones leave the balance, but never below zero: what was already spent
// is recorded on the order and in the movement as not recovered.
import type { Deps } from '../deps.js';
import { ApiError } from '../problem.js';
import type { OrderRecord, Storage } from '../storage.js';
import type { Money } from '../validate.js';
import { spendPoints } from './points.js';

export interface RefundResult {
  orderId: string;
  customerId: string;
  refunded: Money;
  /** All refunds of the order so far. */
  refundedTotal: Money;
  /** Points this refund took back (from pending or the balance). */
  pointsTakenBack: number;
  /** Points this refund should have taken back but could not: the balance had them no more. */
  pointsUnrecovered: number;
  balance: number;
  pending: number;
}

/** Runs inside the caller's transaction (the admin route's keyed one). */
export async function refundOrder(deps: Deps, storage: Storage, orderId: string, amount: Money): Promise<RefundResult> {
  return storage.transaction(`order:${orderId}`, async (tx) => {
    const found = await tx.findOrders(orderId);
    if (found.length === 0) throw new ApiError(404, 'unknown-order', `There is no order with id ${orderId}`);
    if (found.length > 1)
      throw new ApiError(409, 'order-id-reused', `Order id ${orderId} was recorded for several customers`);
    const { customerId } = found[0];
    return tx.transaction(customerId, async (locked) => {
      // Read again under the customer's lock: maturing or another refund may have run meanwhile.
      const [order] = await locked.findOrders(orderId);
      const customer = (await locked.getCustomer(customerId))!;
      if (order.refunded + amount.amount > order.total) {
        throw new ApiError(
          409,
          'refund-exceeds-order',
          `Order ${orderId} totals ${order.total}; ${order.refunded} is refunded already, so at most ${order.total - order.refunded} more`,
        );
      }
      const refunded = order.refunded + amount.amount;
      const due = Math.floor((order.points * refunded) / Math.max(order.total, 1)) - order.pointsReversed;
      let takenBack = due;
      let unrecovered = 0;
      if (order.status === 'pending') customer.pending -= Math.min(due, customer.pending);
      else {
        takenBack = Math.min(due, customer.balance);
        unrecovered = due - takenBack;
        spendPoints(customer, takenBack);
      }
      customer.lifetimePoints -= Math.min(order.status === 'approved' ? due : 0, customer.lifetimePoints);
      customer.lifetimeSpend -= Math.min(amount.amount, customer.lifetimeSpend);
      const updated: OrderRecord = {
        ...order,
        refunded,
        pointsReversed: order.pointsReversed + due,
        pointsUnrecovered: order.pointsUnrecovered + unrecovered,
      };
      await locked.putOrder(updated);
      await locked.putCustomer(customer);
      if (due > 0) {
        await locked.addActivity(customerId, {
          id: await locked.nextId('act'),
          type: 'adjust',
          points: -takenBack,
          description:
            `Refund on order ${orderId}` +
            (unrecovered > 0 ? ` (${unrecovered} points already spent, not taken back)` : ''),
          createdAt: deps.clock.now().toISOString(),
          ...(order.status === 'pending' ? { pending: true as const } : {}),
        });
      }
      const { currency } = amount;
      return {
        orderId,
        customerId,
        refunded: amount,
        refundedTotal: { amount: refunded, currency },
        pointsTakenBack: takenBack,
        pointsUnrecovered: unrecovered,
        balance: customer.balance,
        pending: customer.pending,
      };
    });
  });
}
