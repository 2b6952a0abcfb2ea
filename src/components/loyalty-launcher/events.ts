import type { SdkEventMap } from '../../core/events.js';

/** The launcher's panel opened, on `detail.section`. */
export class LoyaltyPanelOpenedEvent extends Event {
  readonly detail: SdkEventMap['loyalty-panel-opened'];
  constructor(detail: SdkEventMap['loyalty-panel-opened']) {
    super('loyalty-panel-opened', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** The launcher's panel closed; `detail.section` is the section it showed last. */
export class LoyaltyPanelClosedEvent extends Event {
  readonly detail: SdkEventMap['loyalty-panel-closed'];
  constructor(detail: SdkEventMap['loyalty-panel-closed']) {
    super('loyalty-panel-closed', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'loyalty-panel-opened': LoyaltyPanelOpenedEvent;
    'loyalty-panel-closed': LoyaltyPanelClosedEvent;
  }
}
