// Spanish (neutral, for Spain and Latin America), tú form. Merchants override per region.
import type { common as en } from '../../en/common.js';
import type { Section } from '../../messages.js';

export const common: Section<typeof en> = {
  'common.retry': 'Reintentar',
  'common.loading': 'Cargando…',
  'common.error': 'No pudimos cargar esto en este momento.',
  'common.offline': 'Parece que no tienes conexión.',
  'common.lastUpdated': 'Última actualización: {time}',
  'common.join': 'Únete ahora',
  'common.signIn': 'Iniciar sesión',
  'common.copy': 'Copiar',
  'common.copied': 'Copiado',
  'common.copyManually': 'Usa {shortcut} para copiar',
  'common.close': 'Cerrar',
  'common.pointsFallback': { one: 'punto', many: 'puntos', other: 'puntos' },
};
