// Work the API process does on a timer: pending order points past the program's pendingDays join
// the balance, points past their expiry leave it, and stored
// Idempotency-Key answers are dropped after 72 hours (order records are kept: they are what makes
// an order id count once). Safe with several processes running it at once: each customer is
// changed in a transaction holding its lock, after reading it again, so a second runner finds
// nothing left to expire.
import type { Deps } from './deps.js';
import { addTierChange } from './domain/orders.js';
import { tierFor } from './domain/tiers.js';

export const KEEP_ANSWERS_MS = 72 * 3_600_000;
const BATCH = 100;

export async function runJobs(deps: Deps): Promise<{ matured: number; expired: number; dropped: number }> {
  const now = deps.clock.now();
  const matured = await matureOrders(deps, now);
  let expired = 0;
  for (const customerId of await deps.storage.customersWithExpiredPoints(now.toISOString(), BATCH)) {
    expired += await deps.storage.transaction(customerId, async (storage) => {
      const customer = await storage.getCustomer(customerId);
      if (!customer) return 0;
      const gone = customer.expiring.filter((lot) => Date.parse(lot.expiresAt) <= now.getTime());
      if (gone.length === 0) return 0;
      // What is left of the lots, never more than the balance holds.
      const points = Math.min(
        customer.balance,
        gone.reduce((sum, lot) => sum + lot.points, 0),
      );
      customer.expiring = customer.expiring.filter((lot) => !gone.includes(lot));
      customer.balance -= points;
      await storage.putCustomer(customer);
      if (points > 0) {
        await storage.addActivity(customerId, {
          id: await storage.nextId('act'),
          type: 'expire',
          points: -points,
          description: 'Points expired',
          createdAt: now.toISOString(),
        });
      }
      return points;
    });
  }
  const dropped = await deps.storage.dropResponses(new Date(Date.now() - KEEP_ANSWERS_MS).toISOString(), ['order']);
  return { matured, expired, dropped };
}

/** Pending orders past their date: what is left of their points (less refunds) joins the balance. */
async function matureOrders(deps: Deps, now: Date): Promise<number> {
  let matured = 0;
  for (const { customerId, orderId } of await deps.storage.ordersToMature(now.toISOString(), BATCH)) {
    matured += await deps.storage.transaction(customerId, async (storage) => {
      // Read again under the lock: another runner may have matured it already.
      const order = (await storage.findOrders(orderId)).find((found) => found.customerId === customerId);
      const customer = await storage.getCustomer(customerId);
      if (!order || !customer || order.status !== 'pending') return 0;
      const points = order.points - order.pointsReversed;
      const before = tierFor(deps.catalog, customer);
      customer.pending -= Math.min(points, customer.pending);
      customer.balance += points;
      customer.lifetimePoints += points;
      await storage.putOrder({ ...order, status: 'approved' });
      await storage.putCustomer(customer);
      const createdAt = now.toISOString();
      if (points > 0)
        await storage.addActivity(customerId, {
          id: await storage.nextId('act'),
          type: 'earn',
          points,
          description: `Order ${orderId}: pending points released`,
          createdAt,
        });
      await addTierChange(storage, deps, before, customer, createdAt);
      return points;
    });
  }
  return matured;
}
