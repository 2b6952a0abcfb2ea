// Checks a parsed program file against ProgramFile and returns it typed. Runs at startup, so a
// merchant's typo fails with "rewards[3].cost must be an integer" instead of a broken API later.
import {
  ACTIVITY_TYPES,
  EARN_KINDS,
  REWARD_KINDS,
  TIER_METRICS,
  type ProgramFile,
  type RewardDefinition,
  type SeedCustomer,
  type TierDefinition,
  type TimeRef,
  type WayToEarnDefinition,
} from './program.js';
import { readSurveys } from './surveys.js';
import { Fields, InvalidField, isDateTime, isPlainObject, type Money } from './validate.js';

const ID = { pattern: /^[A-Za-z0-9_-]{1,64}$/, patternName: 'letters, digits, _ or - (at most 64)' };

export class ProgramFileError extends Error {
  override readonly name = 'ProgramFileError';
}

export function checkProgramFile(value: unknown, source = 'program file'): ProgramFile {
  try {
    return read(Fields.of(value));
  } catch (error) {
    if (error instanceof InvalidField) throw new ProgramFileError(`${source}: ${error.message}`);
    throw error;
  }
}

function read(root: Fields): ProgramFile {
  root.only('$schema', 'program', 'rewards', 'customers', 'surveys', 'translations');
  const p = root
    .object('program')
    .only(
      'name',
      'language',
      'currency',
      'pointsLabel',
      'earnRate',
      'pendingDays',
      'tierMetric',
      'tiers',
      'waysToEarn',
      'referral',
      'joinUrl',
      'signInUrl',
      'codePrefix',
    );
  const currency = p.string('currency', { pattern: /^[A-Z]{3}$/, patternName: 'a 3-letter ISO 4217 code' });
  const money = (fields: Fields, key: string): Money => {
    const value = fields.money(key);
    if (value.currency !== currency)
      throw new InvalidField(fields.name(key), `${fields.name(key)}.currency must be the program currency ${currency}`);
    return value;
  };
  const label = p.object('pointsLabel').only('one', 'other');
  const earn = p.object('earnRate').only('points', 'per');
  const referral = p
    .object('referral')
    .only('advocateReward', 'friendReward', 'advocatePoints', 'friendPoints', 'urlTemplate');
  const tiers = p.objects('tiers').map(readTier);
  checkTiers(tiers, p.name('tiers'));
  const program: ProgramFile['program'] = {
    name: p.string('name'),
    ...optional(
      'language',
      p.optString('language', { pattern: /^[a-z]{2,3}$/, patternName: 'a language code like "en"' }),
    ),
    currency,
    pointsLabel: { one: label.string('one'), other: label.string('other') },
    earnRate: { points: earn.integer('points', { min: 1 }), per: money(earn, 'per') },
    ...optional('pendingDays', p.optInteger('pendingDays', { min: 0, max: 365 })),
    tierMetric: p.oneOf('tierMetric', TIER_METRICS),
    tiers,
    waysToEarn: p.objects('waysToEarn').map(readWayToEarn),
    referral: {
      advocateReward: referral.string('advocateReward'),
      friendReward: referral.string('friendReward'),
      ...optional('advocatePoints', referral.optInteger('advocatePoints', { min: 0 })),
      ...optional('friendPoints', referral.optInteger('friendPoints', { min: 0 })),
      urlTemplate: referral.string('urlTemplate'),
    },
    ...optional('joinUrl', p.optString('joinUrl')),
    ...optional('signInUrl', p.optString('signInUrl')),
    ...optional(
      'codePrefix',
      p.optString('codePrefix', { pattern: /^[A-Z0-9]{1,12}$/, patternName: 'up to 12 capital letters or digits' }),
    ),
  };
  if (program.earnRate.per.amount < 1)
    throw new InvalidField('program.earnRate.per.amount', 'program.earnRate.per.amount must be at least 1');
  const tierIds = new Set(tiers.map((tier) => tier.id));
  const rewards = root.objects('rewards').map((fields) => readReward(fields, money, tierIds));
  unique(rewards, 'rewards');
  const rewardIds = new Set(rewards.map((reward) => reward.id));
  const customers = root.objects('customers').map((fields) => readCustomer(fields, rewardIds));
  unique(customers, 'customers');
  const translations = root.has('translations') ? readTranslations(root.object('translations')) : undefined;
  const surveys = root.has('surveys') ? readSurveys(root) : undefined;
  return { program, rewards, customers, ...optional('surveys', surveys), ...optional('translations', translations) };
}

function readTier(t: Fields): TierDefinition {
  t.only('id', 'name', 'rank', 'threshold', 'multiplier', 'benefits');
  return {
    id: t.string('id', ID),
    name: t.string('name'),
    rank: t.integer('rank', { min: 1 }),
    threshold: t.integer('threshold', { min: 0 }),
    multiplier: t.number('multiplier', { min: 0 }),
    benefits: t.strings('benefits'),
  };
}

function checkTiers(tiers: TierDefinition[], field: string): void {
  if (tiers.length === 0) throw new InvalidField(field, `${field} must list at least one tier`);
  unique(tiers, 'program.tiers');
  const sorted = [...tiers].sort((a, b) => a.rank - b.rank);
  if (sorted[0].threshold !== 0)
    throw new InvalidField(field, `${field}: the lowest-ranked tier must have threshold 0`);
  sorted.forEach((tier, index) => {
    const previous = sorted[index - 1];
    if (previous && (tier.rank === previous.rank || tier.threshold <= previous.threshold)) {
      throw new InvalidField(
        field,
        `${field}: ranks must differ and thresholds rise with rank (${previous.id}, ${tier.id})`,
      );
    }
  });
}

function readWayToEarn(w: Fields): WayToEarnDefinition {
  w.only('id', 'kind', 'title', 'points', 'pointsType', 'ctaUrl');
  return {
    id: w.string('id', ID),
    kind: w.oneOf('kind', EARN_KINDS),
    title: w.string('title'),
    points: w.integer('points', { min: 0 }),
    pointsType: w.oneOf('pointsType', ['fixed', 'per-currency'] as const),
    ...optional('ctaUrl', w.optString('ctaUrl')),
  };
}

function readReward(r: Fields, money: (fields: Fields, key: string) => Money, tierIds: Set<string>): RewardDefinition {
  r.only(
    'id',
    'name',
    'description',
    'instructions',
    'kind',
    'cost',
    'variable',
    'value',
    'imageUrl',
    'minTier',
    'availableFrom',
    'stock',
    'limitPerCustomer',
    'codeValidDays',
  );
  const variableFields = r.optObject('variable')?.only('minPoints', 'maxPoints', 'step', 'valuePerPoint');
  const variable = variableFields && {
    minPoints: variableFields.integer('minPoints', { min: 1 }),
    maxPoints: variableFields.integer('maxPoints', { min: 1 }),
    step: variableFields.integer('step', { min: 1 }),
    valuePerPoint: money(variableFields, 'valuePerPoint'),
  };
  if (
    variable &&
    (variable.maxPoints < variable.minPoints || (variable.maxPoints - variable.minPoints) % variable.step !== 0)
  ) {
    throw new InvalidField(
      r.name('variable'),
      `${r.name('variable')}: maxPoints must be minPoints plus a whole number of steps`,
    );
  }
  const cost = r.integer('cost', { min: 0 });
  if (variable && cost !== variable.minPoints)
    throw new InvalidField(r.name('cost'), `${r.name('cost')} must equal variable.minPoints`);
  const minTier = r.optString('minTier');
  if (minTier !== undefined && !tierIds.has(minTier))
    throw new InvalidField(r.name('minTier'), `${r.name('minTier')} is not a tier id`);
  return {
    id: r.string('id', ID),
    name: r.string('name'),
    description: r.string('description', { min: 0 }),
    ...optional('instructions', r.optString('instructions')),
    kind: r.oneOf('kind', REWARD_KINDS),
    cost,
    ...optional('variable', variable),
    ...optional('value', r.has('value') ? readValue(r, money) : undefined),
    ...optional('imageUrl', r.optString('imageUrl')),
    ...optional('minTier', minTier),
    ...optional('availableFrom', r.has('availableFrom') ? readTime(r, 'availableFrom') : undefined),
    ...optional('stock', r.optInteger('stock', { min: 0 })),
    ...optional('limitPerCustomer', r.optInteger('limitPerCustomer', { min: 1 })),
    ...optional('codeValidDays', r.optInteger('codeValidDays', { min: 1 })),
  };
}

function readValue(r: Fields, money: (fields: Fields, key: string) => Money): Money | { percent: number } {
  const value = r.object('value');
  if (value.has('percent')) {
    value.only('percent');
    const percent = value.number('percent', { max: 100 });
    if (percent <= 0) throw new InvalidField(value.name('percent'), `${value.name('percent')} must be more than 0`);
    return { percent };
  }
  return money(r, 'value');
}

function readCustomer(c: Fields, rewardIds: Set<string>): SeedCustomer {
  c.only(
    'id',
    'firstName',
    'balance',
    'pending',
    'lifetimePoints',
    'lifetimeSpend',
    'expiring',
    'referral',
    'activity',
    'redemptions',
  );
  const referral = c.optObject('referral')?.only('code', 'invited', 'converted', 'pointsEarned');
  return {
    id: c.string('id', ID),
    ...optional('firstName', c.optString('firstName')),
    balance: c.integer('balance', { min: 0 }),
    ...optional('pending', c.optInteger('pending', { min: 0 })),
    ...optional('lifetimePoints', c.optInteger('lifetimePoints', { min: 0 })),
    ...optional('lifetimeSpend', c.optInteger('lifetimeSpend', { min: 0 })),
    ...optional(
      'expiring',
      c.optObjects('expiring')?.map((e) => {
        e.only('points', 'expiresAt');
        return { points: e.integer('points', { min: 1 }), expiresAt: readTime(e, 'expiresAt') };
      }),
    ),
    ...optional(
      'referral',
      referral && {
        code: referral.string('code', { pattern: /^[A-Z0-9-]{3,32}$/, patternName: 'capital letters, digits or -' }),
        invited: referral.integer('invited', { min: 0 }),
        converted: referral.integer('converted', { min: 0 }),
        pointsEarned: referral.integer('pointsEarned', { min: 0 }),
      },
    ),
    ...optional(
      'activity',
      c.optObjects('activity')?.map((a) => {
        a.only('type', 'points', 'description', 'at');
        return {
          type: a.oneOf('type', ACTIVITY_TYPES),
          points: a.integer('points'),
          description: a.string('description'),
          at: readTime(a, 'at'),
        };
      }),
    ),
    ...optional(
      'redemptions',
      c.optObjects('redemptions')?.map((r) => {
        r.only('rewardId', 'code', 'pointsSpent', 'at', 'expiresAt', 'used');
        const rewardId = r.string('rewardId');
        if (!rewardIds.has(rewardId))
          throw new InvalidField(r.name('rewardId'), `${r.name('rewardId')} is not a reward id`);
        return {
          rewardId,
          code: r.string('code'),
          pointsSpent: r.integer('pointsSpent', { min: 0 }),
          at: readTime(r, 'at'),
          ...optional('expiresAt', r.has('expiresAt') ? readTime(r, 'expiresAt') : undefined),
          used: r.boolean('used'),
        };
      }),
    ),
  };
}

function readTime(fields: Fields, key: string): TimeRef {
  const value = fields.raw(key);
  if (isDateTime(value)) return value;
  if (isPlainObject(value)) return { days: fields.object(key).only('days').number('days') };
  throw new InvalidField(fields.name(key), `${fields.name(key)} must be an ISO 8601 date-time or {"days": n}`);
}

function readTranslations(t: Fields): Record<string, Record<string, string>> {
  const result: Record<string, Record<string, string>> = {};
  for (const language of t.keys()) {
    if (!/^[a-z]{2,3}$/.test(language))
      throw new InvalidField(t.name(language), `${t.name(language)} must be a language code like "es"`);
    const strings = t.object(language);
    result[language] = Object.fromEntries(strings.keys().map((key) => [key, strings.string(key)]));
  }
  return result;
}

function unique(items: { id: string }[], field: string): void {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) throw new InvalidField(field, `${field}: the id ${id} is used twice`);
    seen.add(id);
  }
}

/** `{key: value}` when defined, `{}` otherwise: keeps optional fields absent rather than undefined. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
