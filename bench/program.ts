// The program for the scale cases: the demo program plus 1,000 rewards and one seeded shopper
// with 10,000 activity entries (the server serves them a page at a time).
import { demoProgram } from '../server/demo-program.ts';
import type { ProgramFile, RewardDefinition, SeedActivity } from '../server/program.ts';

export const bigCustomerId = 'c_bench';
export const rewardCount = 1000;
export const activityCount = 10_000;

/** "Bench reward 0001"…: names the bench can look for in the rendered catalog. */
export const rewardName = (index: number): string => `Bench reward ${String(index + 1).padStart(4, '0')}`;

const kinds = ['discount', 'free-shipping', 'free-product', 'donation'] as const;

function reward(index: number): RewardDefinition {
  const kind = kinds[index % kinds.length];
  const base = {
    id: `r_bench_${index + 1}`,
    name: rewardName(index),
    description: `Reward number ${index + 1} of a large catalog.`,
    kind,
    // A spread of costs, so some are affordable, some not, and sorting has work to do.
    cost: 100 + ((index * 7919) % 50) * 100,
  };
  if (kind === 'discount') return { ...base, value: { amount: 500 + (index % 10) * 100, currency: 'USD' } };
  if (kind === 'donation') return { ...base, value: { amount: 500, currency: 'USD' } };
  return base;
}

function activity(index: number): SeedActivity {
  const earn = index % 5 !== 0;
  return {
    type: earn ? 'earn' : 'redeem',
    points: earn ? 10 + (index % 90) : -(100 + (index % 5) * 100),
    description: earn ? `Order #${100_000 + index}` : 'Reward redeemed',
    // Spread over about three years, newest first when sorted.
    at: { days: -index / 10 },
  };
}

export function bigProgram(): ProgramFile {
  return {
    ...demoProgram,
    rewards: Array.from({ length: rewardCount }, (_, index) => reward(index)),
    customers: [
      {
        id: bigCustomerId,
        firstName: 'Bench',
        balance: 2500,
        lifetimePoints: 3000,
        activity: Array.from({ length: activityCount }, (_, index) => activity(index)),
      },
    ],
  };
}
