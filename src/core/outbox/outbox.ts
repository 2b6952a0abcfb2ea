// The durable outbox for survey answers. An answer is written to IndexedDB before it is sent,
// delivered with backoff across reloads and offline periods, one tab at a time, and merged on
// the server by its client id, so however often it is resent it is one record.
import { newId } from '../id.js';
import type { FeedbackResult } from '../api/schemas.js';
import { endpoint } from '../api/endpoints.js';
import { now } from '../clock.js';
import { asLoyaltyError, LoyaltyError } from '../errors.js';
import type { Sdk } from '../sdk.js';
import { categoryOf } from '../survey/rules.js';
import { unconfirmedCustomer } from '../identity.js';
import type { AnswerValue } from '../survey/feedback/definitions.js';

/** The body of `POST /v1/feedback`; fields present overwrite, fields absent stay. */
export interface FeedbackAnswer {
  /** The client's UUID for this answer: every update of it reuses the id. */
  id: string;
  /** A guest's secret proving the answer is theirs (the outbox adds it; only they can change it). */
  editKey?: string;
  /** `nps` for <nps-survey>, else the id of a survey of GET /v1/surveys. */
  survey: 'nps' | (string & {});
  score?: number;
  /** A survey's answers so far by question id (each send carries them all). */
  answers?: Record<string, AnswerValue>;
  /** A survey: the shopper reached its end. */
  completed?: boolean;
  comment?: string;
  orderId?: string;
  page?: string;
  locale?: string;
  answeredAt: string;
}

interface Item {
  answer: FeedbackAnswer;
  /** Whose answer: sent only while that customer is signed in; null (a guest's) is sent without a token. */
  customerId: string | null;
  /**
   * With the placeholder `unconfirmedCustomer` (signed in by a token nobody has confirmed yet):
   * the page's identity session; the answer becomes the shopper's whom /v1/me names in it, and is
   * never sent from another session (not a later page's shopper on a shared device).
   */
  session?: string;
  /** Bumped by every change, so a send that raced a change never removes the newer content. */
  version: number;
  createdAt: number;
  attempts: number;
  /** No attempt before this time (read from `now()`, so tests move the clock instead of waiting). */
  notBefore: number;
}

/** Detail of the SDK event `nps-delivered`: the server holds the answer as it stands. */
export interface DeliveredDetail {
  id: string;
  category: NonNullable<FeedbackResult['category']>;
}

const maxBackoffMs = 5 * 60_000;
/** A server's Retry-After is honoured up to this (a mistaken one must not park answers for days). */
const maxRetryAfterMs = 60 * 60_000;
/** An answer waits this long for its shopper (or the API) at most; the queue holds this many. */
const maxAgeMs = 30 * 86_400_000;
const maxItems = 200;

/** Worth trying again later: the network, the server or the shop's token provider, not the answer itself. */
const keep = ({ code, status = 0 }: LoyaltyError): boolean =>
  /^(network|timeout|token)$/.test(code) || status >= 500 || [408, 425, 429].includes(status);

export class Outbox {
  readonly #store;
  #running: Promise<void> | undefined;
  #queued: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** This page's store changes, one after another (read-modify-write). */
  #writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly sdk: Sdk) {
    this.#store = sdk.store('loyalty-widgets-outbox');
  }

  /**
   * Stores the answer (merged into its undelivered copy, if any), then starts delivery.
   * Resolves once it is stored, not when it is delivered. `customerId`: whose answer it is (by
   * default whoever is signed in now; a survey passes who was signed in at its first score).
   */
  add(answer: FeedbackAnswer, customerId = this.sdk.customerId): Promise<void> {
    const key = this.#key(answer.id);
    const stored = this.#write(async () => {
      const item = await this.#store.get<Item>(key);
      const next: Item = {
        // A stored item keeps its customer and creation time.
        customerId,
        session: customerId === unconfirmedCustomer ? this.sdk.identitySession : undefined,
        createdAt: now(),
        ...item,
        // Fields left undefined are absent: they never erase what is stored.
        answer: { ...item?.answer, ...(JSON.parse(JSON.stringify(answer)) as FeedbackAnswer) },
        version: (item?.version ?? 0) + 1,
        // New content goes out now, whatever the backoff of the old.
        attempts: 0,
        notBefore: 0,
      };
      await this.#store.set(key, next);
    });
    void stored.then(() => this.flush());
    return stored;
  }

  /** Sends what is due: one flush at a time in this page and, through Web Locks, across tabs. */
  flush(): Promise<void> {
    if (this.#running) return (this.#queued ??= this.#running.then(() => ((this.#queued = undefined), this.flush())));
    const locks = globalThis.navigator?.locks;
    const deliver = () => this.#deliver().catch(() => undefined);
    // Where Web Locks refuse (an opaque-origin frame), this page delivers alone.
    this.#running = (locks ? locks.request('loyalty-widgets-outbox', deliver).catch(deliver) : deliver()).finally(
      () => (this.#running = undefined),
    );
    return this.#running;
  }

  #key(id: string): string {
    if (!this.sdk.options) throw new LoyaltyError('config', 'Call configure({apiBase}) first');
    return `${this.sdk.options.apiBase}|${id}`;
  }

  #write<T>(change: () => Promise<T>): Promise<T> {
    const done = this.#writes.then(change);
    this.#writes = done.catch(() => undefined);
    return done;
  }

  async #deliver(): Promise<void> {
    const items = await this.#discard(
      (await this.#store.prefixed<Item>(this.#key(''))).sort((a, b) => a[1].createdAt - b[1].createdAt),
    );
    let wait = Infinity;
    // One /v1/me question per identity session and run, however many answers wait on it.
    const owners = new Map<string, Promise<string | null>>();
    for (const [key, stored] of items) {
      const item = await this.#owned(key, stored, owners);
      // A signed-out customer's answer waits for them to be identified again.
      if (item.customerId === unconfirmedCustomer) continue;
      if (item.customerId && item.customerId !== this.sdk.customerId) continue;
      if (item.notBefore > now()) {
        wait = Math.min(wait, item.notBefore - now());
        continue;
      }
      try {
        // A guest's answer goes with the device's guest key: only it can change the answer later.
        const body = item.customerId ? item.answer : { ...item.answer, editKey: await this.#guestKey() };
        const { path, check, json, searchParams } = endpoint(this.sdk.options?.api, 'feedback', { body });
        const reply = await this.sdk.api().post(path, check, {
          json,
          searchParams,
          idempotencyKey: newId(),
          // Survives the page closing right after the score.
          keepalive: true,
          // A guest's answer goes without a token, even once a customer has signed in.
          anonymous: !item.customerId,
        });
        await this.#remove(key, item);
        const { score } = item.answer;
        const data = 'data' in reply ? reply.data : undefined;
        // The server's category, else the score's (a reply without one, or with one we do not know).
        const category = data?.category ?? (score === undefined ? undefined : categoryOf(score));
        if (item.answer.survey !== 'nps') {
          const { id, survey, completed = false } = item.answer;
          this.sdk.bus.emit('feedback-delivered', { id, survey, completed });
        } else if (data && category)
          this.sdk.bus.emit('nps-delivered', { id: data.id, category } satisfies DeliveredDetail);
      } catch (cause) {
        const error = asLoyaltyError(cause);
        if (error.code === 'unauthorized' && item.customerId) {
          // The API refused the token and no new one came: the shopper is signed out, as after a
          // refused resource call, and their answer waits for new credentials (configure or
          // identify) instead of being retried with a dead token. The rest goes on.
          this.sdk.tokenRefused(item.customerId);
          this.sdk.bus.emit('loyalty-error', { error, feedbackId: item.answer.id });
          continue;
        }
        if (!keep(error)) {
          // A poison item (refused by the API) is dropped so it never blocks the rest.
          await this.#remove(key, item);
          this.sdk.bus.emit('loyalty-error', { error, feedbackId: item.answer.id });
          continue;
        }
        // The server's Retry-After (a 429 rate limit, a 503) when it asks for longer than the backoff.
        const delay = Math.max(
          Math.min(1000 * 2 ** (item.attempts + 1), maxBackoffMs),
          Math.min(error.retryAfterMs ?? 0, maxRetryAfterMs),
        );
        await this.#ifUnchanged(key, item, (current) => ({
          ...current,
          attempts: item.attempts + 1,
          notBefore: now() + delay,
        }));
        wait = Math.min(wait, delay);
        // The API or the network is down: the other items would fail the same way.
        break;
      }
    }
    clearTimeout(this.#timer);
    if (wait < Infinity) this.#timer = setTimeout(() => void this.flush(), wait);
  }

  /**
   * This device's secret for its guest answers to this API, made once and kept in the outbox's
   * database (outside the answers' key range), so an answer delivered long ago can still be changed.
   */
  async #guestKey(): Promise<string> {
    const key = `guest-key|${this.sdk.options?.apiBase ?? ''}`;
    await this.#store.change<string>(key, (current) => current ?? `${newId()}${newId()}`.replaceAll('-', ''));
    return (await this.#store.get<string>(key)) ?? '';
  }

  /** The item with its shopper once /v1/me has named whom a placeholder owner was (stored so). */
  async #owned(key: string, item: Item, owners: Map<string, Promise<string | null>>): Promise<Item> {
    if (item.customerId !== unconfirmedCustomer) return item;
    const session = item.session ?? '';
    if (!owners.has(session)) owners.set(session, this.sdk.owner(item.customerId, session));
    const owner = await owners.get(session)!;
    if (owner === unconfirmedCustomer) return item;
    const owned = { ...item, customerId: owner, session: undefined };
    await this.#ifUnchanged(key, item, (current) => ({ ...current, customerId: owner, session: undefined }));
    return owned;
  }

  /**
   * Drops, each with a loyalty-error, what would stay on the device forever: answers older than
   * 30 days (a shopper who never signed in again) and the oldest beyond 200. Returns the rest.
   */
  async #discard(items: [string, Item][]): Promise<[string, Item][]> {
    const excess = items.length - maxItems;
    const kept: [string, Item][] = [];
    for (const [index, [key, item]] of items.entries()) {
      const old = now() - item.createdAt > maxAgeMs;
      if (!old && index >= excess) {
        kept.push([key, item]);
        continue;
      }
      await this.#remove(key, item);
      const why = old ? 'not delivered within 30 days' : `more than ${maxItems} answers were waiting`;
      const error = new LoyaltyError('discarded', `A survey answer was dropped: ${why}`);
      this.sdk.bus.emit('loyalty-error', { error, feedbackId: item.answer.id });
    }
    return kept;
  }

  /** Drops the item unless it changed while it was being sent. */
  #remove(key: string, sent: Item): Promise<void> {
    return this.#ifUnchanged(key, sent, () => null);
  }

  /**
   * Changes (or with `null` deletes) the stored item only if it is still the one that was sent.
   * One transaction: another tab's newer version (a comment added) cannot land between the check
   * and the write and be lost.
   */
  #ifUnchanged(key: string, sent: Item, change: (current: Item) => Item | null): Promise<void> {
    return this.#write(() =>
      this.#store.change<Item>(key, (current) => (current?.version === sent.version ? change(current) : undefined)),
    );
  }
}

const outboxes = new WeakMap<Sdk, Outbox>();

/** The page's outbox for this SDK instance. */
export function outboxFor(sdk: Sdk): Outbox {
  let outbox = outboxes.get(sdk);
  if (!outbox) outboxes.set(sdk, (outbox = new Outbox(sdk)));
  return outbox;
}
