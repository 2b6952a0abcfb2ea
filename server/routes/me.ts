// GET /v1/me: the signed-in customer's points, tier and progress, and referral link.
import type { Hono } from 'hono';
import { requireCustomer } from '../auth.js';
import type { Deps } from '../deps.js';
import { tierFor, tierProgress } from '../domain/tiers.js';
import { conditionalJson } from '../http/etag.js';
import { localizer } from '../locale.js';
import { referralUrl } from './referral.js';

export function meRoutes(app: Hono, deps: Deps): void {
  app.get('/v1/me', async (c) => {
    const customer = await requireCustomer(c.req.raw, deps);
    const { t, language } = localizer(deps.catalog.file, c.req.header('Accept-Language'));
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
      referral: { code: customer.referral.code, url: referralUrl(deps, customer.referral.code, c.req.url) },
    };
    return conditionalJson(c.req.raw, body, { cache: 'private', language });
  });
}
