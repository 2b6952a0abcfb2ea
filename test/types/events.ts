// Compile-only: `npm run typecheck` fails if the element and event types stop holding.
import type {} from '../../src/define.js';
import type {} from '../../src/frameworks/react.js';
import { on, open, type LoyaltyError, type PanelSection } from '../../src/index.js';

export function typedEvents(): void {
  const catalog = document.createElement('reward-catalog');
  catalog.addEventListener('reward-redeemed', (event) => {
    const code: string = event.detail.redemption.code;
    const points: number = event.detail.reward.cost;
    void [code, points];
  });
  catalog.addEventListener('reward-redeem-request', (event) => event.preventDefault());
  // @ts-expect-error: a redemption has no `coupon`
  catalog.addEventListener('reward-redeemed', (event) => void event.detail.redemption.coupon);

  document.addEventListener('nps-answered', (event) => {
    const score: number = event.detail.score;
    void score;
  });
  document.addEventListener('feedback-answered', (event) => {
    const question: string = event.detail.question;
    const value: number | string | { choices: string[]; other?: string } = event.detail.value;
    void [question, value];
  });
  // @ts-expect-error: a completed response has answers, not a score
  document.addEventListener('feedback-completed', (event) => void event.detail.score);
  on('feedback-delivered', ({ id, survey, completed }) => void [id, survey, completed satisfies boolean]);
  const feedback = document.createElement('feedback-survey');
  feedback.survey = 'delivery';
  // @ts-expect-error: a mode the element does not have
  feedback.mode = 'popup';
  document.addEventListener('referral-shared', (event) => {
    const channel: string = event.detail.channel;
    void channel;
  });
  document.addEventListener('loyalty-error', (event) => {
    const error: LoyaltyError = event.detail.error;
    void error.code;
  });

  const balance = document.querySelector('loyalty-balance');
  if (balance) balance.compact = true;
  // @ts-expect-error: compact is a boolean
  if (balance) balance.compact = 'yes';

  on('reward-redeemed', () => undefined);

  const launcher = document.createElement('loyalty-launcher');
  launcher.addEventListener('loyalty-panel-opened', (event) => {
    const section: PanelSection = event.detail.section;
    void section;
  });
  void launcher.open('tiers');
  // @ts-expect-error: not a section of the panel
  void launcher.open('settings');
  // @ts-expect-error: not a section of the panel
  open('settings');
  const panel = document.querySelector('loyalty-panel');
  if (panel) panel.section = 'earn';
}
