// The panel shows the other elements in its sections: their code comes with it.
import '../loyalty-balance/define.js';
import '../reward-catalog/define.js';
import '../referral-share/define.js';
import '../loyalty-activity/define.js';
import { LoyaltyPanel } from './loyalty-panel.js';

LoyaltyPanel.define('loyalty-panel');

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-panel': LoyaltyPanel;
  }
}
