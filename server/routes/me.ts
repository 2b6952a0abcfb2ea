// GET /v1/me: the signed-in customer's points, tier and progress, referral link and birthday.
// PATCH /v1/me {birthday}: the shopper gives their birthday once (a birthday bonus depends on it,
// so changing it is for the shop, not the shopper: 409 birthday-set).
import type { Hono } from 'hono';
import { requireCustomer } from '../auth.js';
import type { Deps } from '../deps.js';
import { tierFor, tierProgress } from '../domain/tiers.js';
import { conditionalJson } from '../http/etag.js';
import { localizer } from '../locale.js';
import { readJson } from '../http/body.js';
import { ApiError, invalid } from '../problem.js';
import type { CustomerRecord } from '../storage.js';
import { Fields } from '../validate.js';
import { referralUrl } from './referral.js';

const DATE = { pattern: /^\d{4}-\d{2}-\d{2}$/, patternName: 'a date (YYYY-MM-DD)' };

export function meRoutes(app: Hono, deps: Deps): void {
  app.get('/v1/me', async (c) => {
    const customer = await requireCustomer(c.req.raw, deps);
    return conditionalJson(c.req.raw, ...meBody(deps, customer, c.req.raw));
  });

  app.patch('/v1/me', async (c) => {
    const signedIn = await requireCustomer(c.req.raw, deps);
    const fields = Fields.of(await readJson(c.req.raw));
    fields.only('birthday');
    const birthday = readBirthday(fields, deps.clock.now())!;
    const customer = await deps.storage.transaction(signedIn.id, async (storage) => {
      const current = (await storage.getCustomer(signedIn.id)) ?? signedIn;
      // The same date again (a retry) is fine; another one is not the shopper's to change.
      if (current.birthday && current.birthday !== birthday) {
        throw new ApiError(409, 'birthday-set', 'The birthday was already given; ask the shop to change it');
      }
      if (!current.birthday) await storage.putCustomer({ ...current, birthday });
      return { ...current, birthday };
    });
    const [body, options] = meBody(deps, customer, c.req.raw);
    return c.json(body, 200, { 'Cache-Control': 'private, no-store', 'Content-Language': options.language });
  });
}

/** `birthday` (required unless `optional`): a real YYYY-MM-DD date, not after `now`. */
export function readBirthday(fields: Fields, now: Date, optional = false): string | undefined {
  const birthday = optional ? fields.optString('birthday', DATE) : fields.string('birthday', DATE);
  if (birthday === undefined) return undefined;
  const date = new Date(`${birthday}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birthday || date > now) {
    throw invalid('birthday', 'birthday must be a real date in the past');
  }
  return birthday;
}

/** The customer as GET /v1/me shows them, and how to send it. */
function meBody(deps: Deps, customer: CustomerRecord, request: Request) {
  const { t, language } = localizer(deps.catalog.file, request.headers.get('Accept-Language') ?? undefined);
  const now = deps.clock.now().getTime();
  const tier = tierFor(deps.catalog, customer);
  const tierName = (tier: { id: string; name: string }) => t(`tiers.${tier.id}.name`, tier.name);
  const body = {
    customer: { id: customer.id, ...(customer.firstName === undefined ? {} : { firstName: customer.firstName }) },
    points: {
      balance: customer.balance,
      pending: customer.pending,
      lifetime: customer.lifetimePoints,
      expiring: customer.expiring
        .filter((bucket) => Date.parse(bucket.expiresAt) > now)
        .sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt))
        .map(({ points, expiresAt }) => ({ points, expiresAt })),
    },
    tier: { id: tier.id, name: tierName(tier) },
    tierProgress: tierProgress(deps.catalog, customer, tierName),
    referral: { code: customer.referral.code, url: referralUrl(deps, customer.referral.code, request.url) },
    birthday: customer.birthday ?? null,
  };
  return [body, { cache: 'private', language }] as const;
}
