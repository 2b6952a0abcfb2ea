// Tiny runtime guards: each check returns the value it accepts (a `list` without the entries it
// left out, a display field's fallback, a URL made absolute) or throws naming the field.
// Hand-written rather than a schema library to keep the script-tag file small.
import { LoyaltyError } from '../errors.js';

/** `base` is the URL of the response being read: relative URLs in it are relative to it. */
export type Check<T> = (value: unknown, path: string, base?: string) => T;
type Optional<T> = Check<T | undefined> & { optional: true };
type Out<C> = C extends Check<infer T> ? T : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Shape = Record<string, Check<unknown>>;
export type Infer<S extends Shape> = Simplify<
  { [K in keyof S as S[K] extends { optional: true } ? never : K]: Out<S[K]> } & {
    [K in keyof S as S[K] extends { optional: true } ? K : never]?: Exclude<Out<S[K]>, undefined>;
  }
>;

const fail = (path: string, expected: string): never => {
  throw new LoyaltyError('invalid-response', `Invalid response: ${path} should be ${expected}`);
};

export const typed =
  <T>(expected: string, test: (value: unknown) => boolean): Check<T> =>
  (value, path) =>
    test(value) ? (value as T) : fail(path, expected);

export const string = typed<string>('a string', (v) => typeof v === 'string');
export const boolean = typed<boolean>('a boolean', (v) => typeof v === 'boolean');
export const number = typed<number>('a number', (v) => typeof v === 'number' && Number.isFinite(v));
export const integer = typed<number>('an integer', Number.isSafeInteger);
export const date = typed<string>('an ISO date string', (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)));

export const oneOf = <const T extends readonly string[]>(...values: T): Check<T[number]> =>
  typed(`one of ${values.join(', ')}`, (v) => values.includes(v as string));

/**
 * An enum the API may extend: any string is kept (the element shows a value it does not know
 * with a neutral label), typed so the known values still autocomplete and narrow.
 */
export const open = <const T extends readonly string[]>(...known: T): Check<T[number] | (string & {})> =>
  typed(`a string (${known.join(', ')} or another)`, (v) => typeof v === 'string');

/** True when `value` is one of `known` (narrows an `open` value to the values the code handles). */
export const isKnown = <const T extends readonly string[]>(known: T, value: string | undefined): value is T[number] =>
  known.includes(value as T[number]);

/**
 * A field the client can do without (a display text, a count it can show as 0): missing, null or
 * of the wrong type, it becomes `fallback` instead of failing the response.
 */
export const or =
  <T, F>(check: Check<T>, fallback: F): Check<T | F> =>
  (value, path, base) => {
    try {
      return value === undefined || value === null ? fallback : check(value, path, base);
    } catch {
      return fallback;
    }
  };

/** A display text: '' when missing or not a string. */
export const text = or(string, '');

/**
 * A link or image from the API, made absolute against the response's own URL (a relative
 * `/img/a.svg` belongs to the API's origin, not the storefront's); undefined when missing or not
 * a URL. Elements still pass it through `safeUrl` (http and https only).
 */
export const url = or((value: unknown, path: string, base?: string): string | undefined => {
  try {
    return new URL(string(value, path), base).href;
  } catch {
    return undefined;
  }
}, undefined);

export const optional = <T>(check: Check<T>): Optional<T> =>
  Object.assign(
    (value: unknown, path: string, base?: string) => (value === undefined ? undefined : check(value, path, base)),
    { optional: true as const },
  );

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (value, path, base) =>
    value === null ? null : check(value, path, base);

export const array =
  <T>(item: Check<T>): Check<T[]> =>
  (value, path, base) => {
    if (!Array.isArray(value)) fail(path, 'an array');
    return (value as unknown[]).map((entry, index) => item(entry, `${path}[${index}]`, base));
  };

/**
 * A list checked entry by entry: an entry the SDK does not understand (a reward kind the API
 * added later, one broken row) is left out with a warning, so it never hides the others.
 */
export const list =
  <T>(item: Check<T>): Check<T[]> =>
  (value, path, base) => {
    if (!Array.isArray(value)) fail(path, 'an array');
    const kept: T[] = [];
    let first: unknown;
    (value as unknown[]).forEach((entry, index) => {
      try {
        kept.push(item(entry, `${path}[${index}]`, base));
      } catch (error) {
        first ??= error;
      }
    });
    // One warning per list, however many entries were left out.
    if (first) {
      const left = (value as unknown[]).length - kept.length;
      console.warn(`[loyalty-widgets] left out ${left} of ${path}; the first: ${(first as Error).message}`);
    }
    return kept;
  };

export const object =
  <S extends Shape>(shape: S): Check<Infer<S>> =>
  (value, path, base) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object');
    const fields = value as Record<string, unknown>;
    // Arrays come back as new arrays (a `list` may have left entries out); the body is freshly
    // parsed JSON, so it is updated in place.
    for (const key in shape) {
      const checked = shape[key](fields[key], `${path}.${key}`, base);
      if (checked !== fields[key]) fields[key] = checked;
    }
    return value as Infer<S>;
  };

/** The first check that accepts the value wins; the error names the last one's expectation. */
export const either =
  <A, B>(first: Check<A>, second: Check<B>): Check<A | B> =>
  (value, path, base) => {
    try {
      return first(value, path, base);
    } catch {
      return second(value, path, base);
    }
  };
