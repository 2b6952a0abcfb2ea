// Turkish, polite "siz" in sentences; buttons use the bare imperative, as Turkish interfaces do.
import type { common as en } from '../../en/common.js';
import type { Section } from '../../messages.js';

export const common: Section<typeof en> = {
  'common.retry': 'Tekrar dene',
  'common.loading': 'Yükleniyor…',
  'common.error': 'Bu içerik şu anda yüklenemedi.',
  'common.offline': 'İnternet bağlantınız yok gibi görünüyor.',
  'common.lastUpdated': 'Son güncelleme: {time}',
  'common.join': 'Hemen katıl',
  'common.signIn': 'Giriş yap',
  'common.copy': 'Kopyala',
  'common.copied': 'Kopyalandı',
  'common.copyManually': 'Kopyalamak için {shortcut} tuşlarına basın',
  'common.close': 'Kapat',
  'common.pointsFallback': { one: 'puan', other: 'puan' },
};
