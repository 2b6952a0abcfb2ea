// Spanish, informal "tú" as the rest of the catalog.
import type { launcher as en } from '../../en/launcher.js';
import type { Section } from '../../messages.js';

export const launcher: Section<typeof en> = {
  'launcher.label': 'Programa de fidelidad',
  'launcher.open': 'Abrir {program}',
  'launcher.openWithPoints': 'Abrir {program}, {points}',
};
