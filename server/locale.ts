// Picks the language of the answer from Accept-Language among the program's translations, and
// looks strings up in it. Anything untranslated falls back to the program file's own text.
import type { ProgramFile } from './program.js';

export interface Localizer {
  /** The language of the answer, for Content-Language. */
  language: string;
  t(key: string, fallback: string): string;
}

export function localizer(file: ProgramFile, acceptLanguage: string | undefined): Localizer {
  const base = file.program.language ?? 'en';
  const language = pickLanguage(acceptLanguage, base, Object.keys(file.translations ?? {}));
  const strings = language === base ? {} : (file.translations?.[language] ?? {});
  return { language, t: (key, fallback) => strings[key] ?? fallback };
}

/** The first language the client prefers (by q, then order) that we have; `base` otherwise. */
export function pickLanguage(header: string | undefined, base: string, available: readonly string[]): string {
  if (!header) return base;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/i.exec(param)?.[1]).find(Boolean);
      return { primary: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.primary && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { primary } of ranges) {
    if (primary === base || primary === '*') return base;
    if (available.includes(primary)) return primary;
  }
  return base;
}
