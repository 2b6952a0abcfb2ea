// Work the API process does on a timer: points past their expiry leave the balance, and stored
// Idempotency-Key answers are dropped after 72 hours (order records are kept: they are what makes
// an order id count once). Safe with several processes running it at once: each customer is
// changed in a transaction holding its lock, after reading it again, so a second runner finds
// nothing left to expire.
import type { Deps } from './deps.js';

export const KEEP_ANSWERS_MS = 72 * 3_600_000;
const BATCH = 100;

export async function runJobs(deps: Deps): Promise<{ expired: number; dropped: number }> {
  const now = deps.clock.now();
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
  return { expired, dropped };
}
