// German, formal "Sie" (the shop speaking to its customer).
import type { common as en } from '../../en/common.js';
import type { Section } from '../../messages.js';

export const common: Section<typeof en> = {
  'common.retry': 'Erneut versuchen',
  'common.loading': 'Wird geladen…',
  'common.error': 'Das konnte gerade nicht geladen werden.',
  'common.offline': 'Sie scheinen offline zu sein.',
  'common.lastUpdated': 'Zuletzt aktualisiert: {time}',
  'common.join': 'Jetzt Mitglied werden',
  'common.signIn': 'Anmelden',
  'common.copy': 'Kopieren',
  'common.copied': 'Kopiert',
  'common.copyManually': 'Drücken Sie zum Kopieren {shortcut}',
  'common.close': 'Schließen',
  'common.pointsFallback': { one: 'Punkt', other: 'Punkte' },
};
