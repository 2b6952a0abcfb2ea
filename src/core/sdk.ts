// The SDK instance: configuration, identity, the shared resources and the event bus. There is
// one per page, however many copies of the code are loaded (see `getSdk`).
import type { Client, Reply } from './api/client.js';
import { defaultTimeoutMs } from './api/defaults.js';
import { http, lazyClient } from './api/network.js';
import { cacheName } from './api/cache-name.js';
import type { RedeemRequest, ResourceTypes } from './api/endpoints.js';
import type { Activity, Me, RedeemResult } from './api/schemas.js';
import { databases, persistentStore, type Database, type PersistentStore } from './cache/cache.js';
import { defaultTiming, type LoyaltyOptions, type ResourceName } from './config.js';
import { isLoyaltyError, LoyaltyError } from './errors.js';
import { createBus, type SdkEventName, type SdkHandler } from './events.js';
import { Identity, mergeOptions } from './identity.js';
import { crossTab, type CrossTabMessage } from './store/cross-tab.js';
import { Resource, type CacheEntry, type ResourceHost, type Scope } from './store/resource.js';
import { version } from './version.js';
import { now } from './clock.js';
import { validLocale } from './i18n/format.js';

export type { ResourceTypes };

const scopes: Record<ResourceName, Scope> = {
  program: 'public',
  rewards: 'either',
  me: 'private',
  redemptions: 'private',
  referral: 'private',
  activity: 'private',
};

const activityPageSize = 20;

export class Sdk {
  readonly version = version;
  options: LoyaltyOptions | undefined;
  readonly bus = createBus();
  readonly #stores = new Map<Database, PersistentStore>();
  readonly cache = this.store('loyalty-widgets');
  #consent: boolean | undefined;
  #client: Client | undefined;
  readonly #resources = new Map<ResourceName, Resource<unknown>>();
  readonly #tabs = crossTab((message) => this.#fromOtherTab(message));

  // ---- configuration and identity ---------------------------------------------------------

  configure(options: LoyaltyOptions): void {
    if (!options || typeof options.apiBase !== 'string' || !options.apiBase) {
      throw new LoyaltyError('config', 'configure() needs apiBase, the URL of your loyalty API');
    }
    const previous = this.options;
    this.options = mergeOptions(previous, options);
    const identityChanged = this.#identity.set(this.options, {
      force: previous?.apiBase !== this.options.apiBase,
      customerChanged: 'customerId' in options,
    });
    this.#client = this.#createClient();
    if (identityChanged || previous?.locale !== this.options.locale) this.#resetAll();
    this.bus.emit('configured', this.options);
  }

  async identify(customerId: string, auth: { token?: string | null; tokenProvider?: LoyaltyOptions['tokenProvider'] }) {
    const options = this.#requireOptions();
    this.options = { ...options, customerId, token: auth.token, tokenProvider: auth.tokenProvider };
    this.#identity.set(this.options, { force: true });
    this.#resetAll();
    this.bus.emit('identified', customerId);
  }

  async logout(): Promise<void> {
    const options = this.#requireOptions();
    const previous = this.customerId;
    this.options = { ...options, customerId: null, token: null, tokenProvider: undefined };
    this.#identity.set(this.options, { force: true });
    this.#resetAll();
    if (previous) {
      const prefix = this.#namespace(previous);
      await this.cache.deletePrefix(prefix);
      this.#tabs.post({ type: 'wipe', prefix });
    }
    this.bus.emit('logged-out', previous);
  }

  /**
   * The shopper's storage choice. A withdrawal also stops every other open tab writing to the
   * databases they share (this tab empties them); consent given applies to this tab, and others
   * persist from their next page rather than overwrite newer data with what they hold in memory.
   */
  async setConsent(granted: boolean): Promise<void> {
    if (!granted) this.#tabs.post({ type: 'consent-withdrawn' });
    this.#consent = granted;
    if (granted) for (const store of this.#stores.values()) await store.flushMemory();
    // Every database, also one this page has not opened (a journal left by another page), all
    // started in this task: no store is read before its move to memory began.
    else await Promise.all(databases.map((database) => this.store(database).clearDisk()));
    this.bus.emit('consent', granted);
  }

  /** The page's store for one of our databases; one per database, whichever copy of the code asks. */
  store(database: Database): PersistentStore {
    let store = this.#stores.get(database);
    if (!store) this.#stores.set(database, (store = persistentStore(database, () => this.persisting())));
    return store;
  }

  persisting(): boolean {
    return this.#consent ?? this.options?.persist !== false;
  }

  on<K extends SdkEventName>(name: K, handler: SdkHandler<K>): () => void {
    return this.bus.on(name, handler);
  }

  off<K extends SdkEventName>(name: K, handler: SdkHandler<K>): void {
    this.bus.off(name, handler);
  }

  locale(): string {
    return validLocale(
      this.options?.locale || globalThis.document?.documentElement.lang || globalThis.navigator?.language || 'en',
    );
  }

  // ---- resources ----------------------------------------------------------------------------

  resource<N extends ResourceName>(name: N): Resource<ResourceTypes[N]> {
    let resource = this.#resources.get(name) as Resource<ResourceTypes[N]> | undefined;
    if (!resource) {
      resource = new Resource(name, scopes[name], this.#host, (etag) => this.#fetchResource(name, etag));
      if (name === 'me') {
        resource.onFetched = (me) => this.#checkIdentity(me as Me);
        resource.verifyOnStart = true;
      }
      this.#resources.set(name, resource as Resource<unknown>);
    }
    return resource;
  }

  /** Pages of activity after the first (the first page is the `activity` resource). */
  async activityPage(cursor: string): Promise<Activity> {
    const page = { limit: activityPageSize, cursor };
    const { endpoint } = await http();
    const { path, check, searchParams } = endpoint(this.options?.api, 'activity', { page });
    const reply = await this.api().get(path, check, { searchParams });
    return 'data' in reply ? reply.data : { items: [], nextCursor: null };
  }

  /** Spends points; the caller keeps `idempotencyKey` until this settles so retries never spend twice. */
  async redeem(body: RedeemRequest, idempotencyKey: string): Promise<RedeemResult> {
    const { endpoint, readRedemption } = await http();
    const customer = this.customerId;
    const api = this.options?.api;
    const { path, json, searchParams, mapped } = endpoint(api, 'redeem', { body });
    const shown = this.resource('redemptions').snapshot.data?.redemptions ?? [];
    const before = { known: new Set(shown.map(({ id }) => id)), since: now() };
    // Read after the call: a 2xx spent the points, whatever its body says (see readRedemption).
    const raw = await this.api()
      .post(path, mapped, { json, searchParams, idempotencyKey })
      .then((reply) => ('data' in reply ? reply.data : undefined))
      .catch((error: unknown) => {
        if (isLoyaltyError(error) && error.code === 'invalid-response') return undefined;
        throw error;
      });
    const known = this.resource('rewards').snapshot.data?.rewards.find((reward) => reward.id === body.rewardId);
    const result = await readRedemption(
      raw,
      body,
      known,
      async () => {
        const list = endpoint(api, 'redemptions');
        const reply = await this.api().get(list.path, list.check, { searchParams: list.searchParams });
        return 'data' in reply ? reply.data.redemptions : [];
      },
      before,
    ).catch((error: unknown) => {
      // Spent without a readable code: "My rewards" shows it once the list has it.
      if (this.customerId === customer) void this.resource('redemptions').invalidate();
      throw error;
    });
    // The shopper changed while the call ran: this balance is not the one on screen now.
    if (this.customerId !== customer) return result;
    const balance = result.points?.balance;
    if (balance === undefined) void this.resource('me').invalidate();
    else await this.resource('me').update((me) => ({ ...me, points: { ...me.points, balance } }));
    void this.resource('redemptions').invalidate();
    void this.resource('activity').invalidate();
    // Stock and per-customer limits may have changed with this redemption.
    void this.resource('rewards').invalidate();
    return result;
  }

  /** The client for calls the store does not cache (redemptions, feedback). */
  api(): Client {
    if (!this.#client) throw new LoyaltyError('config', 'Call configure({apiBase}) before using the loyalty widgets');
    return this.#client;
  }

  /** The customer whose data may be shown; null for a guest or after the API refused the token. */
  get customerId(): string | null {
    return this.#identity.customerId;
  }

  /** Changes whenever someone else is signed in; see `owner`. */
  get identitySession(): string {
    return this.#identity.session;
  }

  /**
   * Whom data made for `customer` (by default whoever is signed in now) belongs to, once /v1/me
   * has named the shopper behind a token-only sign-in; `unconfirmedCustomer` while unknown.
   */
  owner(customer = this.customerId, session?: string): Promise<string | null> {
    return this.#identity.owner(customer, session);
  }

  /**
   * The API refused `customerId`'s token and no new one came: show the guest view rather than an
   * error. Nothing happens if someone else is signed in by now.
   */
  tokenRefused(customerId = this.customerId): void {
    this.#identity.signOut(customerId);
  }

  // ---- internals ----------------------------------------------------------------------------

  readonly #identity = new Identity({
    reset: () => this.#resetAll(),
    confirm: async () => {
      const me = this.resource('me');
      await me.read();
      if (me.snapshot.error) throw me.snapshot.error;
    },
    timeoutMs: () => this.options?.network?.timeoutMs ?? defaultTimeoutMs,
  });

  readonly #host: ResourceHost = {
    keyFor: (name, scope) => {
      if (!this.options) return undefined;
      if (scope === 'public' || (scope === 'either' && !this.customerId)) return this.#key('~', name);
      return this.customerId ? this.#key(this.customerId, name) : null;
    },
    cache: this.cache,
    timing: (name) => ({ ...defaultTiming[name as ResourceName], ...this.options?.cache?.[name as ResourceName] }),
    failed: (name, error) => {
      this.bus.emit('loyalty-error', { error, resource: name as ResourceName });
      if (error.code === 'unauthorized' && scopes[name as ResourceName] !== 'public') this.tokenRefused();
    },
    broadcast: (key, entry) => this.#tabs.post({ type: 'entry', key, entry }),
    broadcastInvalid: (key, refetching) => this.#tabs.post({ type: 'invalid', key, refetching }),
  };

  #namespace(customer: string): string {
    return `${this.options!.apiBase}|${customer}|`;
  }

  #key(customer: string, name: string): string {
    return `${this.#namespace(customer)}${this.locale()}|${cacheName(this.options?.api, name as ResourceName)}`;
  }

  #resetAll(): void {
    for (const resource of this.#resources.values()) resource.reset();
  }

  /** The page said one customer, the token another: trust the token, drop what was cached for the claim. */
  #checkIdentity(me: Me): void {
    const claimed = this.customerId;
    if (!claimed || !this.#identity.confirmed(me.customer.id)) return;
    void this.cache.deletePrefix(this.#namespace(claimed));
    this.#tabs.post({ type: 'wipe', prefix: this.#namespace(claimed) });
    this.options = { ...this.options!, customerId: me.customer.id };
    // Forget what is shown at once; the confirmed shopper's data loads under their own key.
    this.#resetAll();
    const entry: CacheEntry<Me> = { data: me, etag: null, storedAt: now() };
    void this.cache.set(this.#key(me.customer.id, 'me'), entry);
  }

  #fromOtherTab(message: CrossTabMessage): void {
    if (message.type === 'entry') {
      for (const resource of this.#resources.values()) resource.receive(message.key, message.entry);
    } else if (message.type === 'invalid') {
      for (const resource of this.#resources.values()) void resource.invalidated(message.key, message.refetching);
    } else if (message.type === 'consent-withdrawn') {
      // Memory only from now on; the tab that withdrew moves what is on disk.
      this.#consent = false;
      this.bus.emit('consent', false);
    } else if (this.customerId && this.#namespace(this.customerId) === message.prefix) {
      this.#resetAll();
    }
  }

  #requireOptions(): LoyaltyOptions {
    if (!this.options) throw new LoyaltyError('config', 'Call configure({apiBase}) first');
    return this.options;
  }

  #createClient(): Client {
    const options = this.options!;
    return lazyClient({
      apiBase: options.apiBase,
      ...options.network,
      locale: () => this.locale(),
      token: () => this.#identity.token(),
      refreshToken: (sent) => this.#identity.refused(sent),
      customer: () => this.customerId,
    });
  }

  async #fetchResource<N extends ResourceName>(name: N, etag: string | null): Promise<Reply<ResourceTypes[N]>> {
    // Loaded first, so the shopper checks below stay right before the request.
    const { endpoint } = await http();
    // A customer's data is fetched only once /v1/me has confirmed who the token belongs to, so a
    // token of another shopper never fills the claimed shopper's cache (unconfirmed: it fails).
    const customer = this.customerId;
    if (name !== 'me' && scopes[name] !== 'public' && customer) {
      await this.#identity.confirm();
      // /v1/me named someone else: this request belongs to nobody now.
      if (this.customerId !== customer)
        throw new LoyaltyError('http', 'The signed-in customer changed while this request waited');
    }
    const page = name === 'activity' ? { limit: activityPageSize } : undefined;
    const { path, check, searchParams } = endpoint(this.options?.api, name, { page });
    // The same for everyone: no token to ask for, so a failing token provider leaves it alone.
    return this.api().get(path, check, { etag, searchParams, anonymous: scopes[name] === 'public' });
  }
}
