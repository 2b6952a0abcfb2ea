// Identity and tokens (src/core/identity.ts) against the reference API over real HTTP: a failing
// token provider is a failure and never a sign-out, 401s share one refresh, and a token never
// carries over to another shopper.
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/components/loyalty-balance/define.js';
import { configure, getSdk, on } from '../../src/core/index.js';
import { meSchema } from '../../src/core/api/schemas.js';
import { setClock } from '../../src/core/clock.js';
import type { LoyaltyError } from '../../src/core/errors.js';
import { outboxFor } from '../../src/core/outbox/outbox.js';
import { TestApi } from '../helpers/api.js';
import { mount, unmountAll } from '../helpers/mount.js';
import { configureFor, fastNetwork, resetSdk } from '../helpers/sdk.js';
import { shows, text } from '../helpers/shadow.js';
import { unwatchAll, watch } from '../helpers/watch.js';

/** A token provider that fails its first `failures` calls (as a network blip would), counting calls. */
function flakyProvider(token: () => string | Promise<string>, failures: number) {
  const provider = Object.assign(
    async () => {
      provider.calls++;
      if (provider.calls <= failures) throw new TypeError('Failed to fetch');
      return token();
    },
    { calls: 0 },
  );
  return provider;
}

const errors = () => {
  const heard: LoyaltyError[] = [];
  on('loyalty-error', ({ error }: { error: LoyaltyError }) => heard.push(error));
  return heard;
};

afterEach(() => {
  unwatchAll();
  unmountAll();
  resetSdk();
});

describe('identity and tokens', () => {
  it('asks a token provider that failed once again: the shopper stays signed in and sees their data', async () => {
    const api = new TestApi();
    const ada = await api.customer({ balance: 410 });
    const provider = flakyProvider(() => ada.token, 1);
    // One retry, as the network settings allow for any failed request.
    configureFor(api, undefined, {
      customerId: ada.customerId,
      tokenProvider: provider,
      network: { ...fastNetwork, retries: 1 },
    });
    const me = watch('me');
    await me.until((s) => s.data?.points.balance === 410);
    expect(
      me.seen.some((s) => s.guest),
      'never the guest view',
    ).to.equal(false);
    expect(provider.calls).to.equal(2);
    expect(getSdk().customerId).to.equal(ada.customerId);
  });

  it('keeps the cached balance, marked stale with Try again and a loyalty-error, when the provider keeps failing; Try again recovers', async () => {
    const api = new TestApi();
    const ada = await api.customer({ balance: 520 });
    // An earlier visit cached the balance.
    configureFor(api, ada);
    await watch('me').until((s) => s.data?.points.balance === 520);
    unwatchAll(); // that page is gone

    // An hour later the shop's token endpoint is down for longer than the retries.
    let down = true;
    const provider = flakyProvider(() => ada.token, Infinity);
    configureFor(api, undefined, {
      customerId: ada.customerId,
      tokenProvider: async () => (down ? provider() : ada.token),
      network: { ...fastNetwork, retries: 2 },
    });
    setClock(() => Date.now() + 60 * 60_000);
    const heard = errors();
    const wrapper = mount(html`<loyalty-balance></loyalty-balance>`);
    const balance = wrapper.querySelector('loyalty-balance')!;
    await shows(balance, 'Last updated');
    expect(text(balance)).to.contain('520 points');
    expect(text(balance)).to.contain('Try again');
    expect(text(balance)).not.to.contain('Join');
    expect(provider.calls, 'the first attempt and two retries').to.equal(3);
    await waitUntil(() => heard.length > 0, 'no loyalty-error');
    expect(heard.map((error) => error.code)).to.deep.equal(['token']);
    expect(getSdk().customerId).to.equal(ada.customerId);

    down = false;
    await api.order(ada.customerId, 100);
    balance.shadowRoot!.querySelector<HTMLButtonElement>('button.link')!.click();
    await waitUntil(() => !text(balance).includes('Last updated') && !text(balance).includes('520 points'));
    expect(text(balance)).not.to.contain('Join');
  });

  it('a provider that never answers fails in time instead of loading forever, and is no sign-out', async () => {
    const api = new TestApi();
    const ada = await api.customer();
    configureFor(api, undefined, {
      customerId: ada.customerId,
      tokenProvider: () => new Promise<string>(() => undefined),
      network: { ...fastNetwork, timeoutMs: 200 },
    });
    const me = watch('me');
    await me.until((s) => s.status === 'error');
    expect(me.seen.at(-1)!.error!.code).to.equal('token');
    expect(me.seen.some((s) => s.guest)).to.equal(false);
  });

  it('makes a guest only when the shop says so: the provider resolves null', async () => {
    const api = new TestApi();
    const ada = await api.customer();
    let calls = 0;
    configureFor(api, undefined, { customerId: ada.customerId, tokenProvider: async () => (calls++, null) });
    const me = watch('me');
    await me.until((s) => s.guest);
    expect(getSdk().customerId).to.equal(null);
    expect(calls).to.equal(1);
  });

  it("never sends a shopper's answer as a guest's when the shop signs them out on the way", async () => {
    const api = new TestApi();
    const ada = await api.customer();
    const sdk = configureFor(api, undefined, { customerId: ada.customerId, tokenProvider: async () => null });
    await outboxFor(sdk).add({
      id: crypto.randomUUID(),
      survey: 'nps',
      score: 6,
      answeredAt: new Date().toISOString(),
    });
    await outboxFor(sdk).flush();
    expect(sdk.customerId).to.equal(null);
    expect(await api.feedback(), 'kept for the shopper, not stored as a guest answer').to.deep.equal([]);
    expect(await api.requests({ path: '/v1/feedback' })).to.deep.equal([]);
  });

  it('asks the provider once for several 401s at once', async () => {
    const api = new TestApi();
    const ada = await api.customer({ balance: 33 });
    const expired = await api.expiredToken(ada.customerId);
    let calls = 0;
    // The first token has expired; the next one is good.
    configureFor(api, undefined, {
      customerId: ada.customerId,
      tokenProvider: async () => (++calls === 1 ? expired : ada.token),
    });
    const replies = await Promise.all(Array.from({ length: 5 }, () => getSdk().api().get('v1/me', meSchema)));
    expect(replies.map((reply) => 'data' in reply && reply.data.points.balance)).to.deep.equal([33, 33, 33, 33, 33]);
    expect(calls, 'one call for the page, one refresh for the five 401s').to.equal(2);
    const statuses = (await api.requests({ path: '/v1/me' })).map((request) => request.status);
    expect(statuses.filter((status) => status === 401)).to.have.length(5);
    expect(statuses.filter((status) => status < 400)).to.have.length(5);
  });

  it('refreshes a token after a 401 also with retries: 0', async () => {
    const api = new TestApi();
    const ada = await api.customer({ balance: 12 });
    const expired = await api.expiredToken(ada.customerId);
    let calls = 0;
    configureFor(api, undefined, {
      customerId: ada.customerId,
      tokenProvider: async () => (++calls === 1 ? expired : ada.token),
      network: { ...fastNetwork, retries: 0 },
    });
    await watch('me').until((s) => s.data?.points.balance === 12);
  });

  it("drops A's token when configure() names shopper B without one: B never sees A's data", async () => {
    const api = new TestApi();
    const ada = await api.customer({ balance: 111 });
    const bob = await api.customer({ balance: 222 });
    configureFor(api, ada);
    const me = watch('me');
    await me.until((s) => s.data?.points.balance === 111);

    // An SPA login: B's id at once, B's token a moment later.
    me.seen.length = 0;
    const before = (await api.requests({ path: '/v1/me' })).length;
    configure({ apiBase: api.apiBase, customerId: bob.customerId });
    await me.until((s) => s.guest);
    await new Promise((resolve) => setTimeout(resolve, 300));
    configure({ apiBase: api.apiBase, customerId: bob.customerId, token: bob.token });
    await me.until((s) => s.data?.points.balance === 222);

    expect(
      me.seen.filter((s) => s.data).map((s) => s.data!.customer.id),
      "nothing of Ada's on Bob's screen",
    ).to.deep.equal([bob.customerId]);
    expect(getSdk().customerId).to.equal(bob.customerId);
    // The only /v1/me call since the switch carried Bob's token (Ada's would have answered Ada).
    expect((await api.requests({ path: '/v1/me' })).slice(before).map((r) => r.status)).to.deep.equal([200]);
  });

  it('keeps the same shopper’s token when configure() changes other settings', async () => {
    const api = new TestApi();
    const ada = await api.customer({ balance: 64 });
    configureFor(api, ada);
    configure({ apiBase: api.apiBase, locale: 'de' });
    configure({ apiBase: api.apiBase, customerId: ada.customerId });
    await watch('me').until((s) => s.data?.points.balance === 64);
  });

  it('keeps an answer in the outbox while the token provider fails, and sends it once a token comes', async () => {
    const api = new TestApi();
    const ada = await api.customer();
    let down = true;
    const sdk = configureFor(api, undefined, {
      customerId: ada.customerId,
      tokenProvider: async () => {
        if (down) throw new TypeError('Failed to fetch');
        return ada.token;
      },
    });
    const id = crypto.randomUUID();
    await outboxFor(sdk).add({ id, survey: 'nps', score: 8, answeredAt: new Date().toISOString() });
    await outboxFor(sdk).flush();
    expect(await api.feedback()).to.deep.equal([]);
    expect(sdk.customerId, 'still signed in').to.equal(ada.customerId);

    down = false;
    setClock(() => Date.now() + 60 * 60_000);
    await outboxFor(sdk).flush();
    await waitUntil(async () => (await api.feedback()).length === 1, 'never delivered');
    expect((await api.feedback())[0]).to.include({ id, customerId: ada.customerId });
  });

  it("never retries shopper A's redemption with shopper B's token after a switch: B's points stay", async () => {
    const api = new TestApi();
    const [ada, bob] = await Promise.all([api.customer({ balance: 2000 }), api.customer({ balance: 2000 })]);
    const sdk = configureFor(api, ada, { network: { ...fastNetwork, retries: 2 } });
    // The first attempt fails; its retry waits for Retry-After, long enough to switch shopper.
    await api.fault({ method: 'POST', path: '/v1/redemptions', times: 1, status: 503, retryAfter: 1 });
    const redeeming = sdk.redeem({ rewardId: 'r_5_off' }, crypto.randomUUID()).then(
      () => 'redeemed',
      (error: LoyaltyError) => error.code,
    );
    await waitUntil(async () => (await api.requests({ path: '/v1/redemptions', method: 'POST' })).length === 1);
    await sdk.identify(bob.customerId, { token: bob.token });

    expect(await redeeming).to.equal('unauthorized');
    const posts = await api.requests({ path: '/v1/redemptions', method: 'POST' });
    expect(posts.map((post) => post.status)).to.deep.equal([503]);
    expect((await api.me(bob.token)).points.balance).to.equal(2000);
    expect((await api.me(ada.token)).points.balance).to.equal(2000);
  });

  it("never refreshes A's refused call with B's token after a switch", async () => {
    const api = new TestApi();
    const [ada, bob] = await Promise.all([api.customer(), api.customer()]);
    let sent = false;
    const tokenProvider = async () => ((sent = true), ada.token);
    const sdk = configureFor(api, undefined, { customerId: ada.customerId, tokenProvider });
    // A's call is refused (401) late: B has signed in, with a provider, before the refresh.
    await api.fault({ method: 'GET', path: '/v1/me', times: 1, status: 401, delayMs: 300 });
    const asked = sdk
      .api()
      .get('v1/me', meSchema)
      .then(
        (reply) => ('data' in reply ? reply.data.customer.id : 'not modified'),
        (error: LoyaltyError) => error.code,
      );
    await waitUntil(() => sent, "A's token never asked for");
    await sdk.identify(bob.customerId, { tokenProvider: async () => bob.token });

    expect(await asked).to.equal('unauthorized');
    const answered = await api.requests({ path: '/v1/me', method: 'GET' });
    expect(answered.map((request) => request.status)).to.deep.equal([401]);
  });
});
