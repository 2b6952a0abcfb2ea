// German, formal "Sie" (the shop speaking to its customer).
import type { launcher as en } from '../../en/launcher.js';
import type { Section } from '../../messages.js';

export const launcher: Section<typeof en> = {
  'launcher.label': 'Treueprogramm',
  'launcher.open': '{program} öffnen',
  'launcher.openWithPoints': '{program} öffnen, {points}',
};
