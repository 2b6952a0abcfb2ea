// SDK features that start with `configure()` (outbox delivery, survey triggers, referral
// capture). Each starter runs on every configure() call and must be idempotent per SDK.
import { captureOnConfigure } from './referral/capture.js';
import type { Sdk } from './sdk.js';

export const features: ((sdk: Sdk) => void)[] = [];

// Referral: remember the code a shopper arrived with (?ref=CODE) for checkout.
features.push(captureOnConfigure);
