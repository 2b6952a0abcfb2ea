// GET /v1/referral: the customer's share link, what both sides get, and how it went so far.
import type { Hono } from 'hono';
import { requireCustomer } from '../auth.js';
import type { Deps } from '../deps.js';
import { conditionalJson } from '../http/etag.js';
import { localizer } from '../locale.js';

/**
 * The program's link template with the code filled in; a relative one resolves against the
 * configured public URL, never the request's Host (a caller could point it at their own site).
 * Only the test host and dev server, which have none, fall back to the request's URL.
 */
export function referralUrl(deps: Deps, code: string, requestUrl: string): string {
  const link = deps.catalog.program.referral.urlTemplate.replaceAll('{code}', encodeURIComponent(code));
  return new URL(link, deps.publicUrl ?? requestUrl).href;
}

export function referralRoutes(app: Hono, deps: Deps): void {
  app.get('/v1/referral', async (c) => {
    const customer = await requireCustomer(c.req.raw, deps);
    const { t, language } = localizer(deps.catalog.file, c.req.header('Accept-Language'));
    const { referral } = deps.catalog.program;
    const body = {
      code: customer.referral.code,
      url: referralUrl(deps, customer.referral.code, c.req.url),
      advocateReward: {
        description: t('referral.advocateReward', referral.advocateReward),
        ...(referral.advocatePoints === undefined ? {} : { points: referral.advocatePoints }),
      },
      friendReward: { description: t('referral.friendReward', referral.friendReward) },
      stats: {
        invited: customer.referral.invited,
        converted: customer.referral.converted,
        pointsEarned: customer.referral.pointsEarned,
      },
    };
    return conditionalJson(c.req.raw, body, { cache: 'private', language });
  });
}
