// Turkish, polite "siz" as the rest of the catalog.
import type { launcher as en } from '../../en/launcher.js';
import type { Section } from '../../messages.js';

export const launcher: Section<typeof en> = {
  'launcher.label': 'Sadakat programı',
  'launcher.open': '{program} aç',
  'launcher.openWithPoints': '{program} aç, {points}',
};
