// The program as the running server uses it: times resolved, tiers ordered, lookups by id.
// Built once per app from a checked ProgramFile.
import type { ProgramFile, RewardDefinition, TierDefinition, TimeRef } from './program.js';

export type Reward = Omit<RewardDefinition, 'availableFrom'> & { availableFrom?: string };

const DAY_MS = 86_400_000;

/** A file time as an ISO string; `{days}` counts from `base`. */
export function resolveTime(ref: TimeRef, base: Date): string {
  if (typeof ref === 'string') return new Date(ref).toISOString();
  return new Date(base.getTime() + ref.days * DAY_MS).toISOString();
}

export class Catalog {
  /** Lowest rank first. */
  readonly tiers: readonly TierDefinition[];
  readonly rewards: readonly Reward[];
  private readonly tiersById: Map<string, TierDefinition>;
  private readonly rewardsById: Map<string, Reward>;

  constructor(
    readonly file: ProgramFile,
    readonly startedAt: Date,
  ) {
    this.tiers = [...file.program.tiers].sort((a, b) => a.rank - b.rank);
    this.tiersById = new Map(this.tiers.map((tier) => [tier.id, tier]));
    this.rewards = file.rewards.map(({ availableFrom, ...reward }) =>
      availableFrom === undefined ? reward : { ...reward, availableFrom: resolveTime(availableFrom, startedAt) },
    );
    this.rewardsById = new Map(this.rewards.map((reward) => [reward.id, reward]));
  }

  get program(): ProgramFile['program'] {
    return this.file.program;
  }

  tier(id: string): TierDefinition | undefined {
    return this.tiersById.get(id);
  }

  reward(id: string): Reward | undefined {
    return this.rewardsById.get(id);
  }
}
