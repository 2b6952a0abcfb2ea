// GET /v1/program: the public description of the program (no token needed).
import type { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { conditionalJson } from '../http/etag.js';
import { localizer } from '../locale.js';

export function programRoutes(app: Hono, deps: Deps): void {
  app.get('/v1/program', (c) => {
    const { program } = deps.catalog;
    const { t, language } = localizer(deps.catalog.file, c.req.header('Accept-Language'));
    const body = {
      name: t('program.name', program.name),
      currency: program.currency,
      pointsLabel: {
        one: t('program.pointsLabel.one', program.pointsLabel.one),
        other: t('program.pointsLabel.other', program.pointsLabel.other),
      },
      earnRate: program.earnRate,
      tiers: deps.catalog.tiers.map((tier) => ({
        id: tier.id,
        name: t(`tiers.${tier.id}.name`, tier.name),
        rank: tier.rank,
        threshold: tier.threshold,
        metric: program.tierMetric,
        multiplier: tier.multiplier,
        benefits: tier.benefits.map((benefit, index) => t(`tiers.${tier.id}.benefits.${index}`, benefit)),
      })),
      waysToEarn: program.waysToEarn.map((way) => ({ ...way, title: t(`waysToEarn.${way.id}.title`, way.title) })),
      referral: {
        advocateReward: t('referral.advocateReward', program.referral.advocateReward),
        friendReward: t('referral.friendReward', program.referral.friendReward),
      },
      ...(program.joinUrl === undefined ? {} : { joinUrl: program.joinUrl }),
      ...(program.signInUrl === undefined ? {} : { signInUrl: program.signInUrl }),
    };
    return conditionalJson(c.req.raw, body, { cache: 'public', language });
  });
}
