import { LoyaltyActivity } from './loyalty-activity.js';

LoyaltyActivity.define('loyalty-activity');

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-activity': LoyaltyActivity;
  }
}
