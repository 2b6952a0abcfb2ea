// Cached Intl formatters: building one costs far more than using it, and lists of rewards
// format hundreds of values.
import type { Money } from '../api/schemas.js';

/**
 * A locale every Intl constructor accepts: `en_US` is read as `en-US`, and a tag Intl rejects
 * becomes `en`, so a malformed `<html lang>` never breaks rendering.
 */
export function validLocale(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const cache = new Map<string, unknown>();
function cached<T>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) cache.set(key, (formatter = make()));
  return formatter;
}

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  cached('n', locale, options, () => new Intl.NumberFormat(locale, options));
export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options));
export const relativeFormat = (locale: string) =>
  cached('r', locale, {}, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
export const pluralRules = (locale: string) => cached('p', locale, {}, () => new Intl.PluralRules(locale));

/**
 * Money from minor units: `{amount: 1000, currency: 'USD'}` → "$10.00". A code Intl refuses
 * (`"US"`, `"dollars"`) shows as the number and the code, "10.00 dollars", rather than throw.
 */
export function formatMoney(locale: string, money: Money): string {
  let format: Intl.NumberFormat;
  try {
    format = numberFormat(locale, { style: 'currency', currency: money.currency });
  } catch {
    // Two decimals, as most currencies have.
    const amount = numberFormat(locale, { minimumFractionDigits: 2 }).format(money.amount / 100);
    return `${amount} ${money.currency}`;
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 days", "yesterday", "in 5 minutes": relative wording for times close to now. */
export function formatRelative(locale: string, time: number, from: number): string {
  const delta = time - from;
  for (const [unit, ms] of units) {
    if (Math.abs(delta) >= ms || unit === 'minute') return relativeFormat(locale).format(Math.round(delta / ms), unit);
  }
  return '';
}
