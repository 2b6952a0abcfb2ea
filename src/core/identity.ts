// Who is signed in, and their token: the one place for the rules of configure(), identify(),
// logout(), a 401, a failing token provider and /v1/me naming someone else.
//
// - Only the shop makes a guest: no customerId, `token: null`, a token provider resolving null,
//   or the API refusing the token when no new one comes. A provider that rejects, throws or
//   hangs is a failure like a failed request: the client retries it with backoff, and the
//   shopper and their cached data stay.
// - A token never carries over to another shopper: credentials go with the customerId they
//   were given with.
// - A token is asked for once, shared by every request, and again only after a 401 (once for
//   any number of 401s) or after the provider failed.
import type { LoyaltyOptions } from './config.js';
import { LoyaltyError } from './errors.js';
import { newId } from './id.js';

/**
 * The customerId while only a token (or a way to get one) says who is signed in: the shopper is
 * whoever /v1/me names, and nothing is cached under this id for long.
 */
export const unconfirmedCustomer = '?';

export type Credentials = Pick<LoyaltyOptions, 'customerId' | 'token' | 'tokenProvider'>;

/** What identity needs from the SDK around it. */
export interface IdentityHost {
  /** The shopper changed: forget everything shown and load anew. */
  reset(): void;
  /** Asks /v1/me now (once per identity); resolves when it answered or failed. */
  confirm(): Promise<void>;
  /** Time allowed for one token provider call (the network's per-attempt timeout). */
  timeoutMs(): number;
}

/** Whom credentials sign in: the claimed customer when there is a way to get their token. */
const signedIn = ({ customerId, token, tokenProvider }: Credentials): string | null =>
  customerId && (token || tokenProvider) ? customerId : null;

/**
 * The options after `configure(passed)`: settings merge, but a new customerId takes only the
 * credentials passed with it, so shopper A's token never serves shopper B.
 */
export function mergeOptions(previous: LoyaltyOptions | undefined, passed: LoyaltyOptions): LoyaltyOptions {
  const merged = { ...previous, ...passed };
  if ('customerId' in passed && (passed.customerId ?? null) !== (previous?.customerId ?? null)) {
    if (!('token' in passed)) delete merged.token;
    if (!('tokenProvider' in passed)) delete merged.tokenProvider;
  }
  return merged;
}

export class Identity {
  /** The customer whose data may be shown; null for a guest or after the API refused the token. */
  customerId: string | null = null;
  /** Changes whenever someone else is signed in (not when /v1/me names whom a placeholder was). */
  session = newId();
  #credentials: Credentials = {};
  /** The token request every call shares; dropped after a 401 or a failure. */
  #token: Promise<string | null> | undefined;
  /** The refused token a refresh was started for, so many 401s ask the provider once. */
  #refreshedFrom: string | undefined;
  #confirmed: Promise<void> | undefined;

  constructor(private readonly host: IdentityHost) {}

  /**
   * New credentials. Returns whether someone else is signed in now (`force`: treat it so, e.g.
   * a new API base), in which case everything shown must be forgotten. New credentials for the
   * shopper already shown keep what is shown; only later calls use them.
   */
  set(credentials: Credentials, { force = false, customerChanged = true } = {}): boolean {
    const before = this.#credentials;
    this.#credentials = { ...credentials };
    const renewed = credentials.token !== before.token || credentials.tokenProvider !== before.tokenProvider;
    // configure() without customerId or credentials leaves a shopper the API refused signed out.
    const changed = force || ((customerChanged || renewed) && signedIn(credentials) !== this.customerId);
    if (changed) {
      this.customerId = signedIn(credentials);
      this.session = newId();
    }
    if (changed || renewed) {
      this.#token = this.#refreshedFrom = undefined;
      // The next private request asks /v1/me again whom the credentials belong to.
      this.#confirmed = undefined;
    }
    return changed;
  }

  /** The bearer token for the current customer; null for a guest. Rejects when the provider failed. */
  token(): Promise<string | null> {
    const customer = this.customerId;
    const { token, tokenProvider } = this.#credentials;
    if (!customer) return Promise.resolve(null);
    if (!tokenProvider) return Promise.resolve(token ?? null);
    const request = (this.#token ??= this.#ask(tokenProvider).then(
      (fresh) => {
        if (fresh) return fresh;
        // The shop says nobody is signed in: a call made for the shopper must not go out as a guest's.
        this.signOut(customer);
        throw new LoyaltyError('unauthorized', 'The shop signed the shopper out');
      },
      (error: unknown) => {
        // A failure is asked again on the next attempt, not remembered.
        if (this.#token === request) this.#token = undefined;
        throw error;
      },
    ));
    return request;
  }

  /**
   * The API answered 401 to `sent`: a new token, or null when none comes (then the caller's
   * request fails as unauthorized and the shopper becomes a guest). 401s for the same token
   * share one provider call.
   */
  refused(sent: string): Promise<string | null> {
    if (!this.#credentials.tokenProvider) return Promise.resolve(null);
    if (this.#refreshedFrom !== sent) {
      this.#refreshedFrom = sent;
      this.#token = undefined;
    }
    return this.token();
  }

  /** The API refused `customerId`'s token and no new one came: a guest now, if still them. */
  signOut(customerId = this.customerId): void {
    if (!this.customerId || customerId !== this.customerId) return;
    this.customerId = null;
    this.session = newId();
    this.#confirmed = undefined;
    this.host.reset();
  }

  /**
   * /v1/me named `actual` while `claimed` was on the page: the token decides. Returns true when
   * the shopper changed (the caller drops the claimed shopper's cache).
   */
  confirmed(actual: string): boolean {
    if (!this.customerId || actual === this.customerId) return false;
    this.customerId = actual;
    this.#credentials = { ...this.#credentials, customerId: actual };
    this.#confirmed = Promise.resolve();
    return true;
  }

  /** Resolves once /v1/me answered for the current customer; a failure is asked again next time. */
  confirm(): Promise<void> {
    const confirming = (this.#confirmed ??= this.host.confirm().catch((error: unknown) => {
      if (this.#confirmed === confirming) this.#confirmed = undefined;
      throw error;
    }));
    return confirming;
  }

  /**
   * Whom something made for `customer` in `session` belongs to: the placeholder becomes the
   * shopper /v1/me names, or stays the placeholder when that cannot be known (/v1/me failed, or
   * another shopper signed in since), so it is never stored as anyone's.
   */
  async owner(customer: string | null, session = this.session): Promise<string | null> {
    if (customer !== unconfirmedCustomer) return customer;
    if (session === this.session) await this.confirm().catch(() => undefined);
    return session === this.session ? this.customerId : unconfirmedCustomer;
  }

  #ask(provider: NonNullable<Credentials['tokenProvider']>): Promise<string | null> {
    // A provider that never settles would leave every element loading.
    const late = new Promise<never>((_, reject) => setTimeout(reject, this.host.timeoutMs()));
    return Promise.race([Promise.resolve().then(provider), late]).then(
      (token) => (typeof token === 'string' && token ? token : null),
      (cause: unknown) => {
        throw new LoyaltyError('token', "The shop's token provider failed", { cause });
      },
    );
  }
}
