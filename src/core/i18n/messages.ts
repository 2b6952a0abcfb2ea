import type { en } from './en/index.js';

/** A message with plural forms, chosen by `Intl.PluralRules` from the `count` variable. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
export type MessageKey = keyof typeof en;
export type Messages = { [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage };
