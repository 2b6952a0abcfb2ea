import { ReferralShare } from './referral-share.js';

ReferralShare.define('referral-share');

declare global {
  interface HTMLElementTagNameMap {
    'referral-share': ReferralShare;
  }
}
