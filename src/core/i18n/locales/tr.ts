// The full Turkish catalog, loaded lazily by translate.ts on first use of the language.
import type { Messages } from '../messages.js';
import { balance } from './tr/balance.js';
import { catalog } from './tr/catalog.js';
import { common } from './tr/common.js';
import { launcher } from './tr/launcher.js';
import { panel } from './tr/panel.js';
import { referral } from './tr/referral.js';
import { survey } from './tr/survey.js';
import { feedback } from './tr/feedback.js';

export const tr: Messages = {
  ...common,
  ...balance,
  ...catalog,
  ...survey,
  ...feedback,
  ...referral,
  ...panel,
  ...launcher,
};
