// Message lookup with merchant overrides, variables and plurals.
import { common } from './en/common.js';
import type { Message, MessageKey, Messages } from './messages.js';
import { numberFormat, pluralRules } from './format.js';

export type Overrides = Record<string, Partial<Messages>>;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** Loaded catalogs by language. English is built in; the others load on first use (lazy chunks). */
const catalogs = new Map<string, Partial<Messages>>();
const loaders: Record<string, () => Promise<Messages>> = {
  es: () => import('./locales/es.js').then((module) => module.es),
  de: () => import('./locales/de.js').then((module) => module.de),
  tr: () => import('./locales/tr.js').then((module) => module.tr),
};
const loading = new Map<string, Promise<void>>();

/** The languages with a built-in catalog. */
export const languages = ['en', ...Object.keys(loaders)];

/**
 * Resolves once the catalog for `locale`'s language is ready (at once for English or a language
 * without a catalog, which falls back to English). A failed load also falls back.
 */
export function loadLanguage(locale: string): Promise<void> | undefined {
  const language = locale.split('-')[0].toLowerCase();
  if (catalogs.has(language) || !loaders[language]) return undefined;
  let promise = loading.get(language);
  if (!promise) {
    promise = loaders[language]()
      .then((messages) => void catalogs.set(language, messages))
      .catch(() => undefined);
    loading.set(language, promise);
  }
  return promise;
}

/**
 * The messages for a locale: the merchant's overrides, then the exact tag, its language, then
 * English. English comes in sections: `common` here, each element's own with the element, so a
 * page downloads only the strings of the elements it shows.
 */
function lookup(
  locale: string,
  key: MessageKey,
  overrides: Overrides | undefined,
  english: Partial<Messages>,
): Message {
  const language = locale.split('-')[0].toLowerCase();
  return (
    overrides?.[locale]?.[key] ??
    overrides?.[language]?.[key] ??
    catalogs.get(locale)?.[key] ??
    catalogs.get(language)?.[key] ??
    english[key] ??
    (common as Partial<Messages>)[key] ??
    key
  );
}

export function translator(locale: string, overrides?: Overrides, english: Partial<Messages> = {}): Translate {
  return (key, vars = {}) => {
    const message = lookup(locale, key, overrides, english);
    const template =
      typeof message === 'string'
        ? message
        : (message[pluralRules(locale).select(Number(vars.count ?? 0))] ?? message.other);
    return template.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = vars[name];
      if (value === undefined) return match;
      return typeof value === 'number' ? numberFormat(locale).format(value) : value;
    });
  };
}
