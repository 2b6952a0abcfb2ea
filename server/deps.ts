// What every route handler gets: the program, storage and the app's shared services.
import type { Catalog } from './catalog.js';
import type { Clock } from './clock.js';
import type { Idempotency } from './idempotency.js';
import type { Storage } from './storage.js';
import type { TokenService } from './tokens.js';

export interface Deps {
  catalog: Catalog;
  storage: Storage;
  clock: Clock;
  tokens: TokenService;
  idempotency: Idempotency;
  /** The storefront's public URL (ApiOptions.publicUrl), when configured. */
  publicUrl?: string;
}

/** The same services over another storage: the one bound to a transaction. */
export const withStorage = (deps: Deps, storage: Storage): Deps => ({ ...deps, storage });
