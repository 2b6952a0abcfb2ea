import { LoyaltyLauncher } from './loyalty-launcher.js';

LoyaltyLauncher.define('loyalty-launcher');

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-launcher': LoyaltyLauncher;
  }
}
