// Compile-only: `npm run typecheck` fails if `on()` stops giving each SDK event its own detail.
import {
  off,
  on,
  type LoyaltyError,
  type LoyaltyErrorCode,
  type NpsCategory,
  type ReferralChannel,
  type ResourceName,
} from '../../src/index.js';

export function typedSdkEvents(): void {
  // The README's own snippet.
  on('loyalty-error', ({ error }) => console.warn(error.code, error.message));
  on('loyalty-error', ({ error, resource, feedbackId }) => {
    const code: LoyaltyErrorCode = error.code;
    const failed: LoyaltyError = error;
    const name: ResourceName | undefined = resource;
    const answer: string | undefined = feedbackId;
    void [code, failed, name, answer];
  });
  const stop = on('reward-redeemed', ({ redemption, reward }) => {
    const code: string = redemption.code;
    const cost: number = reward.cost;
    void [code, cost];
  });
  stop();
  on('nps-answered', ({ id, score, category, orderId }) => {
    const values: [string, number, NpsCategory, string | undefined] = [id, score, category, orderId];
    void values;
  });
  on('nps-shown', ({ mode }) => void mode.toUpperCase());
  on('nps-dismissed', ({ score }) => void (score ?? 0).toFixed());
  on('nps-delivered', ({ id, category }) => void [id, category]);
  on('referral-shared', ({ channel }) => {
    const where: ReferralChannel = channel;
    void where;
  });
  on('referral-captured', ({ code, self }) => void [code.trim(), self]);
  on('configured', ({ apiBase }) => void apiBase.trim());
  on('identified', (customerId) => void customerId.trim());
  on('logged-out', (customerId) => void customerId?.trim());
  on('consent', (granted) => {
    const given: boolean = granted;
    void given;
  });

  const handler = ({ redemption }: { redemption: { code: string } }) => void redemption.code;
  on('reward-redeemed', handler);
  off('reward-redeemed', handler);

  // @ts-expect-error: a redemption has no `coupon`
  on('reward-redeemed', ({ redemption }) => void redemption.coupon);
  // @ts-expect-error: a LoyaltyError has no `reason`
  on('loyalty-error', ({ error }) => void error.reason);
  // @ts-expect-error: unknown names do not compile (a typo would never fire)
  on('reward-redeem', () => undefined);
  // @ts-expect-error: the handler of one event does not fit another
  off('nps-answered', handler);
}
