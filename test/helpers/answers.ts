// Real answers of the reference API for every endpoint, read over HTTP once per test file: the
// property-based tests vary and break these rather than a hand-written copy of the contract.
import { endpoint as contractCall } from '../../src/core/api/endpoints.js';
import type { Check } from '../../src/core/api/validate.js';
import { TestApi } from './api.js';

export const endpoints = [
  'program',
  'me',
  'rewards',
  'redemptions',
  'referral',
  'activity',
  'redeem',
  'feedback',
] as const;
export type Endpoint = (typeof endpoints)[number];

/** The client's check of each endpoint's answer, from the SDK's endpoint table (a redemption reply is read by the SDK: redeem/reply.ts). */
export const checks = Object.fromEntries(
  endpoints.filter((name) => name !== 'redeem').map((name) => [name, contractCall(undefined, name).check]),
) as Record<Exclude<Endpoint, 'redeem'>, Check<unknown>>;

/** One answer per endpoint, for a customer with a tier, history, a code and a referral link. */
export async function realAnswers(): Promise<Record<Endpoint, unknown>> {
  const api = new TestApi();
  const { customerId, token } = await api.customer({ balance: 3000 });
  await api.order(customerId, 120);
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const get = (path: string) => fetch(`${api.apiBase}/v1/${path}`, { headers }).then((reply) => reply.json());
  const post = (path: string, body: unknown) =>
    fetch(`${api.apiBase}/v1/${path}`, {
      method: 'POST',
      headers: { ...headers, 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify(body),
    }).then((reply) => reply.json());
  const redeem: unknown = await post('redemptions', { rewardId: 'r_5_off' });
  const feedback: unknown = await post('feedback', {
    id: crypto.randomUUID(),
    survey: 'nps',
    score: 9,
    answeredAt: new Date().toISOString(),
  });
  const [program, me, rewards, redemptions, referral, activity] = (await Promise.all(
    ['program', 'me', 'rewards', 'redemptions', 'referral', 'activity'].map(get),
  )) as unknown[];
  return { program, me, rewards, redemptions, referral, activity, redeem, feedback };
}
