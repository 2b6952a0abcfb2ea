/** Where the shopper shared their referral link. */
export type ReferralChannel =
  'native' | 'copy-link' | 'copy-code' | 'email' | 'sms' | 'whatsapp' | 'x' | 'facebook' | 'linkedin' | 'qr';

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
