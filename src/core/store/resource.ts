// One shared, cached piece of server state (program, me, rewards…): every subscriber on the page
// shares one request, the cache renders first and the network revalidates (stale-while-revalidate).
import { now } from '../clock.js';
import { asLoyaltyError, LoyaltyError } from '../errors.js';
import type { Reply } from '../api/client.js';
import type { KeyValueStore } from '../cache/cache.js';

export type Status = 'loading' | 'ready' | 'error';

/** What an element renders. `guest` means there is no signed-in customer for a personal resource. */
export interface Snapshot<T> {
  readonly status: Status;
  readonly data: T | undefined;
  readonly error: LoyaltyError | undefined;
  /** The data is older than its fresh window and could not be revalidated yet. */
  readonly stale: boolean;
  readonly guest: boolean;
  /** When the data was last confirmed by the server (ms since epoch). */
  readonly updatedAt: number | undefined;
}

export interface CacheEntry<T> {
  data: T;
  etag: string | null;
  /** When the data was known true: a read's request time (not its answer's), a write's answer time. */
  storedAt: number;
}

export interface ResourceTiming {
  /** Within this many ms of being stored, data is used without asking the server. */
  freshMs: number;
  /** Older cached data is never shown. */
  maxAgeMs: number;
}

/** What a resource needs from the SDK around it. */
export interface ResourceHost {
  /**
   * The cache key for this resource now: null when a private resource has no customer,
   * undefined before `configure()`.
   */
  keyFor(name: string, scope: Scope): string | null | undefined;
  cache: KeyValueStore;
  timing(name: string): ResourceTiming;
  /** Told about every failure (for `loyalty-error` and signing out on 401). */
  failed(name: string, error: LoyaltyError): void;
  /** Tells other tabs. */
  broadcast(key: string, entry: CacheEntry<unknown>): void;
  /** Tells other tabs that the server's copy under `key` changed and whether this tab refetches it. */
  broadcastInvalid(key: string, refetching: boolean): void;
}

/** public: the same for everyone; private: needs a customer; either: personalised when signed in. */
export type Scope = 'public' | 'private' | 'either';

export type Fetcher<T> = (etag: string | null) => Promise<Reply<T>>;
type Listener<T> = (snapshot: Snapshot<T>) => void;

const loading: Snapshot<never> = {
  status: 'loading',
  data: undefined,
  error: undefined,
  stale: false,
  guest: false,
  updatedAt: undefined,
};

export class Resource<T> {
  snapshot: Snapshot<T> = loading;
  readonly #listeners = new Set<Listener<T>>();
  /** The key the current snapshot belongs to; a changed key means a new customer or locale. */
  #key: string | null | undefined;
  #etag: string | null = null;
  #inflight: Promise<void> | undefined;
  /** The request a refresh() asked for while another was under way: after it, shared by later refreshes. */
  #again: Promise<void> | undefined;
  /** Results of requests started for an older key are dropped. */
  #generation = 0;
  /** The cache is being read for the current key. */
  #reading = false;
  /** Called with every fresh server answer (identity checks). */
  onFetched: ((data: T) => void) | undefined;
  /** Ask the server once per start even when the cache is fresh (`me` proves who is signed in). */
  verifyOnStart = false;

  readonly #host: ResourceHost;
  readonly #fetcher: Fetcher<T>;

  constructor(
    readonly name: string,
    readonly scope: Scope,
    host: ResourceHost,
    fetcher: Fetcher<T>,
  ) {
    this.#host = host;
    this.#fetcher = fetcher;
  }

  subscribe(listener: Listener<T>): () => void {
    this.#listeners.add(listener);
    listener(this.snapshot);
    if (this.#key === undefined) void this.#start();
    // A subscriber joining while the cache is being read waits for that read, not the network.
    else if (this.#key && !this.#reading && this.#isOld()) void this.#revalidate();
    return () => {
      this.#listeners.delete(listener);
    };
  }

  get subscribers(): number {
    return this.#listeners.size;
  }

  /** The customer, locale or API changed: forget what is shown at once, then load anew. */
  reset(): void {
    this.#forget();
    this.#publish(loading);
    if (this.#listeners.size) void this.#start();
  }

  /**
   * Drops what is known: answers to requests already started are ignored, and without a cached
   * copy a 304 would leave nothing to show, so the next request asks for the full answer.
   */
  #forget(): void {
    this.#generation++;
    this.#reading = false;
    this.#key = undefined;
    this.#etag = null;
    this.#inflight = undefined;
    this.#again = undefined;
  }

  /** The server's answer now, whatever the fresh window says, sharing a read already under way. */
  read(): Promise<void> {
    if (this.#key === undefined) return this.#start();
    return this.#revalidate();
  }

  /** Asks the server now, whatever the fresh window says (Retry buttons, after a change). */
  refresh(): Promise<void> {
    if (this.#key === undefined) return this.#start();
    // A request under way may have been answered before the change this refresh is for (an
    // order placed while the page's first revalidation ran): ask again once it is done.
    if (this.#inflight) {
      const generation = this.#generation;
      return (this.#again ??= this.#inflight.then(() => {
        this.#again = undefined;
        return generation === this.#generation ? this.#revalidate() : undefined;
      }));
    }
    return this.#revalidate();
  }

  /**
   * The server's copy changed (e.g. after a redemption): refetch if shown, else drop the cached
   * copy; other tabs are told too, so one showing this resource refetches as well.
   */
  async invalidate(): Promise<void> {
    const key = this.#host.keyFor(this.name, this.scope);
    // A tab that refetches will share the new copy itself; the others need not ask too.
    if (key) this.#host.broadcastInvalid(key, this.#listeners.size > 0);
    return this.invalidated(key, false);
  }

  /** This tab or another learnt that the server's copy under `key` changed. */
  async invalidated(key: string | null | undefined, newCopyComing: boolean): Promise<void> {
    if (newCopyComing) return;
    if (this.#listeners.size) {
      if (key === this.#key) await this.read();
      return;
    }
    if (key !== this.#host.keyFor(this.name, this.scope)) return;
    this.#forget();
    this.snapshot = loading;
    if (key) await this.#host.cache.deletePrefix(key).catch(() => undefined);
  }

  /** Replaces the data with a newer value known locally (e.g. the balance from a redemption). */
  async update(change: (data: T) => T): Promise<void> {
    const { data } = this.snapshot;
    if (data === undefined || !this.#key) return;
    await this.#store({ data: change(data), etag: null, storedAt: now() }, true);
  }

  /** Another tab stored a newer value under the same key. */
  receive(key: string, entry: CacheEntry<T>): void {
    if (key === this.#key && !this.#isOlder(entry)) this.#show(entry);
  }

  /**
   * Known true before what is shown: a read already on its way when a write answered (the balance
   * a redemption returned must win), or another tab's copy of one. Not judged when the clock has
   * stepped back since, which would make every new answer look older for as long.
   */
  #isOlder(entry: CacheEntry<T>): boolean {
    const shown = this.snapshot.updatedAt;
    return shown !== undefined && shown <= now() && entry.storedAt < shown;
  }

  #isOld(): boolean {
    const { updatedAt } = this.snapshot;
    return updatedAt === undefined || now() - updatedAt > this.#host.timing(this.name).freshMs;
  }

  async #start(): Promise<void> {
    const key = this.#host.keyFor(this.name, this.scope);
    const generation = this.#generation;
    this.#key = key;
    if (key === undefined) return;
    if (key === null) {
      this.#publish({ ...loading, status: 'ready', guest: true });
      return;
    }
    this.#reading = true;
    const entry = await this.#host.cache.get<CacheEntry<T>>(key).catch(() => undefined);
    if (generation !== this.#generation) return;
    this.#reading = false;
    const age = entry ? now() - entry.storedAt : Infinity;
    const { freshMs, maxAgeMs } = this.#host.timing(this.name);
    // Another tab may have told of newer data while the cache was read.
    if (entry && age <= maxAgeMs && !this.#isOlder(entry)) {
      this.#etag = entry.etag;
      this.#show(entry, age > freshMs);
      if (age <= freshMs && !this.verifyOnStart) return;
    }
    await this.#revalidate();
  }

  #revalidate(): Promise<void> {
    this.#inflight ??= this.#fetch().finally(() => {
      this.#inflight = undefined;
    });
    return this.#inflight;
  }

  async #fetch(): Promise<void> {
    const generation = this.#generation;
    const key = this.#key;
    if (!key) return;
    try {
      // The server answers as of some time after this: the answer is at least this new.
      const askedAt = now();
      const reply = await this.#fetcher(this.#etag);
      if (generation !== this.#generation) return;
      if ('notModified' in reply) {
        const { data } = this.snapshot;
        if (data !== undefined) await this.#store({ data, etag: this.#etag, storedAt: askedAt }, false);
        return;
      }
      const entry = { data: reply.data, etag: reply.etag, storedAt: askedAt };
      if (!this.#isOlder(entry)) {
        this.#etag = reply.etag;
        await this.#store(entry, true);
      }
      this.onFetched?.(reply.data);
    } catch (cause) {
      if (generation !== this.#generation) return;
      const error = asLoyaltyError(cause);
      const { data } = this.snapshot;
      this.#publish(
        data === undefined ? { ...loading, status: 'error', error } : { ...this.snapshot, stale: true, error },
      );
      this.#host.failed(this.name, error);
    }
  }

  async #store(entry: CacheEntry<T>, tellOtherTabs: boolean): Promise<void> {
    if (this.#isOlder(entry)) return;
    const key = this.#key!;
    this.#show(entry);
    await this.#host.cache.set(key, entry).catch(() => undefined);
    if (tellOtherTabs) this.#host.broadcast(key, entry);
  }

  #show(entry: CacheEntry<T>, stale = false): void {
    const current = this.snapshot;
    // Same JSON as shown: keep the old object so nothing re-renders for a no-op revalidation.
    const same =
      current.data !== undefined &&
      (current.data === entry.data || JSON.stringify(current.data) === JSON.stringify(entry.data));
    const data = same ? current.data : entry.data;
    if (same && current.status === 'ready' && current.stale === stale && !current.error) {
      this.snapshot = { ...current, updatedAt: entry.storedAt };
      return;
    }
    this.#publish({ status: 'ready', data, error: undefined, stale, guest: false, updatedAt: entry.storedAt });
  }

  #publish(snapshot: Snapshot<T>): void {
    this.snapshot = snapshot;
    for (const listener of [...this.#listeners]) {
      // One subscriber that throws must not starve the others or fail the fetch.
      try {
        listener(snapshot);
      } catch (error) {
        console.error(`[loyalty-widgets] a subscriber of "${this.name}" threw`, error);
      }
    }
  }
}
