import { RewardCatalog } from './reward-catalog.js';

RewardCatalog.define('reward-catalog');

declare global {
  interface HTMLElementTagNameMap {
    'reward-catalog': RewardCatalog;
  }
}
