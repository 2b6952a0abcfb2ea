// The journal of redemption intents in IndexedDB, read and pruned. Reading it is all a catalog
// needs before a redemption starts (to offer an unfinished one again); the redeem call itself
// (intents.ts) loads with the redemption flow, on the first Redeem.
import type { Sdk } from '../sdk.js';

export interface RedeemIntent {
  /** The Idempotency-Key, created once per confirmed intent. */
  readonly key: string;
  readonly rewardId: string;
  /** Points chosen for a variable reward; absent (or undefined) for a fixed price. */
  readonly points?: number;
  readonly createdAt: number;
}

/** The Web Lock a tab holds while an intent's call runs. */
export const lockName = (key: string) => `loyalty-widgets-redeem ${key}`;

export class RedeemJournal {
  readonly store;

  constructor(private readonly sdk: Sdk) {
    this.store = sdk.store('loyalty-widgets-intents');
  }

  /** Keys are namespaced by API base and customer, like the cache; none without a customer. */
  id({ key }: Pick<RedeemIntent, 'key'>): string | undefined {
    const { options, customerId } = this.sdk;
    return options && customerId ? `${options.apiBase}|${customerId}|${key}` : undefined;
  }

  /**
   * Unsettled intents of the signed-in customer (this tab's or another's), oldest first; not
   * those whose call another tab is still waiting for (it holds their lock).
   */
  async pending(): Promise<RedeemIntent[]> {
    const prefix = this.id({ key: '' });
    const intents = prefix ? await this.store.prefixed<RedeemIntent>(prefix) : [];
    const held = await globalThis.navigator?.locks?.query().catch(() => undefined);
    const running = new Set(held?.held?.map((lock) => lock.name));
    return intents
      .map(([, intent]) => intent)
      .filter((intent) => !running.has(lockName(intent.key)))
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Forgets an intent: settled, or dismissed by the shopper (its code, if issued, stays in "My rewards"). */
  async forget(intent: Pick<RedeemIntent, 'key'>): Promise<void> {
    const id = this.id(intent);
    if (id) await this.store.deletePrefix(id);
  }
}

const journals = new WeakMap<Sdk, RedeemJournal>();

/** The journal of an SDK (one per page, like the SDK). */
export function redeemJournal(sdk: Sdk): RedeemJournal {
  let journal = journals.get(sdk);
  if (!journal) journals.set(sdk, (journal = new RedeemJournal(sdk)));
  return journal;
}
