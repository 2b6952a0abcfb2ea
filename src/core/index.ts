// The headless SDK: no Lit, no DOM changes on import.
export * from './public-api.js';
export { getSdk } from './global.js';
export type { SdkEventMap, SdkEventName, SdkHandler, ReferralChannel } from './events.js';
export { LoyaltyError, isLoyaltyError, type LoyaltyErrorCode, type Problem } from './errors.js';
export type { LoyaltyOptions, TokenProvider, ResourceName, SurveyOptions, ReferralOptions } from './config.js';
export type { DeliveredDetail, FeedbackAnswer } from './outbox/outbox.js';
export type { ShowOptions } from './survey/show.js';
export type { Purchase } from './survey/trigger.js';
export { panelSections, type PanelSection } from './panel.js';
export type { ReferralCapturedDetail } from './referral/capture.js';
export { redeemIntents } from './redeem/intents.js';
export type * from './api/schemas.js';
export type {
  ApiMapping,
  ActivityMapping,
  ActivityPage,
  BirthdayRequest,
  QueryParams,
  RedeemRequest,
  ResourceMapping,
  WriteMapping,
} from './api/endpoints.js';
export type { Snapshot, Status } from './store/resource.js';
export { setClock, now } from './clock.js';
