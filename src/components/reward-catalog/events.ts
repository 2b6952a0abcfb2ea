import type { Reward } from '../../core/api/schemas.js';
import type { SdkEventMap } from '../../core/events.js';

/**
 * The shopper confirmed a redemption; no request has been sent yet. Cancel it
 * (`event.preventDefault()`) to veto, e.g. when the cart cannot take a code now.
 */
export class RewardRedeemRequestEvent extends Event {
  readonly detail: { readonly reward: Reward; readonly points?: number };
  constructor(detail: { reward: Reward; points?: number }) {
    super('reward-redeem-request', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

/** The server issued a code; `detail.redemption.code` is what the host page applies to the cart. */
export class RewardRedeemedEvent extends Event {
  readonly detail: SdkEventMap['reward-redeemed'];
  constructor(detail: SdkEventMap['reward-redeemed']) {
    super('reward-redeemed', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'reward-redeem-request': RewardRedeemRequestEvent;
    'reward-redeemed': RewardRedeemedEvent;
  }
}
