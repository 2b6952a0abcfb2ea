import { LoyaltyBalance } from './loyalty-balance.js';

LoyaltyBalance.define('loyalty-balance');

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-balance': LoyaltyBalance;
  }
}
