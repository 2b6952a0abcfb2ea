import type { ReferralChannel } from '../../core/events.js';

export type { ReferralChannel };

/** The shopper shared (or copied, or showed the QR code of) their referral link; for analytics. */
export class ReferralSharedEvent extends Event {
  readonly detail: { readonly channel: ReferralChannel };
  constructor(channel: ReferralChannel) {
    super('referral-shared', { bubbles: true, composed: true });
    this.detail = { channel };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'referral-shared': ReferralSharedEvent;
  }
}
