// A merchant's own loyalty API, shaped unlike docs/openapi.yaml, mapped onto the contract with
// `configure({ api })`. The README quotes this file; `npm run typecheck` compiles it, and the
// browser tests run every element through it against such an API (server/testing/merchant-api.ts).
import type { ApiMapping, BirthdayRequest, FeedbackAnswer, Me, RedeemRequest, Redemption } from '../../src/index.js';

// ---- The merchant's JSON: snake_case, other names and nesting, money as decimal amounts in the
// currency's major unit (5.5 = $5.50), some times as Unix seconds, its own paging. -------------

export interface TheirMoney {
  value: number;
  currency_code: string;
}

export interface TheirSettings {
  program: {
    title: string;
    currency_code: string;
    unit: { singular: string; plural: string };
    earning: { points: number; per: TheirMoney };
    join_link?: string;
    sign_in_link?: string;
  };
  levels: {
    code: string;
    title: string;
    position: number;
    min_value: number;
    basis: 'points' | 'spend';
    multiplier: number;
    perks: string[];
  }[];
  earn_actions: {
    key: string;
    category: 'purchase' | 'signup' | 'birthday' | 'referral' | 'review' | 'social' | 'custom';
    label: string;
    reward_points: number;
    per_spend: boolean;
    link?: string;
  }[];
  referral_program: { referrer_gets: string; friend_gets: string };
}

export interface TheirMember {
  member: { member_id: string; first_name?: string; date_of_birth?: string | null };
  wallet: {
    available: number;
    pending: number;
    lifetime: number;
    expiring: { amount: number; expires_on: string }[];
  };
  level: { code: string; title: string } | null;
  progress: {
    basis: 'points' | 'spend';
    current: number;
    next_code: string | null;
    next_title: string | null;
    to_go: number | null;
  };
  invite: { code: string; link: string } | null;
}

export interface TheirItem {
  sku: string;
  title: string;
  summary: string;
  how_to_use?: string;
  type: 'discount' | 'free-product' | 'free-shipping' | 'store-credit' | 'donation' | 'partner' | 'experience';
  price_points: number;
  flexible?: { min: number; max: number; step: number; per_point: TheirMoney };
  discount?: TheirMoney | { percent: number };
  image?: string;
  min_level?: string;
  starts_at?: string;
  redeemable: boolean;
  blocked_by?: 'tier-locked' | 'out-of-stock' | 'coming-soon' | 'limit-reached';
}

export interface TheirVoucher {
  voucher_id: string;
  sku: string;
  title: string;
  voucher_code: string;
  points_used: number;
  issued_at: number;
  valid_until?: number;
  state: 'active' | 'used';
}

export interface TheirReferrals {
  invite: { code: string; link: string };
  rewards: { referrer: { text: string; points?: number }; friend: { text: string } };
  counts: { sent: number; joined: number; points: number };
}

export interface TheirLedger {
  entries: {
    entry_id: string;
    entry_type: 'earn' | 'redeem' | 'expire' | 'adjust' | 'referral' | 'bonus' | 'tier-change';
    delta: number;
    memo: string;
    booked_at: number;
  }[];
  next_page_token: string | null;
}

export interface TheirProfileUpdate {
  date_of_birth: string;
}

export interface TheirVoucherRequest {
  sku: string;
  points_amount?: number;
}

export interface TheirNpsResponse {
  response_id: string;
  rating?: number;
  remarks?: string;
  order_ref?: string;
  page_url?: string;
  language?: string;
  answered_at: string;
}

// ---- The mapping ---------------------------------------------------------------------------

const cents = (money: TheirMoney) => ({ amount: Math.round(money.value * 100), currency: money.currency_code });
const isoTime = (seconds: number) => new Date(seconds * 1000).toISOString();

const voucher = (v: TheirVoucher): Redemption => ({
  id: v.voucher_id,
  rewardId: v.sku,
  rewardName: v.title,
  code: v.voucher_code,
  pointsSpent: v.points_used,
  createdAt: isoTime(v.issued_at),
  ...(v.valid_until === undefined ? {} : { expiresAt: isoTime(v.valid_until) }),
  used: v.state === 'used',
});

const member = ({ member, wallet, level, progress, invite }: TheirMember): Me => {
  // Spend-based progress comes in major units; the contract counts it in cents.
  const unit = progress.basis === 'spend' ? 100 : 1;
  return {
    customer: { id: member.member_id, ...(member.first_name ? { firstName: member.first_name } : {}) },
    points: {
      balance: wallet.available,
      pending: wallet.pending,
      lifetime: wallet.lifetime,
      expiring: wallet.expiring.map((lot) => ({ points: lot.amount, expiresAt: lot.expires_on })),
    },
    tier: level && { id: level.code, name: level.title },
    tierProgress: {
      metric: progress.basis,
      current: Math.round(progress.current * unit),
      nextTierId: progress.next_code,
      nextTierName: progress.next_title,
      remaining: progress.to_go === null ? null : Math.round(progress.to_go * unit),
    },
    referral: invite && { code: invite.code, url: invite.link },
    // Absent when their API does not know birthdays: <loyalty-panel> then offers no birthday form.
    ...(member.date_of_birth === undefined ? {} : { birthday: member.date_of_birth }),
  };
};

export const merchantApi: ApiMapping = {
  program: {
    path: 'loyalty/settings',
    map: ({ program, levels, earn_actions, referral_program }: TheirSettings) => ({
      name: program.title,
      currency: program.currency_code,
      pointsLabel: { one: program.unit.singular, other: program.unit.plural },
      earnRate: { points: program.earning.points, per: cents(program.earning.per) },
      tiers: levels.map((level) => ({
        id: level.code,
        name: level.title,
        rank: level.position,
        threshold: level.basis === 'spend' ? Math.round(level.min_value * 100) : level.min_value,
        metric: level.basis,
        multiplier: level.multiplier,
        benefits: level.perks,
      })),
      waysToEarn: earn_actions.map((action) => ({
        id: action.key,
        kind: action.category,
        title: action.label,
        points: action.reward_points,
        pointsType: action.per_spend ? 'per-currency' : 'fixed',
        ...(action.link ? { ctaUrl: action.link } : {}),
      })),
      referral: { advocateReward: referral_program.referrer_gets, friendReward: referral_program.friend_gets },
      ...(program.join_link ? { joinUrl: program.join_link } : {}),
      ...(program.sign_in_link ? { signInUrl: program.sign_in_link } : {}),
    }),
  },
  me: { path: 'customers/me/loyalty', map: member },
  rewards: {
    // A path may carry its own query; paging and the like are added to it.
    path: 'catalog/items?channel=web',
    map: ({ items }: { items: TheirItem[] }) => ({
      rewards: items.map((item) => ({
        id: item.sku,
        name: item.title,
        description: item.summary,
        ...(item.how_to_use ? { instructions: item.how_to_use } : {}),
        kind: item.type,
        cost: item.price_points,
        ...(item.flexible && {
          variable: {
            minPoints: item.flexible.min,
            maxPoints: item.flexible.max,
            step: item.flexible.step,
            valuePerPoint: cents(item.flexible.per_point),
          },
        }),
        ...(item.discount && { value: 'percent' in item.discount ? item.discount : cents(item.discount) }),
        ...(item.image ? { imageUrl: item.image } : {}),
        ...(item.min_level ? { minTier: item.min_level } : {}),
        ...(item.starts_at ? { availableFrom: item.starts_at } : {}),
        available: item.redeemable,
        ...(item.blocked_by ? { reason: item.blocked_by } : {}),
      })),
    }),
  },
  redemptions: {
    path: 'customers/me/vouchers',
    map: ({ vouchers }: { vouchers: TheirVoucher[] }) => ({ redemptions: vouchers.map(voucher) }),
  },
  referral: {
    path: 'customers/me/referrals',
    map: ({ invite, rewards, counts }: TheirReferrals) => ({
      code: invite.code,
      url: invite.link,
      advocateReward: { description: rewards.referrer.text, points: rewards.referrer.points },
      friendReward: { description: rewards.friend.text },
      stats: { invited: counts.sent, converted: counts.joined, pointsEarned: counts.points },
    }),
  },
  activity: {
    path: 'customers/me/ledger',
    // Their paging: `per_page`, and the `next_page_token` of the page before.
    page: ({ limit, cursor }) => ({ per_page: limit, page_token: cursor }),
    map: ({ entries, next_page_token }: TheirLedger) => ({
      items: entries.map((entry) => ({
        id: entry.entry_id,
        type: entry.entry_type,
        points: entry.delta,
        description: entry.memo,
        createdAt: isoTime(entry.booked_at),
      })),
      nextCursor: next_page_token,
    }),
  },
  redeem: {
    path: 'customers/me/vouchers',
    body: ({ rewardId, points }: RedeemRequest): TheirVoucherRequest =>
      points === undefined ? { sku: rewardId } : { sku: rewardId, points_amount: points },
    map: (reply: { voucher: TheirVoucher; wallet: { available: number } }) => ({
      redemption: voucher(reply.voucher),
      points: { balance: reply.wallet.available },
    }),
  },
  birthday: {
    // Their profile update (sent as PATCH), answered with the member as GET answers it.
    path: 'customers/me/loyalty',
    body: ({ birthday }: BirthdayRequest): TheirProfileUpdate => ({ date_of_birth: birthday }),
    map: member,
  },
  feedback: {
    path: 'surveys/nps/responses',
    body: (answer: FeedbackAnswer): TheirNpsResponse => ({
      response_id: answer.id,
      rating: answer.score,
      remarks: answer.comment,
      order_ref: answer.orderId,
      page_url: answer.page,
      language: answer.locale,
      answered_at: answer.answeredAt,
    }),
    map: (reply: { response_id: string; segment: 'promoter' | 'passive' | 'detractor' }) => ({
      id: reply.response_id,
      category: reply.segment,
    }),
  },
};
