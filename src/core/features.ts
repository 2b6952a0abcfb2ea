// SDK features that start with `configure()` (outbox delivery, survey triggers, referral
// capture). Each starter runs on every configure() call and must be idempotent per SDK. The
// starters are small; each loads its feature's code only when the page needs it (see lazy.ts).
import { startDelivery } from './outbox/start.js';
import { startCapture } from './referral/start.js';
import type { Sdk } from './sdk.js';
import { startSurveyTriggers } from './survey/start.js';
import { startFeedbackTriggers } from './survey/feedback-start.js';

export const features: ((sdk: Sdk) => void)[] = [];

// Referral: remember the code a shopper arrived with (?ref=CODE) for checkout.
features.push(startCapture);

// Feedback: deliver undelivered survey answers, and open the survey after a tracked purchase.
features.push(startDelivery, startSurveyTriggers, startFeedbackTriggers);
