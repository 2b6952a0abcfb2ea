import type { LoyaltyError } from '../../core/errors.js';

/** The data an element needs could not be loaded or an action failed. */
export class LoyaltyErrorEvent extends Event {
  readonly detail: { readonly error: LoyaltyError };
  constructor(error: LoyaltyError) {
    super('loyalty-error', { bubbles: true, composed: true });
    this.detail = { error };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'loyalty-error': LoyaltyErrorEvent;
  }
}
