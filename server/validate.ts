// Hand-written input checks. Each read names the field it failed on, so a 400 (or a bad program
// file) says exactly what to fix. Nothing here knows about HTTP: callers turn InvalidField into
// a problem response or a startup error.

export class InvalidField extends Error {
  override readonly name = 'InvalidField';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Money {
  amount: number;
  currency: string;
}

interface IntegerRange {
  min?: number;
  max?: number;
}

interface StringRules {
  /** Minimum length, 1 unless told (an empty string is rarely meant). */
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** Said in the error when the pattern fails, e.g. "a 3-letter ISO 4217 code". */
  patternName?: string;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const CURRENCY = /^[A-Z]{3}$/;

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isDateTime = (value: unknown): value is string =>
  typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

/** Reads the fields of one JSON object; `path` prefixes field names in errors ("total.amount"). */
export class Fields {
  private constructor(
    private readonly value: Record<string, unknown>,
    private readonly path: string,
  ) {}

  /** Fails unless `value` is a JSON object. */
  static of(value: unknown, path = ''): Fields {
    if (!isPlainObject(value)) {
      throw new InvalidField(path || 'body', `${path || 'The body'} must be a JSON object, not ${describe(value)}`);
    }
    return new Fields(value, path);
  }

  name(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  keys(): string[] {
    return Object.keys(this.value);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined;
  }

  /** Unknown fields are refused: a typo should fail loudly rather than be ignored. */
  only(...keys: string[]): this {
    for (const key of Object.keys(this.value)) {
      if (!keys.includes(key)) throw new InvalidField(this.name(key), `${this.name(key)} is not a known field`);
    }
    return this;
  }

  raw(key: string): unknown {
    return this.value[key];
  }

  private required(key: string): unknown {
    const value = this.value[key];
    if (value === undefined) throw new InvalidField(this.name(key), `${this.name(key)} is required`);
    return value;
  }

  string(key: string, rules: StringRules = {}): string {
    const value = this.required(key);
    const field = this.name(key);
    if (typeof value !== 'string') throw new InvalidField(field, `${field} must be a string, not ${describe(value)}`);
    const { min = 1, max, pattern, patternName } = rules;
    if (value.length < min) {
      throw new InvalidField(
        field,
        min === 1 ? `${field} must not be empty` : `${field} must be at least ${min} characters`,
      );
    }
    if (max !== undefined && value.length > max)
      throw new InvalidField(field, `${field} must be at most ${max} characters`);
    if (pattern && !pattern.test(value))
      throw new InvalidField(field, `${field} must be ${patternName ?? `like ${pattern}`}`);
    return value;
  }

  optString(key: string, rules?: StringRules): string | undefined {
    return this.has(key) ? this.string(key, rules) : undefined;
  }

  integer(key: string, range: IntegerRange = {}): number {
    const value = this.required(key);
    const field = this.name(key);
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new InvalidField(
        field,
        `${field} must be an integer, not ${typeof value === 'number' ? value : describe(value)}`,
      );
    }
    return inRange(field, value, range);
  }

  optInteger(key: string, range?: IntegerRange): number | undefined {
    return this.has(key) ? this.integer(key, range) : undefined;
  }

  number(key: string, range: IntegerRange = {}): number {
    const value = this.required(key);
    const field = this.name(key);
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new InvalidField(field, `${field} must be a number, not ${describe(value)}`);
    return inRange(field, value, range);
  }

  boolean(key: string): boolean {
    const value = this.required(key);
    if (typeof value !== 'boolean')
      throw new InvalidField(this.name(key), `${this.name(key)} must be a boolean, not ${describe(value)}`);
    return value;
  }

  optBoolean(key: string): boolean | undefined {
    return this.has(key) ? this.boolean(key) : undefined;
  }

  oneOf<const T extends readonly string[]>(key: string, values: T): T[number] {
    const value = this.required(key);
    if (typeof value !== 'string' || !values.includes(value)) {
      throw new InvalidField(this.name(key), `${this.name(key)} must be one of ${values.join(', ')}`);
    }
    return value;
  }

  optOneOf<const T extends readonly string[]>(key: string, values: T): T[number] | undefined {
    return this.has(key) ? this.oneOf(key, values) : undefined;
  }

  /** An RFC 3339 date-time with a zone, e.g. 2025-01-31T12:00:00Z. */
  dateTime(key: string): string {
    const value = this.required(key);
    if (!isDateTime(value))
      throw new InvalidField(this.name(key), `${this.name(key)} must be an ISO 8601 date-time with a time zone`);
    return value;
  }

  optDateTime(key: string): string | undefined {
    return this.has(key) ? this.dateTime(key) : undefined;
  }

  object(key: string): Fields {
    return Fields.of(this.required(key), this.name(key));
  }

  optObject(key: string): Fields | undefined {
    return this.has(key) ? this.object(key) : undefined;
  }

  /** Each entry of an array of objects, with paths like "tiers[2]". */
  objects(key: string): Fields[] {
    return this.array(key).map((entry, index) => Fields.of(entry, `${this.name(key)}[${index}]`));
  }

  optObjects(key: string): Fields[] | undefined {
    return this.has(key) ? this.objects(key) : undefined;
  }

  strings(key: string): string[] {
    return this.array(key).map((entry, index) => {
      if (typeof entry !== 'string')
        throw new InvalidField(`${this.name(key)}[${index}]`, `${this.name(key)}[${index}] must be a string`);
      return entry;
    });
  }

  private array(key: string): unknown[] {
    const value = this.required(key);
    if (!Array.isArray(value))
      throw new InvalidField(this.name(key), `${this.name(key)} must be an array, not ${describe(value)}`);
    return value;
  }

  /** Money in minor units: `{amount: integer, currency: "USD"}`. */
  money(key: string, rules: { min?: number } = {}): Money {
    const money = this.object(key).only('amount', 'currency');
    return {
      amount: money.integer('amount', { min: rules.min ?? 0 }),
      currency: money.string('currency', { pattern: CURRENCY, patternName: 'a 3-letter ISO 4217 code' }),
    };
  }

  optMoney(key: string, rules?: { min?: number }): Money | undefined {
    return this.has(key) ? this.money(key, rules) : undefined;
  }
}

/** The value, or a 400 naming the field when it falls outside `range`. */
function inRange(field: string, value: number, { min, max }: IntegerRange): number {
  if (min !== undefined && value < min) throw new InvalidField(field, `${field} must be at least ${min}`);
  if (max !== undefined && value > max) throw new InvalidField(field, `${field} must be at most ${max}`);
  return value;
}
