// The English catalog: the defaults, and the shape every other language must match.
import { activity } from './activity.js';
import { balance } from './balance.js';
import { catalog } from './catalog.js';
import { common } from './common.js';
import { launcher } from './launcher.js';
import { panel } from './panel.js';
import { redeem } from './redeem.js';
import { referral } from './referral.js';
import { survey } from './survey.js';
import { feedback } from './feedback.js';

export const en = {
  ...common,
  ...balance,
  ...activity,
  ...catalog,
  ...redeem,
  ...survey,
  ...feedback,
  ...referral,
  ...panel,
  ...launcher,
};
