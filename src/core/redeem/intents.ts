// The persisted redemption intent: one Idempotency-Key per confirmed redemption, written to
// IndexedDB before the first request and kept until the call settles, so every retry (ky's own,
// a "Try again", or a reload) sends the same key and the server spends the points once.
//
// An intent is deleted when the call succeeds or fails finally (a 4xx other than 401, 408 and
// 429: the server refused and changed nothing). Timeouts, network errors, 5xx, 401 and
// malformed answers keep it: the server may have spent the points, and only the same key can
// find out. Unsettled intents are offered again with `pending()`; nothing resumes on its own.
import { newId } from '../id.js';
import type { RedeemResult } from '../api/schemas.js';
import { now } from '../clock.js';
import { LoyaltyError, isLoyaltyError } from '../errors.js';
import type { Sdk } from '../sdk.js';
import { lockName, redeemJournal, type RedeemIntent } from './journal.js';

export type { RedeemIntent };

/** True when the server refused for good, so the intent's key will never be needed again. */
export function isFinalRefusal(error: unknown): boolean {
  const status = isLoyaltyError(error) && error.code === 'http' ? (error.status ?? 0) : 0;
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

export class RedeemIntents {
  readonly #journal;
  /** The one redemption running in this page; a second request while it runs gets the same promise. */
  #inflight: { intent: RedeemIntent; result: Promise<RedeemResult> } | undefined;

  constructor(private readonly sdk: Sdk) {
    this.#journal = redeemJournal(sdk);
  }

  /** The intent whose call is running now, if any. */
  get running(): RedeemIntent | undefined {
    return this.#inflight?.intent;
  }

  /** Unsettled intents of the signed-in customer, oldest first (see `RedeemJournal.pending`). */
  pending(): Promise<RedeemIntent[]> {
    return this.#journal.pending();
  }

  /** A new intent for a redemption the shopper just confirmed: a new key, nothing stored yet. */
  intent(rewardId: string, points?: number): RedeemIntent {
    return { key: newId(), rewardId, points, createdAt: now() };
  }

  /**
   * Redeems with the intent's key: stored first, deleted once the call settles for good. Call it
   * again with the same intent to retry (after a failure or a reload). One redemption runs at a
   * time: while one is in flight, the same intent gets its promise and starts nothing (a double
   * click spends once); another intent is refused, never answered with someone else's code.
   */
  redeem(intent: RedeemIntent): Promise<RedeemResult> {
    const inflight = this.#inflight;
    if (inflight) {
      return inflight.intent.key === intent.key
        ? inflight.result
        : Promise.reject(new LoyaltyError('config', 'Another redemption is still running'));
    }
    // Fixed now: the intent is forgotten for the customer who made it, whoever is signed in then.
    const id = this.#journal.id(intent);
    const forget = async () => {
      if (id) await this.#journal.store.deletePrefix(id);
    };
    const work = async () => {
      try {
        if (id) await this.#journal.store.set(id, intent);
        const reply = await this.sdk.redeem({ rewardId: intent.rewardId, points: intent.points }, intent.key);
        await forget();
        return reply;
      } catch (error) {
        // Refused, or spent with a code only "My rewards" can show: this key has nothing more to give.
        if (isFinalRefusal(error) || (isLoyaltyError(error) && error.code === 'code-missing')) {
          await forget();
          // The server knows better (balance, tier, stock): show what it knows.
          void this.sdk.resource('me').invalidate();
          void this.sdk.resource('rewards').invalidate();
        }
        throw error;
      } finally {
        this.#inflight = undefined;
      }
    };
    // Held while the call runs, so other tabs do not offer to finish it (and wait, if asked to).
    const locks = globalThis.navigator?.locks;
    let started = false;
    const result = locks
      ? locks
          .request(lockName(intent.key), () => ((started = true), work()))
          .catch((error: unknown) => {
            // Refused before it ran (an opaque-origin frame): run without the lock.
            if (started) throw error;
            return work();
          })
      : work();
    this.#inflight = { intent, result };
    return result;
  }

  /** Forgets an unsettled intent (the shopper dismissed it); its code, if it was issued, stays in "My rewards". */
  discard(intent: RedeemIntent): Promise<void> {
    return this.#journal.forget(intent);
  }
}

const instances = new WeakMap<Sdk, RedeemIntents>();

/** The intent store of an SDK (one per page, like the SDK). */
export function redeemIntents(sdk: Sdk): RedeemIntents {
  let intents = instances.get(sdk);
  if (!intents) instances.set(sdk, (intents = new RedeemIntents(sdk)));
  return intents;
}
