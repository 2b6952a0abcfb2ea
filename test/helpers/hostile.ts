// Generated API responses for the property-based tests: valid ones (the reference API's real
// answer with every leaf varied, fields no contract has, enum values added later, HTML and
// `javascript:` URLs in text and URL fields) and broken ones (a valid one with one to three
// fields replaced: wrong types, missing, huge numbers and strings, deep nesting, invalid dates).
import fc from 'fast-check';

/** Set by anything a response manages to run: `<img onerror>`, a `javascript:` link followed. */
export const pwnedFlag = '__loyaltyHostileRan';
const run = `window.${pwnedFlag}=1`;

/** Text a shop should never see executed: rendered as text, it is harmless. */
export const hostileText = fc.constantFrom(
  `<img src=x onerror="${run}">`,
  `<script>${run}</script>`,
  `"><svg onload="${run}">`,
  `javascript:${run}`,
  '{count} {reward} %s ${x}',
  '\u202Eevil\u0000null',
  '',
);

const hostileUrl = fc.constantFrom(
  `javascript:${run}`,
  ` JaVaScRiPt:${run}`,
  `data:text/html,<script>${run}</script>`,
  `vbscript:${run}`,
  '//other.invalid/a.svg',
  'img/relative.svg',
  '/img/root.svg',
  'https://cdn.invalid/a.svg?x="><img onerror=1>',
  'http://[::1',
);

const text = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 2, arbitrary: hostileText });
// Hosts under .invalid, which never resolves: rendering an answer loads nothing from anywhere.
const url = fc.oneof(
  fc.webPath().map((path) => `https://cdn.invalid${path.startsWith('/') ? '' : '/'}${path}`),
  hostileUrl,
);
const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((value) => value.toISOString());

/** A shopper's birthday: not given yet (null) or a calendar date, YYYY-MM-DD. */
const birthday = fc.oneof(
  fc.constant(null),
  fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true })
    .map((value) => value.toISOString().slice(0, 10)),
);

/** Enum fields and the values the contract has; generated values add ones it does not. */
const enums: Record<string, string[]> = {
  kind: ['discount', 'free-product', 'free-shipping', 'store-credit', 'donation', 'partner', 'experience', 'purchase'],
  type: ['earn', 'redeem', 'expire', 'adjust', 'referral', 'bonus', 'tier-change'],
  reason: ['tier-locked', 'out-of-stock', 'coming-soon', 'limit-reached'],
  metric: ['points', 'spend'],
  pointsType: ['fixed', 'per-currency'],
  category: ['promoter', 'passive', 'detractor'],
};
const newEnumValue = fc.constantFrom('mystery-box', 'cashback', 'members-only', 'visits', 'x', '<b>new</b>');
const urlKeys = new Set(['imageUrl', 'ctaUrl', 'url', 'joinUrl', 'signInUrl']);
const dateKeys = new Set(['createdAt', 'expiresAt', 'availableFrom']);
/** Fields the client acts on, whose shape is part of what "valid" means (kept as they are). */
const fixedKeys = new Set(['currency', 'id', 'rewardId', 'customer']);

const extraFields = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 8 }).map((key) => `x-${key}`),
  fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 })),
  { maxKeys: 2 },
);

/** A valid variation of `value` (a contract-shaped answer): same shape, other values. */
export function vary(value: unknown, key = ''): fc.Arbitrary<unknown> {
  if (Array.isArray(value)) {
    const items = value as unknown[];
    if (!items.length) return fc.constant([]);
    return fc
      .array(
        fc.constantFrom(...items).chain((item) => vary(item, key)),
        { maxLength: 6 },
      )
      .map((items) =>
        // Ids stay unique within a list, as any API's are.
        items.map((item, index) =>
          item && typeof item === 'object' && 'id' in item ? { ...item, id: `${String(item.id)}-${index}` } : item,
        ),
      );
  }
  if (value && typeof value === 'object') {
    if (fixedKeys.has(key)) return fc.constant(value);
    const fields = Object.fromEntries(Object.entries(value).map(([name, field]) => [name, vary(field, name)]));
    return fc.tuple(fc.record(fields), extraFields).map(([record, extra]) => ({ ...extra, ...record }));
  }
  if (fixedKeys.has(key)) return fc.constant(value);
  if (key === 'birthday') return birthday;
  if (typeof value === 'string') {
    if (enums[key]) return fc.oneof(fc.constantFrom(...enums[key]), newEnumValue);
    // A code is what the shopper uses: never empty, any text (HTML included) otherwise.
    if (key === 'code') return text.filter(Boolean);
    if (urlKeys.has(key)) return url;
    if (dateKeys.has(key)) return date;
    return text;
  }
  if (typeof value === 'number')
    return Number.isInteger(value)
      ? fc.integer({ min: 0, max: 1_000_000 })
      : fc.double({ min: 0, max: 100, noNaN: true });
  if (typeof value === 'boolean') return fc.boolean();
  return fc.constant(value);
}

let nested: unknown = 'bottom';
for (let depth = 0; depth < 500; depth++) nested = depth % 2 ? { deeper: nested } : [nested];
const huge = 'x'.repeat(100_000);

/** What a broken API puts where a field should be; `undefined` removes the field. */
const hostileValue = fc.oneof(
  fc.constantFrom(null, undefined, true, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, '', huge, [], {}, nested),
  fc.constantFrom('not a date', '2024-02-30T25:61:00Z', '0000-00-00', 'Infinity', 'NaN', '17/05/1990', '1990-02-30'),
  hostileText,
  hostileUrl,
  fc.string({ maxLength: 10 }),
  fc.integer(),
);

/** Every path in `value` (arrays by index); the empty path is the whole answer. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  const here = [prefix];
  if (value && typeof value === 'object')
    for (const [name, field] of Object.entries(value)) here.push(...paths(field, [...prefix, name]));
  return here;
}

function replace(value: unknown, path: string[], by: unknown): unknown {
  if (!path.length) return by;
  // A field of something an earlier change replaced by a non-object is gone with it.
  if (!value || typeof value !== 'object') return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...value }) as Record<string, unknown>;
  if (by === undefined && !rest.length) delete copy[head];
  else copy[head] = replace(copy[head], rest, by);
  return copy;
}

/** A valid answer with one to three fields broken. */
export function broken(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return valid.chain((body) =>
    fc
      .array(fc.tuple(fc.constantFrom(...paths(body)), hostileValue), { minLength: 1, maxLength: 3 })
      .map((changes) => changes.reduce((changed, [path, by]) => replace(changed, path, by), body)),
  );
}

/** The answer as it arrives: JSON text (a removed root is an empty body). */
export const wire = (body: unknown): string => JSON.stringify(body) ?? '';

/** Whatever a response managed to put into the page: scripts, handlers, script URLs. */
export function dangerous(root: ShadowRoot | Element): string[] {
  const found: string[] = [];
  const visit = (node: ShadowRoot | Element) => {
    for (const element of node.querySelectorAll('*')) {
      if (element.localName === 'script') found.push('<script>');
      for (const { name, value } of element.attributes) {
        if (name.startsWith('on')) found.push(`${element.localName}[${name}]`);
        if (/^(href|src|action|formaction|xlink:href)$/.test(name) && /^\s*(javascript|data|vbscript):/i.test(value))
          found.push(`${element.localName}[${name}=${value.slice(0, 40)}]`);
      }
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  return found;
}
