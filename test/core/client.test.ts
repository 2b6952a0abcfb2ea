import { expect, waitUntil } from '@open-wc/testing';
import { createClient } from '../../src/core/api/client.js';
import { meSchema, programSchema, rewardsSchema } from '../../src/core/api/schemas.js';
import { LoyaltyError } from '../../src/core/errors.js';
import { TestApi } from '../helpers/api.js';

function clientFor(api: TestApi, token: () => Promise<string | null>, extra = {}) {
  return createClient({
    apiBase: api.apiBase,
    token,
    refreshToken: async () => null,
    locale: () => 'en-US',
    retryDelayMs: 20,
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<LoyaltyError> {
  try {
    await promise;
  } catch (error) {
    return error as LoyaltyError;
  }
  throw new Error('expected the call to fail');
}

describe('API client', () => {
  it('retries a failing GET with backoff and then succeeds', async () => {
    const api = new TestApi();
    await api.fault({ path: '/v1/program', times: 2, status: 503 });
    const reply = await clientFor(api, async () => null).get('v1/program', programSchema);
    expect('data' in reply && reply.data.name).to.be.a('string');
    const requests = await api.requests({ path: '/v1/program' });
    expect(requests.map((request) => request.status)).to.deep.equal([503, 503, 200]);
  });

  it('gives up after the retry limit with an http error carrying the problem', async () => {
    const api = new TestApi();
    await api.fault({ path: '/v1/program', times: 5, status: 500 });
    const error = await failure(clientFor(api, async () => null, { retries: 1 }).get('v1/program', programSchema));
    expect(error).to.be.instanceOf(LoyaltyError);
    expect(error.code).to.equal('http');
    expect(error.status).to.equal(500);
    expect(await api.requests({ path: '/v1/program' })).to.have.length(2);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    const api = new TestApi();
    await api.fault({ path: '/v1/program', times: 1, status: 429, retryAfter: 1 });
    const started = performance.now();
    await clientFor(api, async () => null).get('v1/program', programSchema);
    expect(performance.now() - started).to.be.greaterThan(950);
  });

  it('times out one slow attempt and retries it', async () => {
    const api = new TestApi();
    await api.fault({ path: '/v1/program', times: 1, delayMs: 1500 });
    const started = performance.now();
    const reply = await clientFor(api, async () => null, { timeoutMs: 400 }).get('v1/program', programSchema);
    expect('data' in reply).to.equal(true);
    expect(performance.now() - started, 'the slow attempt was not waited out').to.be.below(1200);
    // The slow attempt is logged when the server finishes it.
    await waitUntil(async () => (await api.requests({ path: '/v1/program' })).length === 2, 'two attempts', {
      timeout: 3000,
    });
  });

  it('reports a timeout when no attempt answers in time', async () => {
    const api = new TestApi();
    await api.fault({ path: '/v1/program', times: 2, delayMs: 1500 });
    const error = await failure(
      clientFor(api, async () => null, { timeoutMs: 300, retries: 1 }).get('v1/program', programSchema),
    );
    expect(error.code).to.equal('timeout');
  });

  it('reports a network error when the API cannot be reached', async () => {
    const client = createClient({
      apiBase: 'http://127.0.0.1:9/api',
      token: async () => null,
      refreshToken: async () => null,
      locale: () => 'en',
      retries: 0,
    });
    const error = await failure(client.get('v1/program', programSchema));
    expect(error.code).to.equal('network');
  });

  it('asks for a new token once after a 401 and retries with it', async () => {
    const api = new TestApi();
    const { customerId, token } = await api.customer({ balance: 40 });
    const expired = await api.expiredToken(customerId);
    let refreshes = 0;
    const client = createClient({
      apiBase: api.apiBase,
      token: async () => expired,
      refreshToken: async () => (refreshes++, token),
      locale: () => 'en',
    });
    const reply = await client.get('v1/me', meSchema);
    expect('data' in reply && reply.data.points.balance).to.equal(40);
    expect(refreshes).to.equal(1);
    const statuses = (await api.requests({ path: '/v1/me' })).map((request) => request.status);
    expect(statuses).to.deep.equal([401, 200]);
  });

  it('reports unauthorized when no new token comes', async () => {
    const api = new TestApi();
    const { customerId } = await api.customer();
    const expired = await api.expiredToken(customerId);
    const error = await failure(clientFor(api, async () => expired).get('v1/me', meSchema));
    expect(error.code).to.equal('unauthorized');
    expect(error.status).to.equal(401);
  });

  it('rejects a malformed body naming the field', async () => {
    const api = new TestApi();
    const { token } = await api.customer();
    await api.fault({
      path: '/v1/me',
      times: 1,
      body: {
        customer: { id: 'c' },
        points: { balance: '12', pending: 0, lifetime: 0, expiring: [] },
        tier: null,
        tierProgress: {},
        referral: null,
      },
    });
    const error = await failure(clientFor(api, async () => token).get('v1/me', meSchema));
    expect(error.code).to.equal('invalid-response');
    expect(error.message).to.contain('points.balance');
  });

  it('keeps a reward of a kind it does not know and leaves out only one it cannot act on', async () => {
    const api = new TestApi();
    const client = clientFor(api, async () => null);
    const served = await client.get('v1/rewards', rewardsSchema);
    if (!('data' in served)) throw new Error('expected data');
    const [first, second] = served.data.rewards;
    await api.fault({
      path: '/v1/rewards',
      times: 1,
      body: { rewards: [{ ...first, kind: 'gift-card' }, second, { ...first, id: 'broken', cost: 'a lot' }] },
    });
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const reply = await client.get('v1/rewards', rewardsSchema);
      if (!('data' in reply)) throw new Error('expected data');
      expect(reply.data.rewards.map((reward) => [reward.id, reward.kind])).to.deep.equal([
        [first.id, 'gift-card'],
        [second.id, second.kind],
      ]);
    } finally {
      console.warn = warn;
    }
    expect(warnings, 'one warning for the list').to.have.length(1);
    expect(warnings[0]).to.contain('left out 1 of rewards.rewards').and.to.contain('rewards[2].cost');
  });

  it('sends If-None-Match and understands 304', async () => {
    const api = new TestApi();
    const client = clientFor(api, async () => null);
    const first = await client.get('v1/program', programSchema);
    if (!('data' in first)) throw new Error('expected data');
    expect(first.etag).to.be.a('string');
    const second = await client.get('v1/program', programSchema, { etag: first.etag });
    expect(second).to.deep.equal({ notModified: true });
    const [, revalidation] = await api.requests({ path: '/v1/program' });
    expect(revalidation.ifNoneMatch).to.equal(first.etag);
    expect(revalidation.status).to.equal(304);
  });

  it('sends Accept-Language and the bearer token', async () => {
    const api = new TestApi();
    const { token } = await api.customer();
    await clientFor(api, async () => token).get('v1/me', meSchema);
    const [request] = await api.requests({ path: '/v1/me' });
    expect(request.authorization).to.equal(true);
  });
});
