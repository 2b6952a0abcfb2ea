// Where resources, intents and the outbox persist: IndexedDB through idb-keyval, falling back
// to memory when IndexedDB is missing, blocked or throwing (private mode, quota, SSR), or until
// the shopper consents to storage.
import { createStore, get, promisifyRequest, set, setMany, type UseStore } from 'idb-keyval';

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /** Removes every key that starts with `prefix`. */
  deletePrefix(prefix: string): Promise<void>;
  /** Every entry whose key starts with `prefix`, read at once. */
  prefixed<T>(prefix: string): Promise<[string, T][]>;
}

/**
 * Reads and changes one entry at once: `change` returns the new value, `null` to delete the entry
 * or `undefined` to leave it. It runs synchronously, inside the store's one transaction.
 */
export type Change<T> = (current: T | undefined) => T | null | undefined;

export function memoryStore(
  entries = new Map<string, unknown>(),
): KeyValueStore & { entries: Map<string, unknown>; change<T>(key: string, change: Change<T>): Promise<void> } {
  return {
    entries,
    async change<T>(key: string, change: Change<T>) {
      const next = change(entries.get(key) as T | undefined);
      if (next === null) entries.delete(key);
      else if (next !== undefined) entries.set(key, structuredClone(next));
    },
    get: async <T>(key: string) => entries.get(key) as T | undefined,
    set: async (key, value) => void entries.set(key, structuredClone(value)),
    deletePrefix: async (prefix) => {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
    },
    prefixed: async <T>(prefix: string) =>
      [...entries].filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key, value as T] as [string, T]),
  };
}

/** Every string key that starts with `prefix` sorts within this range. */
const prefixRange = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

export type PersistentStore = KeyValueStore & {
  /** Compare-and-set or compare-and-delete in one read-write transaction: no other tab's write falls between. */
  change<T>(key: string, change: Change<T>): Promise<void>;
  flushMemory(): Promise<void>;
  clearDisk(): Promise<void>;
};

/** Every IndexedDB database of ours: the cache, survey answers, the redemption journal, referral codes. */
export const databases = [
  'loyalty-widgets',
  'loyalty-widgets-outbox',
  'loyalty-widgets-intents',
  'loyalty-widgets-referral',
] as const;
export type Database = (typeof databases)[number];

/**
 * A store that writes to IndexedDB while `persist()` says so, and to memory otherwise or after
 * IndexedDB failed once. Memory written before consent is copied over when consent arrives.
 */
export function persistentStore(database: Database, persist: () => boolean): PersistentStore {
  const memory = memoryStore();
  let idb: UseStore | null | undefined;
  /** While consent moves entries between disk and memory (either way), every call waits for it. */
  let moving: Promise<void> = Promise.resolve();
  const disk = (): UseStore | null => {
    if (idb !== undefined) return idb;
    try {
      idb = typeof indexedDB === 'undefined' ? null : createStore(database, 'kv');
    } catch {
      idb = null;
    }
    return idb;
  };
  const useDisk = () => (persist() ? disk() : null);
  /** Runs an IndexedDB operation; on failure, memory takes over for the rest of the page's life. */
  async function attempt<T>(operation: (store: UseStore) => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    await moving;
    const store = useDisk();
    if (!store) return fallback();
    try {
      return await operation(store);
    } catch {
      idb = null;
      return fallback();
    }
  }
  /** Empties the database into memory; memory's own entries are newer and win. */
  async function moveToMemory(): Promise<void> {
    const db = disk();
    if (!db) return;
    // Declining consent must not create the database: one the browser does not list is left alone.
    const listed = await indexedDB.databases?.().catch(() => undefined);
    if (listed && !listed.some((found) => found.name === database)) return;
    try {
      // One transaction reads and clears, so no other tab's write falls in between and is lost.
      const [found, values] = await db('readwrite', async (store) => {
        const keysRead = store.getAllKeys();
        const valuesRead = store.getAll();
        store.clear();
        await promisifyRequest(store.transaction);
        return [keysRead.result as string[], valuesRead.result as unknown[]] as const;
      });
      found.forEach((key, index) => {
        if (!memory.entries.has(key)) memory.entries.set(key, values[index]);
      });
    } catch {
      // IndexedDB failed: nothing more can be read or removed now.
    }
  }
  return {
    async get<T>(key: string) {
      await moving;
      return (
        (await memory.get<T>(key)) ??
        attempt(
          async (store) => get<T>(key, store),
          async () => undefined,
        )
      );
    },
    // Once on disk, a copy kept in memory before consent would shadow it: drop that copy.
    set: (key, value) =>
      attempt(
        async (store) => {
          await set(key, value, store);
          memory.entries.delete(key);
        },
        () => memory.set(key, value),
      ),
    async change<T>(key: string, change: Change<T>) {
      await moving;
      // Memory holds the newer copy when it has one (see get).
      if (memory.entries.has(key)) return memory.change(key, change);
      await attempt(
        (db) =>
          db('readwrite', (store) => {
            const read = store.get(key);
            read.onsuccess = () => {
              const next = change(read.result as T | undefined);
              if (next === null) store.delete(key);
              else if (next !== undefined) store.put(next, key);
            };
            return promisifyRequest(store.transaction);
          }),
        () => memory.change(key, change),
      );
    },
    async deletePrefix(prefix) {
      await moving;
      await memory.deletePrefix(prefix);
      await attempt(
        (db) =>
          db('readwrite', (store) => {
            store.delete(prefixRange(prefix));
            return promisifyRequest(store.transaction);
          }),
        async () => undefined,
      );
    },
    async prefixed<T>(prefix: string) {
      const onDisk = await attempt(
        (db) =>
          db('readonly', async (store) => {
            // One transaction, so no other tab's write falls between the keys and the values.
            const keysRead = store.getAllKeys(prefixRange(prefix));
            const valuesRead = store.getAll(prefixRange(prefix));
            await promisifyRequest(store.transaction);
            return keysRead.result.map((key, index): [string, T] => [key as string, valuesRead.result[index] as T]);
          }),
        async () => [],
      );
      // Memory holds what is newer (written before consent, or since IndexedDB failed). A value
      // that is no object (a damaged entry) is left out rather than break every reader.
      return [...new Map([...onDisk, ...(await memory.prefixed<T>(prefix))])].filter(
        ([, value]) => typeof value === 'object' && value !== null,
      );
    },
    /**
     * Consent withdrawn: nothing of ours stays on disk. What was there moves to memory first, so
     * an unsent answer or an unsettled redemption still completes while the page is open. Set at
     * once, so every call made from now on waits for the move.
     */
    clearDisk() {
      moving = moving.then(moveToMemory);
      return moving;
    },
    /** Consent given: what memory holds goes to disk, in the chain every call waits for. */
    flushMemory() {
      moving = moving.then(async () => {
        const db = useDisk();
        if (!db || !memory.entries.size) return;
        try {
          await setMany([...memory.entries], db);
          memory.entries.clear();
        } catch {
          idb = null; // memory goes on holding it
        }
      });
      return moving;
    },
  };
}
