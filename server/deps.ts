// What every route handler gets: the program, storage and the app's shared services.
import type { Catalog } from './catalog.js';
import type { Clock } from './clock.js';
import type { Idempotency } from './idempotency.js';
import type { KeyedLock } from './locks.js';
import type { Storage } from './storage.js';
import type { TokenService } from './tokens.js';

export interface Deps {
  catalog: Catalog;
  storage: Storage;
  clock: Clock;
  tokens: TokenService;
  /** Serializes writes per customer. */
  locks: KeyedLock;
  idempotency: Idempotency;
}
