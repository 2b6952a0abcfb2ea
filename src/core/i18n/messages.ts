import type { en } from './en/index.js';

/** A message with plural forms, chosen by `Intl.PluralRules` from the `count` variable. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
export type MessageKey = keyof typeof en;
export type Messages = { [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage };

/**
 * A translated section: exactly the keys of the English section `T` (a missing or extra key is a
 * compile error), a string where English has one and plural forms where English has them.
 */
export type Section<T> = { [K in keyof T]: T[K] extends string ? string : PluralMessage };
