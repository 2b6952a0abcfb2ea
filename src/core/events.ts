// The SDK's own event bus: `on()` handlers hear events even when no element is on the page.
import type { Redemption, Reward } from './api/schemas.js';
import type { LoyaltyOptions, ResourceName } from './config.js';
import type { LoyaltyError } from './errors.js';
import type { DeliveredDetail } from './outbox/outbox.js';
import type { ReferralCapturedDetail } from './referral/capture.js';
import type { PanelRequest, PanelSection } from './panel.js';
import type { AnswerValue } from './survey/feedback/definitions.js';
import type { NpsCategory } from './survey/rules.js';

/** Where the shopper shared their referral link. */
export type ReferralChannel =
  'native' | 'copy-link' | 'copy-code' | 'email' | 'sms' | 'whatsapp' | 'x' | 'facebook' | 'linkedin' | 'qr';

/**
 * Every event `on(name, handler)` hears, with the `detail` its handler gets. The element events
 * of the same name carry the same detail (`event.detail`). One map, so the bus, `on()` and the
 * event classes cannot drift apart; a name not listed here does not compile.
 */
export interface SdkEventMap {
  /** A load or an action failed; `resource` names the data, `feedbackId` the survey answer. */
  'loyalty-error': { readonly error: LoyaltyError; readonly resource?: ResourceName; readonly feedbackId?: string };
  /** The server issued a code; apply `redemption.code` to the cart. */
  'reward-redeemed': { readonly redemption: Redemption; readonly reward: Reward };
  /** The survey opened. */
  'nps-shown': { readonly orderId?: string; readonly mode: string };
  /** The shopper chose a score (again when they change it; the same `id` is updated). */
  'nps-answered': {
    readonly id: string;
    readonly score: number;
    readonly category: NpsCategory;
    readonly orderId?: string;
  };
  /** The shopper closed the survey; `score` is null when they closed it without answering. */
  'nps-dismissed': { readonly id?: string; readonly score: number | null };
  /** The server stored an answer as it stands (from the outbox, also after a reload). */
  'nps-delivered': DeliveredDetail;
  /** A survey of GET /v1/surveys opened (`resumed` after a reload mid-way). */
  'feedback-shown': { readonly survey: string; readonly id: string; readonly mode: string; readonly resumed: boolean };
  /** The shopper answered a question (again when they change it); the response `id` stays the same. */
  'feedback-answered': {
    readonly survey: string;
    readonly id: string;
    readonly question: string;
    readonly value: AnswerValue;
  };
  /** The shopper reached the end; `answers` by question id. */
  'feedback-completed': {
    readonly survey: string;
    readonly id: string;
    readonly answers: Readonly<Record<string, AnswerValue>>;
  };
  /** The shopper closed the survey before its end; `answered` questions were kept and sent. */
  'feedback-dismissed': { readonly survey: string; readonly id: string; readonly answered: number };
  /** The server stored the response as it stands (from the outbox, also after a reload). */
  'feedback-delivered': { readonly survey: string; readonly id: string; readonly completed: boolean };
  /** The shopper shared (or copied, or showed the QR code of) their referral link. */
  'referral-shared': { readonly channel: ReferralChannel };
  /** The page was opened with a referral code (`?ref=`). */
  'referral-captured': ReferralCapturedDetail;
  /** configure() ran; the detail is the options now in force. */
  configured: LoyaltyOptions;
  /** identify() switched to this customer id. */
  identified: string;
  /** logout() signed out this customer (null when nobody was signed in). */
  'logged-out': string | null;
  /** The storage consent given or withdrawn (here or in another tab). */
  consent: boolean;
  /** The launcher's panel opened, on `section`. */
  'loyalty-panel-opened': { readonly section: PanelSection };
  /** The launcher's panel closed; `section` is the one it showed last. */
  'loyalty-panel-closed': { readonly section: PanelSection };
  /** Internal: open() or close() asked a `<loyalty-launcher>` to act. */
  'panel-request': PanelRequest;
}

export type SdkEventName = keyof SdkEventMap;
export type SdkHandler<K extends SdkEventName> = (detail: SdkEventMap[K]) => void;

export function createBus() {
  const handlers = new Map<SdkEventName, Set<SdkHandler<never>>>();
  return {
    on<K extends SdkEventName>(name: K, handler: SdkHandler<K>): () => void {
      let set = handlers.get(name);
      if (!set) handlers.set(name, (set = new Set()));
      set.add(handler);
      return () => set.delete(handler);
    },
    off<K extends SdkEventName>(name: K, handler: SdkHandler<K>): void {
      handlers.get(name)?.delete(handler);
    },
    emit<K extends SdkEventName>(name: K, detail: SdkEventMap[K]): void {
      for (const handler of [...(handlers.get(name) ?? [])] as SdkHandler<K>[]) {
        // A merchant's handler that throws must not break the widgets or other handlers.
        try {
          handler(detail);
        } catch (error) {
          console.error(`[loyalty-widgets] a handler for "${name}" threw`, error);
        }
      }
    },
  };
}
