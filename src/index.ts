// The npm entry: element classes, event classes and the SDK, with no side effects.
// Register elements with `import 'loyalty-widgets/define'` (all) or `'loyalty-widgets/<tag>'` (one).
export * from './core/index.js';
// Loads the elements inside a shadow root; imports their code on demand (no side effect here).
export { discover } from './autoloader.js';
export { LoyaltyElement } from './components/shared/loyalty-element.js';
export { LoyaltyErrorEvent } from './components/shared/loyalty-error-event.js';
export { safeUrl } from './components/shared/safe-url.js';
export { LoyaltyBalance } from './components/loyalty-balance/loyalty-balance.js';
export { LoyaltyActivity } from './components/loyalty-activity/loyalty-activity.js';
export { RewardCatalog, type RewardSort } from './components/reward-catalog/reward-catalog.js';
export { RewardRedeemRequestEvent, RewardRedeemedEvent } from './components/reward-catalog/events.js';
export { NpsSurvey } from './components/nps-survey/nps-survey.js';
export {
  NpsAnsweredEvent,
  NpsDeliveredEvent,
  NpsDismissedEvent,
  NpsShownEvent,
  type NpsCategory,
} from './components/nps-survey/events.js';
export { FeedbackSurvey } from './components/feedback-survey/feedback-survey.js';
export {
  FeedbackAnsweredEvent,
  FeedbackCompletedEvent,
  FeedbackDeliveredEvent,
  FeedbackDismissedEvent,
  FeedbackShownEvent,
} from './components/feedback-survey/events.js';
export { ReferralShare } from './components/referral-share/referral-share.js';
export { ReferralSharedEvent, type ReferralChannel } from './components/referral-share/events.js';
export { LoyaltyPanel } from './components/loyalty-panel/loyalty-panel.js';
export { LoyaltyLauncher } from './components/loyalty-launcher/loyalty-launcher.js';
export { LoyaltyPanelOpenedEvent, LoyaltyPanelClosedEvent } from './components/loyalty-launcher/events.js';
