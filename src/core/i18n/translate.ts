// Message lookup with merchant overrides, variables and plurals.
import { en } from './en/index.js';
import type { Message, MessageKey, Messages } from './messages.js';
import { numberFormat, pluralRules } from './format.js';

export type Overrides = Record<string, Partial<Messages>>;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** Other languages register here when their lazy chunk loads (see the embedding docs). */
const catalogs = new Map<string, Partial<Messages>>([['en', en]]);
export function addCatalog(language: string, messages: Partial<Messages>): void {
  catalogs.set(language, messages);
}

/** The messages for a locale: exact tag, then its language, then English; overrides on top. */
function lookup(locale: string, key: MessageKey, overrides: Overrides | undefined): Message {
  const language = locale.split('-')[0];
  return (
    overrides?.[locale]?.[key] ??
    overrides?.[language]?.[key] ??
    catalogs.get(locale)?.[key] ??
    catalogs.get(language)?.[key] ??
    en[key]
  );
}

export function translator(locale: string, overrides?: Overrides): Translate {
  return (key, vars = {}) => {
    const message = lookup(locale, key, overrides);
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
