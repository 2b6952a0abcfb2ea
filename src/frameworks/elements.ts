// What each element accepts from a framework template: its public properties and its events.
// One list here feeds the React, Preact and Vue typings next to it.
import type { LoyaltyActivity } from '../components/loyalty-activity/loyalty-activity.js';
import type { LoyaltyBalance } from '../components/loyalty-balance/loyalty-balance.js';
import type { LoyaltyLauncher } from '../components/loyalty-launcher/loyalty-launcher.js';
import type { LoyaltyPanel } from '../components/loyalty-panel/loyalty-panel.js';
import type { NpsSurvey } from '../components/nps-survey/nps-survey.js';
import type { FeedbackSurvey } from '../components/feedback-survey/feedback-survey.js';
import type { ReferralShare } from '../components/referral-share/referral-share.js';
import type { RewardCatalog } from '../components/reward-catalog/reward-catalog.js';
import type {} from '../components/shared/loyalty-error-event.js';
import type {} from '../components/nps-survey/events.js';
import type {} from '../components/feedback-survey/events.js';
import type {} from '../components/referral-share/events.js';
import type {} from '../components/reward-catalog/events.js';
import type {} from '../components/loyalty-launcher/events.js';

interface Spec<E, P extends keyof E, V extends keyof GlobalEventHandlersEventMap> {
  element: E;
  props: P | 'theme';
  events: V;
}

export interface LoyaltyElementSpecs {
  'loyalty-balance': Spec<LoyaltyBalance, 'compact' | 'hideTier' | 'hideExpiring' | 'joinUrl', 'loyalty-error'>;
  'loyalty-activity': Spec<LoyaltyActivity, 'joinUrl', 'loyalty-error'>;
  'reward-catalog': Spec<
    RewardCatalog,
    'kind' | 'sort' | 'hideUnavailable' | 'joinUrl',
    'loyalty-error' | 'reward-redeem-request' | 'reward-redeemed'
  >;
  'nps-survey': Spec<
    NpsSurvey,
    'mode' | 'open' | 'detractorQuestion' | 'passiveQuestion' | 'promoterQuestion',
    'loyalty-error' | 'nps-shown' | 'nps-answered' | 'nps-dismissed' | 'nps-delivered'
  >;
  'feedback-survey': Spec<
    FeedbackSurvey,
    'survey' | 'mode' | 'open',
    | 'loyalty-error'
    | 'feedback-shown'
    | 'feedback-answered'
    | 'feedback-completed'
    | 'feedback-dismissed'
    | 'feedback-delivered'
  >;
  'referral-share': Spec<
    ReferralShare,
    'message' | 'qr' | 'hideStats' | 'joinUrl',
    'loyalty-error' | 'referral-shared'
  >;
  'loyalty-panel': Spec<LoyaltyPanel, 'section' | 'joinUrl', 'loyalty-error'>;
  'loyalty-launcher': Spec<
    LoyaltyLauncher,
    'position' | 'deepLinkParam' | 'joinUrl',
    'loyalty-error' | 'loyalty-panel-opened' | 'loyalty-panel-closed'
  >;
}

export type LoyaltyTag = keyof LoyaltyElementSpecs;
type SpecOf<T extends LoyaltyTag> = LoyaltyElementSpecs[T];

/** The element's public properties, all optional. */
export type LoyaltyElementProps<T extends LoyaltyTag> = Partial<
  Pick<SpecOf<T>['element'], Extract<SpecOf<T>['props'], keyof SpecOf<T>['element']>>
>;

/** `on<event-name>` handlers, as React 19 and Preact attach them to custom elements. */
export type LoyaltyEventHandlers<T extends LoyaltyTag> = {
  [E in SpecOf<T>['events'] as `on${E}`]?: (event: GlobalEventHandlersEventMap[E]) => void;
};
