// A second, differently shaped loyalty API for the browser tests: a merchant's own backend as the
// widgets meet it in the wild (other paths, snake_case, other nesting, money in major units, Unix
// times, its own paging). It runs on the reference API of the same scope, reshaping each request
// and reply, so data, ETags, faults and the request log are the reference's own. Its shapes are
// the ones docs/examples/merchant-api.ts declares and maps back onto the contract.
import { Hono, type Context } from 'hono';
import type {
  TheirItem,
  TheirLedger,
  TheirMember,
  TheirMoney,
  TheirNpsResponse,
  TheirProfileUpdate,
  TheirReferrals,
  TheirSettings,
  TheirVoucher,
  TheirVoucherRequest,
} from '../../docs/examples/merchant-api.js';
import type {
  Activity,
  FeedbackResult,
  Me,
  Money,
  Program,
  RedeemResult,
  Redemption,
  Redemptions,
  Referral,
  Rewards,
} from '../../src/core/api/schemas.js';
import { readJson } from '../http/body.js';
import { ApiError, problemResponse } from '../problem.js';

type Reference = (request: Request) => Response | Promise<Response>;

/** The request headers the reference API reads. */
const forwarded = ['Authorization', 'Accept-Language', 'If-None-Match', 'Idempotency-Key', 'Content-Type'];

export function createMerchantApi(reference: Reference): Hono {
  const app = new Hono();

  /** Calls the reference API and reshapes a successful JSON reply; 304s and problems pass as they are. */
  const relay = async <T>(c: Context, path: string, reshape: (ours: T) => unknown, body?: unknown) => {
    const headers = new Headers();
    for (const name of forwarded) {
      const value = c.req.header(name);
      if (value !== undefined) headers.set(name, value);
    }
    const init: RequestInit = { method: c.req.method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    const reply = await reference(new Request(new URL(path, c.req.url), init));
    if (reply.status === 304 || !reply.ok) return reply;
    const out = new Headers(reply.headers);
    out.delete('Content-Length');
    // The same ETag: the reshaping is a function of the reference's body.
    return new Response(JSON.stringify(reshape((await reply.json()) as T)), { status: reply.status, headers: out });
  };

  app.get('/loyalty/settings', (c) => relay(c, '/v1/program', settings));
  app.get('/customers/me/loyalty', (c) => relay(c, '/v1/me', member));
  app.patch('/customers/me/loyalty', async (c) => {
    const update = (await readJson(c.req.raw)) as TheirProfileUpdate;
    return relay(c, '/v1/me', member, { birthday: update.date_of_birth });
  });
  app.get('/catalog/items', (c) => {
    if (c.req.query('channel') !== 'web') return c.json({ error: 'channel=web is required' }, 400);
    return relay(c, '/v1/rewards', ({ rewards }: Rewards) => ({ items: rewards.map(item) }));
  });
  app.get('/customers/me/vouchers', (c) =>
    relay(c, '/v1/redemptions', ({ redemptions }: Redemptions) => ({ vouchers: redemptions.map(voucher) })),
  );
  app.get('/customers/me/referrals', (c) => relay(c, '/v1/referral', referrals));
  app.get('/customers/me/ledger', (c) => {
    const query = new URLSearchParams();
    const perPage = c.req.query('per_page');
    const token = c.req.query('page_token');
    if (perPage !== undefined) query.set('limit', perPage);
    if (token !== undefined) query.set('cursor', token);
    return relay(c, `/v1/activity?${query}`, ledger);
  });
  app.post('/customers/me/vouchers', async (c) => {
    const request = (await readJson(c.req.raw)) as TheirVoucherRequest;
    const ours =
      request.points_amount === undefined
        ? { rewardId: request.sku }
        : { rewardId: request.sku, points: request.points_amount };
    return relay(
      c,
      '/v1/redemptions',
      ({ redemption, points }: RedeemResult) => ({
        voucher: voucher(redemption),
        wallet: { available: points!.balance },
      }),
      ours,
    );
  });
  app.post('/surveys/nps/responses', async (c) => {
    const response = (await readJson(c.req.raw)) as TheirNpsResponse;
    const answer = {
      id: response.response_id,
      survey: 'nps',
      score: response.rating,
      comment: response.remarks,
      orderId: response.order_ref,
      page: response.page_url,
      locale: response.language,
      answeredAt: response.answered_at,
    };
    return relay(
      c,
      '/v1/feedback',
      ({ id, category }: FeedbackResult) => ({ response_id: id, segment: category }),
      answer,
    );
  });
  app.onError((error) => {
    if (error instanceof ApiError) return problemResponse(error);
    throw error;
  });
  return app;
}

// The reference API answers the whole contract: what the client's types leave open or optional
// (read tolerantly from other APIs) is always there in its replies.
type Basis = 'points' | 'spend';

const money = ({ amount, currency }: Money): TheirMoney => ({ value: amount / 100, currency_code: currency });
// Unix times are whole seconds.
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

const settings = (program: Program): TheirSettings => ({
  program: {
    title: program.name,
    currency_code: program.currency,
    unit: { singular: program.pointsLabel!.one, plural: program.pointsLabel!.other },
    earning: { points: program.earnRate!.points, per: money(program.earnRate!.per) },
    ...(program.joinUrl ? { join_link: program.joinUrl } : {}),
    ...(program.signInUrl ? { sign_in_link: program.signInUrl } : {}),
  },
  levels: program.tiers.map((tier) => ({
    code: tier.id,
    title: tier.name,
    position: tier.rank,
    min_value: tier.metric === 'spend' ? tier.threshold / 100 : tier.threshold,
    basis: tier.metric as Basis,
    multiplier: tier.multiplier,
    perks: tier.benefits,
  })),
  earn_actions: program.waysToEarn.map((way) => ({
    key: way.id,
    category: way.kind as TheirSettings['earn_actions'][number]['category'],
    label: way.title,
    reward_points: way.points,
    per_spend: way.pointsType === 'per-currency',
    ...(way.ctaUrl ? { link: way.ctaUrl } : {}),
  })),
  referral_program: { referrer_gets: program.referral.advocateReward, friend_gets: program.referral.friendReward },
});

const member = (me: Me): TheirMember => {
  const unit = me.tierProgress.metric === 'spend' ? 100 : 1;
  return {
    member: {
      member_id: me.customer.id,
      ...(me.customer.firstName ? { first_name: me.customer.firstName } : {}),
      ...(me.birthday === undefined ? {} : { date_of_birth: me.birthday }),
    },
    wallet: {
      available: me.points.balance,
      pending: me.points.pending,
      lifetime: me.points.lifetime,
      expiring: me.points.expiring.map((lot) => ({ amount: lot.points, expires_on: lot.expiresAt })),
    },
    level: me.tier && { code: me.tier.id, title: me.tier.name },
    progress: {
      basis: me.tierProgress.metric as Basis,
      current: me.tierProgress.current / unit,
      next_code: me.tierProgress.nextTierId,
      next_title: me.tierProgress.nextTierName,
      to_go: me.tierProgress.remaining === null ? null : me.tierProgress.remaining / unit,
    },
    invite: me.referral && { code: me.referral.code, link: me.referral.url! },
  };
};

const item = (reward: Rewards['rewards'][number]): TheirItem => ({
  sku: reward.id,
  title: reward.name,
  summary: reward.description,
  ...(reward.instructions ? { how_to_use: reward.instructions } : {}),
  type: reward.kind as TheirItem['type'],
  price_points: reward.cost,
  ...(reward.variable && {
    flexible: {
      min: reward.variable.minPoints,
      max: reward.variable.maxPoints,
      step: reward.variable.step,
      per_point: money(reward.variable.valuePerPoint),
    },
  }),
  ...(reward.value && { discount: 'percent' in reward.value ? reward.value : money(reward.value) }),
  ...(reward.imageUrl ? { image: reward.imageUrl } : {}),
  ...(reward.minTier ? { min_level: reward.minTier } : {}),
  ...(reward.availableFrom ? { starts_at: reward.availableFrom } : {}),
  redeemable: reward.available,
  ...(reward.reason ? { blocked_by: reward.reason as TheirItem['blocked_by'] } : {}),
});

const voucher = (redemption: Redemption): TheirVoucher => ({
  voucher_id: redemption.id,
  sku: redemption.rewardId,
  title: redemption.rewardName,
  voucher_code: redemption.code,
  points_used: redemption.pointsSpent,
  issued_at: seconds(redemption.createdAt),
  ...(redemption.expiresAt ? { valid_until: seconds(redemption.expiresAt) } : {}),
  state: redemption.used ? 'used' : 'active',
});

const referrals = (referral: Referral): TheirReferrals => ({
  invite: { code: referral.code, link: referral.url ?? '' },
  rewards: {
    referrer: {
      text: referral.advocateReward.description,
      points: (referral.advocateReward as { points?: number }).points,
    },
    friend: { text: referral.friendReward.description },
  },
  counts: { sent: referral.stats.invited, joined: referral.stats.converted, points: referral.stats.pointsEarned },
});

const ledger = ({ items, nextCursor }: Activity): TheirLedger => ({
  entries: items.map((entry) => ({
    entry_id: entry.id,
    entry_type: entry.type as TheirLedger['entries'][number]['entry_type'],
    delta: entry.points,
    memo: entry.description,
    booked_at: seconds(entry.createdAt),
  })),
  next_page_token: nextCursor,
});
