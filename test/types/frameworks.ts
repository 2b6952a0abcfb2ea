// Compile-only: the framework typings give each element its properties and typed event handlers.
import type { VueLoyaltyElementProps } from '../../src/frameworks/vue.js';

export const vueCatalog: VueLoyaltyElementProps<'reward-catalog'> = {
  sort: 'cost-asc',
  onRewardRedeemed: (event) => void event.detail.redemption.code.trim(),
  onRewardRedeemRequest: (event) => event.preventDefault(),
  onLoyaltyError: (event) => void event.detail.error.code,
};

export const vueSurvey: VueLoyaltyElementProps<'nps-survey'> = {
  mode: 'inline',
  onNpsAnswered: (event) => void event.detail.score.toFixed(),
  // @ts-expect-error: the survey fires no reward events
  onRewardRedeemed: () => undefined,
};
