import { expect, waitUntil } from '@open-wc/testing';
import { createStore, keys, set } from 'idb-keyval';
import { configure, getSdk, identify, logout, on, setConsent, type Snapshot } from '../../src/core/index.js';
import { now, setClock } from '../../src/core/clock.js';
import { outboxFor } from '../../src/core/outbox/outbox.js';
import { redeemIntents } from '../../src/core/redeem/intents.js';
import { Sdk } from '../../src/core/sdk.js';
import { TestApi } from '../helpers/api.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';

const idb = createStore('loyalty-widgets', 'kv');
const storedKeys = async (api: TestApi) =>
  (await keys<string>(idb)).map(String).filter((key) => key.startsWith(api.apiBase));

const subscriptions: (() => void)[] = [];

/** Subscribes and records every snapshot; resolves once one matches. */
function watch<T>(name: 'me' | 'program' | 'rewards' | 'activity') {
  const seen: Snapshot<T>[] = [];
  const unsubscribe = getSdk()
    .resource(name)
    .subscribe((snapshot) => seen.push(snapshot as Snapshot<T>));
  subscriptions.push(unsubscribe);
  return {
    seen,
    unsubscribe,
    until: (test: (snapshot: Snapshot<T>) => boolean) =>
      waitUntil(() => seen.some(test), `no ${name} snapshot matched`),
  };
}
type Me = { customer: { id: string }; points: { balance: number } };

afterEach(() => {
  subscriptions.splice(0).forEach((unsubscribe) => unsubscribe());
  resetSdk();
});

describe('shared store', () => {
  it('makes one request however many subscribers ask at once', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 10 }));
    const watchers = Array.from({ length: 10 }, () => watch<Me>('me'));
    await Promise.all(watchers.map((watcher) => watcher.until((s) => s.status === 'ready')));
    expect(await api.requests({ path: '/v1/me' })).to.have.length(1);
  });

  it('renders from cache first, then revalidates (stale-while-revalidate)', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 300 });
    configureFor(api, customer);
    await watch<Me>('me').until((s) => s.data?.points.balance === 300);
    await api.order(customer.customerId, 5000); // the balance moves on the server
    await api.fault({ path: '/v1/me', times: 1, delayMs: 800 });

    // A reload, 5 minutes later: the cache is past its fresh window but within its maximum age.
    configureFor(api, customer);
    setClock(() => Date.now() + 5 * 60_000);
    const started = performance.now();
    const me = watch<Me>('me');
    await me.until((s) => s.data?.points.balance === 300);
    expect(performance.now() - started, 'cached value shown before the slow answer').to.be.lessThan(500);
    expect(me.seen.find((s) => s.data)!.stale).to.equal(true);
    await me.until((s) => s.data !== undefined && s.data.points.balance > 300 && !s.stale);
  });

  it('keeps showing cached data, marked stale with the error, when the API is down', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 70 });
    configureFor(api, customer);
    await watch<Me>('me').until((s) => s.status === 'ready');
    await api.fault({ path: '/v1/me', times: 5, status: 503 });
    configureFor(api, customer);
    setClock(() => Date.now() + 60 * 60_000);
    const me = watch<Me>('me');
    await me.until((s) => s.error?.code === 'http');
    const last = me.seen.at(-1)!;
    expect(last.status).to.equal('ready');
    expect(last.stale).to.equal(true);
    expect(last.data!.points.balance).to.equal(70);
  });

  it('refresh() while a read is under way asks again after it: a change made meanwhile shows', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 100 });
    // The first read is answered now and its reply held: it arrives after the order below.
    await api.fault({ method: 'GET', path: '/v1/me', times: 1, hold: true });
    configureFor(api, customer);
    const me = watch<{ points: { balance: number } }>('me');
    await waitUntil(async () => (await api.held()) === 1, 'the first read is held');
    const { balance } = await api.order(customer.customerId, 5000);
    const refreshed = getSdk().resource('me').refresh();
    await api.release();
    await refreshed;
    await me.until((s) => s.data?.points.balance === balance);
    expect(getSdk().resource('me').snapshot.data!.points.balance).to.equal(balance);
    expect(balance).to.be.above(100);
  });

  it('revalidates with the ETag, and a 304 changes nothing', async () => {
    const api = new TestApi();
    configureFor(api);
    const program = watch('program');
    await program.until((s) => s.status === 'ready');
    const before = program.seen.length;
    const data = getSdk().resource('program').snapshot.data;
    await getSdk().resource('program').refresh();
    const [, second] = await api.requests({ path: '/v1/program' });
    expect(second.status).to.equal(304);
    expect(program.seen.length, 'no new snapshot for a 304').to.equal(before);
    expect(getSdk().resource('program').snapshot.data).to.equal(data);
  });

  it("wipes the claimed customer when /v1/me names another, and never caches the other shopper's data under the claim", async () => {
    const api = new TestApi();
    const real = await api.customer({ balance: 5 });
    const claimed = await api.customer({ balance: 999 });
    // The claimed customer's data is in the cache from an earlier visit.
    configureFor(api, claimed);
    const before = watch<Me>('me');
    await before.until((s) => s.data?.points.balance === 999);
    before.unsubscribe(); // that page is gone

    // Now the page says `claimed`, but the token belongs to `real`. The page shows the claimed
    // shopper's cache at once (it says who is signed in); the activity waits for /v1/me.
    configureFor(api, { customerId: claimed.customerId, token: real.token });
    const me = watch<Me>('me');
    const activity = watch('activity');
    await me.until((s) => s.data?.customer.id === real.customerId);
    await activity.until((s) => s.status === 'ready');
    const activityRequests = await api.requests({ path: '/v1/activity' });
    const firstMe = (await api.requests({ path: '/v1/me' }))[1];
    expect(activityRequests.length, 'activity asked once, after /v1/me, for the confirmed shopper').to.equal(1);
    expect(firstMe.status).to.equal(200);
    await waitUntil(() => getSdk().customerId === real.customerId);
    await waitUntil(async () => (await storedKeys(api)).every((key) => !key.includes(`|${claimed.customerId}|`)));
  });

  it('switches customers with identify() and logout() without showing the previous one', async () => {
    const api = new TestApi();
    const ada = await api.customer({ balance: 111 });
    const bob = await api.customer({ balance: 222 });
    configureFor(api, ada);
    const me = watch<Me>('me');
    await me.until((s) => s.data?.points.balance === 111);

    me.seen.length = 0;
    await logout();
    await me.until((s) => s.guest);
    expect(
      me.seen.every((s) => s.data === undefined),
      'nothing of Ada after logout',
    ).to.equal(true);
    expect((await storedKeys(api)).filter((key) => key.includes(`|${ada.customerId}|`))).to.deep.equal([]);

    await identify(bob.customerId, { token: bob.token });
    await me.until((s) => s.data?.points.balance === 222);
    expect(me.seen.some((s) => s.data?.points.balance === 111)).to.equal(false);
  });

  it('keeps two customers on one browser apart in the cache', async () => {
    const api = new TestApi();
    const ada = await api.customer({ balance: 1 });
    const bob = await api.customer({ balance: 2 });
    configureFor(api, ada);
    await watch<Me>('me').until((s) => s.status === 'ready');
    configureFor(api, bob);
    await api.fault({ path: '/v1/me', times: 1, delayMs: 600 });
    const me = watch<Me>('me');
    await me.until((s) => s.data?.points.balance === 2);
    expect(me.seen.some((s) => s.data?.points.balance === 1)).to.equal(false);
  });

  it('falls back to memory when IndexedDB throws', async () => {
    const api = new TestApi();
    const open = indexedDB.open;
    indexedDB.open = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    try {
      configureFor(api, await api.customer({ balance: 42 }));
      await watch<Me>('me').until((s) => s.data?.points.balance === 42);
      await watch('program').until((s) => s.status === 'ready');
      expect(await api.requests({ path: '/v1/program' }), 'first load').to.have.length(1);
      // A second look at the program within its fresh window comes from memory, not the network.
      getSdk().resource('program').reset();
      await watch('program').until((s) => s.status === 'ready');
      expect(await api.requests({ path: '/v1/program' })).to.have.length(1);
    } finally {
      indexedDB.open = open;
    }
  });

  it('deletes what it stored when consent is withdrawn', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 8 }));
    await watch<Me>('me').until((s) => s.status === 'ready');
    await waitUntil(async () => (await storedKeys(api)).length > 0, 'the balance is stored');
    await setConsent(false);
    expect(await storedKeys(api)).to.deep.equal([]);
  });

  it('empties the outbox database too when consent is withdrawn, and still sends the answer in it', async () => {
    const api = new TestApi();
    await api.fault({ path: '/v1/feedback', times: 1, status: 503 });
    const sdk = configureFor(api, await api.customer());
    let time = now();
    setClock(() => time);
    const delivered: unknown[] = [];
    on('nps-delivered', (detail: unknown) => delivered.push(detail));
    const id = crypto.randomUUID();
    await outboxFor(sdk).add({ id, survey: 'nps', score: 9, answeredAt: new Date(time).toISOString() });
    await outboxFor(sdk).flush();
    const outboxDb = createStore('loyalty-widgets-outbox', 'kv');
    const waiting = async () => (await keys<string>(outboxDb)).filter((key) => String(key).startsWith(api.apiBase));
    expect(await waiting(), 'kept on disk after the failed attempt').to.have.length(1);

    await setConsent(false);
    expect(await waiting()).to.deep.equal([]);
    time += 60_000;
    await outboxFor(sdk).flush();
    await waitUntil(() => delivered.length === 1, 'the answer moved to memory was never sent');
    expect(await api.feedback()).to.have.length(1);
  });

  it('empties the redemption journal on a page without a catalog, keeping the intent for this page', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    // An unfinished redemption left by an earlier page.
    const journal = createStore('loyalty-widgets-intents', 'kv');
    const intent = { key: crypto.randomUUID(), rewardId: 'r_trees', createdAt: Date.now() };
    await set(`${api.apiBase}|${customer.customerId}|${intent.key}`, intent, journal);
    configureFor(api, customer);
    await setConsent(false);
    const left = (await keys<string>(journal)).filter((key) => String(key).startsWith(api.apiBase));
    expect(left).to.deep.equal([]);
    expect((await redeemIntents(getSdk()).pending()).map((found) => found.key)).to.deep.equal([intent.key]);
  });

  it('declining consent opens no database that does not exist', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer(), { persist: false });
    await watch<Me>('me').until((s) => s.status === 'ready');
    const { databases, open } = indexedDB;
    const opened: string[] = [];
    indexedDB.databases = async () => []; // a browser that has none of ours
    indexedDB.open = (name: string, version?: number) => {
      opened.push(name);
      return open.call(indexedDB, name, version);
    };
    try {
      await setConsent(false);
    } finally {
      Object.assign(indexedDB, { databases, open });
    }
    expect(opened).to.deep.equal([]);
  });

  it('keeps an unsent score that the shopper comments on while consent is being withdrawn', async () => {
    const api = new TestApi();
    await api.fault({ path: '/v1/feedback', times: 1, status: 503 });
    const sdk = configureFor(api, await api.customer());
    let time = now();
    setClock(() => time);
    const id = crypto.randomUUID();
    await outboxFor(sdk).add({ id, survey: 'nps', score: 3, answeredAt: new Date(time).toISOString() });
    await outboxFor(sdk).flush(); // fails once: the score waits on disk
    // The comment arrives in the same task as the withdrawal.
    const withdrawn = setConsent(false);
    const commented = outboxFor(sdk).add({
      id,
      survey: 'nps',
      comment: 'Too slow',
      answeredAt: new Date(time).toISOString(),
    });
    await Promise.all([withdrawn, commented]);
    time += 60_000;
    await outboxFor(sdk).flush();
    await waitUntil(async () => (await api.feedback()).length === 1, 'never delivered');
    const [stored] = (await api.feedback()) as { score?: number; comment?: string }[];
    expect(stored).to.include({ score: 3, comment: 'Too slow' });
  });

  it('keeps the shopper on screen when configure() runs again with new credentials for them', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 77 });
    configureFor(api, customer);
    const me = watch<Me>('me');
    await me.until((s) => s.data?.points.balance === 77);
    const asked = (await api.requests({ path: '/v1/me' })).length;
    const shown = me.seen.length;
    // What a framework effect does on every render: the same shopper, a token provider made anew.
    configure({ apiBase: api.apiBase, customerId: customer.customerId, tokenProvider: async () => customer.token });
    configure({ apiBase: api.apiBase, customerId: customer.customerId, token: customer.token });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(me.seen.slice(shown), 'no blank or reloaded balance').to.deep.equal([]);
    expect(await api.requests({ path: '/v1/me' })).to.have.length(asked);
    expect(getSdk().customerId).to.equal(customer.customerId);
  });

  it('tells the other open tabs when consent is withdrawn', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer());
    // Another tab's SDK: BroadcastChannel also carries messages between two channels of one page.
    const otherTab = new Sdk();
    otherTab.configure({ apiBase: api.apiBase });
    expect(otherTab.persisting()).to.equal(true);
    await setConsent(false);
    await waitUntil(() => !otherTab.persisting(), 'the other tab never heard the withdrawal');
  });

  it('writes nothing to IndexedDB with persist: false until consent', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 8 }), { persist: false });
    await watch<Me>('me').until((s) => s.status === 'ready');
    await watch('program').until((s) => s.status === 'ready');
    expect(await storedKeys(api)).to.deep.equal([]);
    await setConsent(true);
    expect((await storedKeys(api)).length).to.be.greaterThan(0);
  });

  it('signs out to the guest view when the token is refused and no new one comes', async () => {
    const api = new TestApi();
    const { customerId } = await api.customer();
    const expired = await api.expiredToken(customerId);
    configureFor(api, { customerId, token: expired });
    const me = watch<Me>('me');
    await me.until((s) => s.guest);
  });

  it('updates the balance everywhere from a redemption response', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 5000 }));
    const me = watch<Me>('me');
    await me.until((s) => s.status === 'ready');
    const rewards = (await getSdk()
      .api()
      .get(
        'v1/rewards',
        (v) => v as { rewards: { id: string; cost: number; available: boolean; variable?: unknown }[] },
      )) as {
      data: { rewards: { id: string; cost: number; available: boolean; variable?: unknown }[] };
    };
    const reward = rewards.data.rewards.find((r) => r.available && !r.variable && r.cost <= 5000)!;
    const result = await getSdk().redeem({ rewardId: reward.id }, crypto.randomUUID());
    expect(result.points?.balance).to.equal(5000 - reward.cost);
    await me.until((s) => s.data?.points.balance === 5000 - reward.cost);
  });

  it('needs apiBase', () => {
    resetSdk();
    expect(() => configure({ apiBase: '' })).to.throw(/apiBase/);
  });
});
