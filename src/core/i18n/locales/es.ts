// The full Spanish catalog, loaded lazily by translate.ts on first use of the language.
import type { Messages } from '../messages.js';
import { balance } from './es/balance.js';
import { catalog } from './es/catalog.js';
import { common } from './es/common.js';
import { launcher } from './es/launcher.js';
import { panel } from './es/panel.js';
import { referral } from './es/referral.js';
import { survey } from './es/survey.js';
import { feedback } from './es/feedback.js';

export const es: Messages = {
  ...common,
  ...balance,
  ...catalog,
  ...survey,
  ...feedback,
  ...referral,
  ...panel,
  ...launcher,
};
