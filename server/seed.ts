// Fills a storage with the program file's seeded customers and reward stock. Works through the
// Storage interface, so any implementation can start from the same demo data.
import { resolveTime, type Catalog } from './catalog.js';
import { referralCode } from './codes.js';
import type { Storage } from './storage.js';

export async function seedStorage(storage: Storage, catalog: Catalog): Promise<void> {
  const base = catalog.startedAt;
  for (const reward of catalog.rewards) {
    if (reward.stock !== undefined) await storage.setStock(reward.id, reward.stock);
  }
  for (const seed of catalog.file.customers) {
    const activity = (seed.activity ?? [])
      .map((item) => ({ ...item, createdAt: resolveTime(item.at, base) }))
      // Ids follow time, so "newest first" is the same by date and by id.
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    const redemptions = (seed.redemptions ?? [])
      .map((item) => ({ ...item, createdAt: resolveTime(item.at, base) }))
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    const earliest = [...activity, ...redemptions].map((item) => item.createdAt).sort()[0];
    await storage.putCustomer({
      id: seed.id,
      ...(seed.firstName === undefined ? {} : { firstName: seed.firstName }),
      balance: seed.balance,
      pending: seed.pending ?? 0,
      lifetimePoints: seed.lifetimePoints ?? seed.balance,
      lifetimeSpend: seed.lifetimeSpend ?? 0,
      expiring: (seed.expiring ?? []).map(({ points, expiresAt }) => ({
        points,
        expiresAt: resolveTime(expiresAt, base),
      })),
      referral: seed.referral ?? { code: referralCode(seed.firstName), invited: 0, converted: 0, pointsEarned: 0 },
      createdAt: earliest ?? base.toISOString(),
    });
    for (const { type, points, description, createdAt } of activity) {
      await storage.addActivity(seed.id, { id: await storage.nextId('act'), type, points, description, createdAt });
    }
    for (const { rewardId, code, pointsSpent, createdAt, expiresAt, used } of redemptions) {
      await storage.addRedemption(seed.id, {
        id: await storage.nextId('rdm'),
        rewardId,
        rewardName: catalog.reward(rewardId)!.name,
        code,
        pointsSpent,
        createdAt,
        ...(expiresAt === undefined ? {} : { expiresAt: resolveTime(expiresAt, base) }),
        used,
      });
    }
  }
}
