// The full German catalog, loaded lazily by translate.ts on first use of the language.
import type { Messages } from '../messages.js';
import { balance } from './de/balance.js';
import { catalog } from './de/catalog.js';
import { common } from './de/common.js';
import { launcher } from './de/launcher.js';
import { panel } from './de/panel.js';
import { referral } from './de/referral.js';
import { survey } from './de/survey.js';
import { feedback } from './de/feedback.js';

export const de: Messages = {
  ...common,
  ...balance,
  ...catalog,
  ...survey,
  ...feedback,
  ...referral,
  ...panel,
  ...launcher,
};
