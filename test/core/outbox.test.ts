import { expect, waitUntil } from '@open-wc/testing';
import { createStore, get, set } from 'idb-keyval';
import { configure, identify, logout, on } from '../../src/core/index.js';
import { setClock } from '../../src/core/clock.js';
import { outboxFor, type FeedbackAnswer } from '../../src/core/outbox/outbox.js';
import type { LoyaltyError } from '../../src/core/errors.js';
import { unconfirmedCustomer } from '../../src/core/identity.js';
import { TestApi } from '../helpers/api.js';
import { configureFor, fastNetwork, resetSdk } from '../helpers/sdk.js';
import { heard, messages, openTab, uniqueName } from '../fixtures/nps-frames.js';

interface Stored {
  id: string;
  score: number;
  comment?: string;
  customerId: string | null;
}

const answer = (extra: Partial<FeedbackAnswer> = {}): FeedbackAnswer => ({
  id: crypto.randomUUID(),
  survey: 'nps',
  score: 9,
  answeredAt: new Date().toISOString(),
  ...extra,
});
const stored = async (api: TestApi) => (await api.feedback()) as Stored[];
const posts = (api: TestApi) => api.requests({ path: '/v1/feedback', method: 'POST' });
const succeeded = async (api: TestApi) => (await posts(api)).filter((request) => request.status < 300);
const day = 86_400_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A clock the test moves by hand. */
function manualClock() {
  const clock = { time: Date.now(), advance: (ms: number) => (clock.time += ms) };
  setClock(() => clock.time);
  return clock;
}

afterEach(() => resetSdk());

describe('outbox', () => {
  it('stores an answer, sends it and fires nps-delivered through on()', async () => {
    const api = new TestApi();
    const sdk = configureFor(api, await api.customer());
    const delivered: unknown[] = [];
    on('nps-delivered', (detail: unknown) => delivered.push(detail));
    const first = answer({ score: 4 });
    await outboxFor(sdk).add(first);
    await waitUntil(() => delivered.length === 1, 'never delivered');
    expect(delivered[0]).to.deep.equal({ id: first.id, category: 'detractor' });
    const [request] = await posts(api);
    expect(request.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
  });

  it('keeps the answer through failures and retries on a backoff read from the clock', async () => {
    const api = new TestApi();
    await api.fault({ path: '/v1/feedback', times: 3, status: 503 });
    const sdk = configureFor(api, await api.customer());
    const clock = manualClock();
    const delivered: unknown[] = [];
    on('nps-delivered', (detail: unknown) => delivered.push(detail));
    await outboxFor(sdk).add(answer());
    await outboxFor(sdk).flush();
    expect(await posts(api)).to.have.length(1);

    // Within the backoff nothing is sent, however often a flush is asked for.
    clock.advance(1500);
    await outboxFor(sdk).flush();
    dispatchEvent(new Event('online'));
    await outboxFor(sdk).flush();
    expect(await posts(api)).to.have.length(1);

    clock.advance(1000); // 2 s after the first failure
    dispatchEvent(new Event('online'));
    await waitUntil(async () => (await posts(api)).length === 2);
    clock.advance(4000);
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(async () => (await posts(api)).length === 3);
    clock.advance(7999);
    await outboxFor(sdk).flush();
    expect(await posts(api), 'the third wait is 8 s').to.have.length(3);
    clock.advance(1);
    dispatchEvent(new Event('pagehide'));
    await waitUntil(() => delivered.length === 1, 'never delivered after the API recovered');
    expect(await stored(api)).to.have.length(1);
    expect(new Set((await posts(api)).map((request) => request.idempotencyKey)).size).to.equal(4);
  });

  it('keeps an answer on a network error (offline)', async () => {
    const api = new TestApi();
    const sdk = configureFor(api, await api.customer());
    const clock = manualClock();
    // Offline: the browser's fetch fails before any request leaves (only the failure is faked).
    const realFetch = window.fetch;
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const item = answer();
    try {
      await outboxFor(sdk).add(item);
      await outboxFor(sdk).flush();
    } finally {
      window.fetch = realFetch;
    }
    expect(await posts(api)).to.have.length(0);
    clock.advance(2000);
    dispatchEvent(new Event('online'));
    await waitUntil(async () => (await stored(api)).some((record) => record.id === item.id), 'lost while offline');
  });

  it('delivers an undelivered answer after a reload', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    await api.fault({ path: '/v1/feedback', times: 1, status: 500 });
    const sdk = configureFor(api, customer);
    const item = answer({ comment: 'Kept across the reload' });
    await outboxFor(sdk).add(item);
    await outboxFor(sdk).flush();
    expect(await stored(api)).to.have.length(0);

    // A reload: a new SDK instance on the same IndexedDB; configure() flushes once it is due.
    configureFor(api, customer);
    manualClock().advance(3000);
    dispatchEvent(new Event('online'));
    await waitUntil(async () => (await stored(api)).length === 1, 'the answer was lost in the reload');
    expect((await stored(api))[0]).to.include({ id: item.id, comment: 'Kept across the reload' });
  });

  it('retries 408, 425 and 429 but drops a poison item (400, 409) with a loyalty-error, never blocking the rest', async () => {
    const api = new TestApi();
    const ada = await api.customer();
    const bob = await api.customer();
    // Ada's answer exists; Bob's outbox then holds an answer with the same id (409) and one the
    // API refuses as malformed (400), before a good one.
    const taken = answer();
    await outboxFor(configureFor(api, ada)).add(taken);
    await waitUntil(async () => (await stored(api)).length === 1);

    const sdk = configureFor(api, bob);
    const errors: { error: LoyaltyError; feedbackId?: string }[] = [];
    on('loyalty-error', (detail) => errors.push(detail));
    const clock = manualClock();
    const malformed = answer({ locale: 'not a language tag' });
    const good = answer({ score: 10 });
    await outboxFor(sdk).add({ ...taken, score: 0 });
    clock.advance(1);
    await outboxFor(sdk).add(malformed);
    clock.advance(1);
    await outboxFor(sdk).add(good);
    await waitUntil(async () => (await stored(api)).some((record) => record.id === good.id), 'the good answer');
    expect(errors.map(({ error, feedbackId }) => [feedbackId, error.status, error.problem?.code])).to.deep.equal([
      [taken.id, 409, 'feedback-conflict'],
      [malformed.id, 400, 'invalid-request'],
    ]);
    expect((await stored(api)).find((record) => record.id === taken.id)!.score, 'Ada’s answer untouched').to.equal(9);

    // Retryable statuses keep the item.
    for (const status of [408, 425, 429]) {
      await api.fault({ path: '/v1/feedback', times: 1, status });
      const kept = answer();
      await outboxFor(sdk).add(kept);
      await outboxFor(sdk).flush();
      clock.advance(2000);
      await outboxFor(sdk).flush();
      await waitUntil(async () => (await stored(api)).some((record) => record.id === kept.id), `after ${status}`);
    }
    expect(errors, 'no more errors').to.have.length(2);
  });

  it('keeps a signed-out customer’s answer until they are identified again', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    await api.fault({ path: '/v1/feedback', times: 1, status: 503 });
    const sdk = configureFor(api, customer);
    const clock = manualClock();
    const item = answer({ comment: 'Before logout' });
    await outboxFor(sdk).add(item);
    await outboxFor(sdk).flush();
    await logout();
    clock.advance(10_000);
    await outboxFor(sdk).flush();
    expect(await posts(api), 'not sent as a guest').to.have.length(1);

    await identify(customer.customerId, { token: customer.token });
    await waitUntil(async () => (await stored(api)).length === 1, 'never delivered after identify()');
    expect((await stored(api))[0]).to.include({ id: item.id, customerId: customer.customerId });
  });

  it('drops, with a loyalty-error, an answer its shopper did not come back for within 30 days', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    await api.fault({ path: '/v1/feedback', times: 1, status: 503 });
    const sdk = configureFor(api, customer);
    const clock = manualClock();
    const errors: { error: LoyaltyError; feedbackId?: string }[] = [];
    on('loyalty-error', (detail: { error: LoyaltyError; feedbackId?: string }) => errors.push(detail));
    const item = answer();
    await outboxFor(sdk).add(item);
    await outboxFor(sdk).flush();
    errors.length = 0; // the 503
    await logout();
    const waiting = async () => (await sdk.store('loyalty-widgets-outbox').prefixed(api.apiBase)).length;
    clock.advance(30 * day);
    await outboxFor(sdk).flush();
    expect(await waiting(), 'still waiting at 30 days').to.equal(1);
    expect(errors).to.deep.equal([]);

    clock.advance(1);
    await outboxFor(sdk).flush();
    expect(await waiting(), 'gone after 30 days').to.equal(0);
    expect(errors.map(({ error, feedbackId }) => [error.code, feedbackId])).to.deep.equal([['discarded', item.id]]);
    await identify(customer.customerId, { token: customer.token });
    await outboxFor(sdk).flush();
    expect(await posts(api), 'never sent late').to.have.length(1);
  });

  it('keeps at most 200 answers waiting: the oldest goes first, with a loyalty-error', async () => {
    const api = new TestApi();
    const sdk = configureFor(api);
    const clock = manualClock();
    const errors: { error: LoyaltyError; feedbackId?: string }[] = [];
    on('loyalty-error', (detail: { error: LoyaltyError; feedbackId?: string }) => errors.push(detail));
    // Answers of a shopper who signed out: they wait for them, and pile up.
    const items = Array.from({ length: 201 }, () => answer());
    for (const item of items) {
      clock.advance(1);
      await outboxFor(sdk).add(item, 'c_gone');
    }
    await outboxFor(sdk).flush();
    const waiting = await sdk.store('loyalty-widgets-outbox').prefixed<{ answer: FeedbackAnswer }>(api.apiBase);
    expect(waiting).to.have.length(200);
    expect(waiting.map(([, item]) => item.answer.id)).to.not.include(items[0].id);
    expect(errors.map(({ error, feedbackId }) => [error.code, feedbackId])).to.deep.equal([['discarded', items[0].id]]);
    expect(await posts(api)).to.have.length(0);
  });

  it('stops sending with a refused token: the answer waits for new credentials, the rest goes on', async () => {
    const api = new TestApi();
    const { customerId } = await api.customer();
    // A page cached with a token that has since expired, and no token provider to ask again.
    const sdk = configureFor(api, { customerId, token: await api.expiredToken(customerId) });
    const clock = manualClock();
    const errors: { error: LoyaltyError; feedbackId?: string }[] = [];
    on('loyalty-error', (detail) => errors.push(detail));
    const mine = answer({ comment: 'Sent with a dead token' });
    await outboxFor(sdk).add(mine);
    await outboxFor(sdk).flush();
    expect(errors.map(({ error, feedbackId }) => [feedbackId, error.code])).to.deep.equal([[mine.id, 'unauthorized']]);
    expect(sdk.customerId, 'signed out, as after a refused resource call').to.equal(null);

    // Later answers (a guest's now) still go out; the refused one is not tried again.
    const guest = answer({ score: 2 });
    await outboxFor(sdk).add(guest);
    clock.advance(10 * 60_000);
    await outboxFor(sdk).flush();
    await waitUntil(async () => (await stored(api)).some((record) => record.id === guest.id), 'the guest answer');
    expect((await posts(api)).filter((request) => request.status === 401)).to.have.length(1);

    // A fresh token for the same shopper delivers it, kept whole.
    configure({ apiBase: api.apiBase, customerId, token: (await api.token(customerId)).token });
    await waitUntil(async () => (await stored(api)).some((record) => record.id === mine.id), 'never delivered');
    expect((await stored(api)).find((record) => record.id === mine.id)).to.include({
      customerId,
      comment: 'Sent with a dead token',
    });
  });

  it('sends a guest’s answer without a token, even after a customer signs in', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    await api.fault({ path: '/v1/feedback', times: 1, status: 503 });
    const sdk = configureFor(api);
    const item = answer({ orderId: 'o_guest_7' });
    await outboxFor(sdk).add(item);
    await outboxFor(sdk).flush();
    manualClock().advance(5000);
    await identify(customer.customerId, { token: customer.token });
    await waitUntil(async () => (await stored(api)).length === 1);
    expect((await stored(api))[0]).to.include({ id: item.id, customerId: null, orderId: 'o_guest_7' });
    const [, delivery] = await posts(api);
    expect(delivery.authorization).to.equal(false);
  });

  it('lets a guest add a comment to their answer delivered earlier (their key), which a customer cannot take', async () => {
    const api = new TestApi();
    const sdk = configureFor(api);
    const item = answer({ score: 9 });
    await outboxFor(sdk).add(item);
    await waitUntil(async () => (await stored(api)).length === 1, 'the score');
    await outboxFor(sdk).add({ ...item, comment: 'Added after the score went out' });
    await waitUntil(async () => (await stored(api))[0]?.comment !== undefined, 'the comment');
    expect((await stored(api))[0]).to.include({
      id: item.id,
      customerId: null,
      comment: 'Added after the score went out',
    });

    // A shopper who learnt the id cannot claim or change it, signed in or as another guest.
    const errors: { error: LoyaltyError; feedbackId?: string }[] = [];
    const other = configureFor(api, await api.customer());
    on('loyalty-error', (detail) => errors.push(detail));
    await outboxFor(other).add({ ...item, score: 0 });
    await waitUntil(() => errors.length === 1, 'the refusal');
    expect(errors[0].error.problem?.code).to.equal('feedback-conflict');
    expect((await stored(api))[0]).to.include({ score: 9, customerId: null });
  });

  it('waits as long as a 429’s Retry-After asks before sending again', async () => {
    const api = new TestApi();
    await api.fault({ path: '/v1/feedback', times: 1, status: 429, retryAfter: 120 });
    const sdk = configureFor(api);
    const clock = manualClock();
    const item = answer();
    await outboxFor(sdk).add(item);
    await outboxFor(sdk).flush();
    expect(await posts(api)).to.have.length(1);
    // Past every backoff step the outbox would take alone (2 s, 4 s, …), but not past Retry-After.
    clock.advance(60_000);
    await outboxFor(sdk).flush();
    expect(await posts(api), 'sent again before Retry-After').to.have.length(1);
    clock.advance(61_000);
    await outboxFor(sdk).flush();
    await waitUntil(async () => (await stored(api)).length === 1, 'never delivered after Retry-After');
  });

  it('keeps the comment when a late score-only retry arrives after it (one record)', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    // The first request reaches the server only after the client gave up on it.
    await api.fault({ path: '/v1/feedback', method: 'POST', times: 1, delayMs: 1500 });
    const sdk = configureFor(api, customer, { network: { ...fastNetwork, timeoutMs: 400 } });
    const item = answer({ score: 6 });
    await outboxFor(sdk).add(item);
    await outboxFor(sdk).flush();
    await outboxFor(sdk).add({ ...item, comment: 'Box arrived damaged' });
    await waitUntil(async () => (await stored(api))[0]?.comment === 'Box arrived damaged');
    // The late score-only request lands after the comment.
    await waitUntil(async () => (await posts(api)).length === 2, 'the late request never landed', { timeout: 4000 });
    const records = await stored(api);
    expect(records).to.have.length(1);
    expect(records[0]).to.include({ id: item.id, score: 6, comment: 'Box arrived damaged' });
  });

  // The race is made exact: "another tab" writes the moment this tab reads the item it has just
  // sent, which is where a check and a write in two transactions let the other tab's write in.
  for (const [outcome, fault] of [
    ['delivered', { delayMs: 200 }],
    ['refused for now (503)', { status: 503, delayMs: 200 }],
  ] as const) {
    it(`never loses a newer version another tab stored while the old one was being sent: ${outcome}`, async () => {
      const api = new TestApi();
      await api.fault({ path: '/v1/feedback', method: 'POST', times: 1, ...fault });
      const sdk = configureFor(api, await api.customer());
      const clock = manualClock();
      const item = answer({ score: 6 });
      const key = `${api.apiBase}|${item.id}`;
      const otherTab = createStore('loyalty-widgets-outbox', 'kv');
      await outboxFor(sdk).add(item);
      const sent = await get<{ version: number; answer: FeedbackAnswer }>(key, otherTab);
      const realGet = IDBObjectStore.prototype.get;
      let armed = true;
      IDBObjectStore.prototype.get = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
        const request = realGet.call(this, query);
        if (armed && query === key) {
          armed = false;
          void set(
            key,
            { ...sent, version: sent!.version + 1, answer: { ...sent!.answer, comment: 'Late' } },
            otherTab,
          );
        }
        return request;
      };
      try {
        await waitUntil(() => !armed, 'this tab never went back to the item it sent');
      } finally {
        IDBObjectStore.prototype.get = realGet;
      }
      clock.advance(10_000);
      await outboxFor(sdk).flush();
      await waitUntil(async () => (await stored(api))[0]?.comment, 'the other tab’s comment was never sent');
      expect((await stored(api))[0]).to.include({ id: item.id, score: 6, comment: 'Late' });
    });
  }

  it('delivers once when two tabs flush at the same time (Web Locks)', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    await api.fault({ path: '/v1/feedback', times: 1, status: 503 });
    const sdk = configureFor(api, customer);
    // Stored with the clock a minute behind, so the backoff is over in real time for the tabs.
    setClock(() => Date.now() - 60_000);
    const item = answer({ comment: 'Two tabs, one record' });
    await outboxFor(sdk).add(item);
    await outboxFor(sdk).flush();
    expect(await stored(api)).to.have.length(0);

    const names = [uniqueName('a'), uniqueName('b')];
    const frames = names.map((name) => openTab(name, { apiBase: api.apiBase, ...customer }));
    await waitUntil(() => names.every((name) => heard(name, 'ready')), 'tabs never started', { timeout: 5000 });
    await waitUntil(() => names.some((name) => heard(name, 'nps-delivered')), 'no tab delivered', { timeout: 5000 });
    await sleep(300);
    expect(await stored(api)).to.have.length(1);
    expect(await succeeded(api), 'one request reached the server').to.have.length(1);
    expect(messages.filter((m) => names.includes(m.tab) && m.event === 'nps-delivered')).to.have.length(1);
    frames.forEach((frame) => frame.remove());
  });

  it('never delivers another API’s answers', async () => {
    const first = new TestApi();
    const second = new TestApi();
    await first.fault({ path: '/v1/feedback', times: 1, status: 503 });
    // Guests on both sides: only the API the answer was given to can keep it from the second.
    const guest = configureFor(first);
    await outboxFor(guest).add(answer());
    await outboxFor(guest).flush();
    expect(await posts(first), 'the first API refused it once').to.have.length(1);
    const sdk = configureFor(second);
    manualClock().advance(10_000);
    await outboxFor(sdk).flush();
    expect(await second.requests({ path: '/v1/feedback' })).to.have.length(0);
  });

  it('sends an answer given before /v1/me confirmed the shopper as theirs once it does', async () => {
    const api = new TestApi();
    const ada = await api.customer();
    let up = false;
    // The script tag's case: the token URL failed, the page named nobody.
    const sdk = configureFor(api, undefined, {
      customerId: unconfirmedCustomer,
      tokenProvider: async () => {
        if (!up) throw new TypeError('Failed to fetch');
        return ada.token;
      },
    });
    const given = answer();
    await outboxFor(sdk).add(given);
    await outboxFor(sdk).flush();
    expect(await stored(api)).to.deep.equal([]);

    up = true;
    await sdk.resource('me').refresh();
    expect(sdk.customerId).to.equal(ada.customerId);
    manualClock().advance(60 * 60_000);
    await outboxFor(sdk).flush();
    await waitUntil(async () => (await stored(api)).length === 1, 'never delivered');
    expect((await stored(api))[0]).to.include({ id: given.id, customerId: ada.customerId });
  });

  it("never sends a placeholder shopper's answer from a later page as whoever's token comes there", async () => {
    const api = new TestApi();
    const bob = await api.customer();
    const failing = async (): Promise<string> => {
      throw new TypeError('Failed to fetch');
    };
    const first = configureFor(api, undefined, { customerId: unconfirmedCustomer, tokenProvider: failing });
    await outboxFor(first).add(answer());
    await outboxFor(first).flush();

    // The next page on a shared device: again nobody named, and the token that comes is Bob's.
    const next = configureFor(api, undefined, {
      customerId: unconfirmedCustomer,
      tokenProvider: async () => bob.token,
    });
    manualClock().advance(60 * 60_000);
    await outboxFor(next).flush();
    expect(await stored(api)).to.deep.equal([]);
    expect(await succeeded(api)).to.have.length(0);
  });
});
