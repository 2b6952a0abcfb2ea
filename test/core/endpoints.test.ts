// The endpoint table and its merchant overrides: what each call sends where, and how a broken
// mapping fails. The elements' runs against a merchant API are in components/merchant-api.test.ts.
import { expect } from '@open-wc/testing';
import { endpoint } from '../../src/core/api/endpoints.js';
import { getSdk, isLoyaltyError, type LoyaltyError } from '../../src/core/index.js';
import { TestApi } from '../helpers/api.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';

afterEach(() => resetSdk());

async function rejection(promise: Promise<unknown>): Promise<LoyaltyError> {
  try {
    await promise;
  } catch (error) {
    if (isLoyaltyError(error)) return error;
    throw error;
  }
  throw new Error('expected a LoyaltyError');
}

describe('endpoints', () => {
  it('uses the contract’s paths when nothing is configured', () => {
    expect(endpoint(undefined, 'me')).to.include({ path: 'v1/me', searchParams: undefined });
    expect(endpoint({}, 'activity', { page: { limit: 20 } })).to.deep.include({
      path: 'v1/activity',
      searchParams: { limit: 20 },
    });
    expect(endpoint({}, 'activity', { page: { limit: 20, cursor: 'c2' } }).searchParams).to.deep.equal({
      limit: 20,
      cursor: 'c2',
    });
    expect(endpoint(undefined, 'redeem', { body: { rewardId: 'r_1' } })).to.deep.include({
      path: 'v1/redemptions',
      json: { rewardId: 'r_1' },
    });
    expect(endpoint(undefined, 'feedback', { body: { id: 'f', survey: 'nps', answeredAt: '' } })).to.include({
      path: 'v1/feedback',
    });
  });

  it('adds the page query to a configured path’s own query, leaving out undefined values', async () => {
    const call = endpoint(
      { activity: { path: 'members/ledger?view=full', page: ({ limit, cursor }) => ({ size: limit, after: cursor }) } },
      'activity',
      { page: { limit: 20 } },
    );
    expect(call.path).to.equal('members/ledger');
    expect(call.searchParams).to.deep.equal({ view: 'full', size: 20 });
  });

  it('refuses a redemption whose body mapping throws before anything is sent', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 1000 }), {
      api: {
        redeem: {
          body: () => {
            throw new Error('no sku for r_5_off');
          },
        },
      },
    });
    const error = await rejection(getSdk().redeem({ rewardId: 'r_5_off' }, crypto.randomUUID()));
    expect(error.code).to.equal('config');
    expect(error.message).to.contain('api.redeem.body').and.contain('no sku for r_5_off');
    expect(await api.requests({ path: '/v1/redemptions' })).to.deep.equal([]);
  });

  it('checks the mapped reply: a mapping that forgets a field needed to act is an invalid-response naming it', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 1000 }), {
      api: { me: { map: (raw: { customer: unknown }) => ({ customer: raw.customer }) as never } },
    });
    const me = getSdk().resource('me');
    await me.refresh();
    expect(me.snapshot.error?.code).to.equal('invalid-response');
    expect(me.snapshot.error?.message).to.contain('me.points');
  });

  it('reads a mapped redemption reply that forgets the redemption from the mapped list: the code is never lost', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 1000 }), {
      api: { redeem: { map: (raw: { points: unknown }) => ({ points: raw.points }) as never } },
    });
    const { redemption } = await getSdk().redeem({ rewardId: 'r_5_off' }, crypto.randomUUID());
    const stored = (await api.requests({ path: '/v1/redemptions' })).map((request) => request.method);
    expect(stored).to.deep.equal(['POST', 'GET']);
    expect(redemption.code).to.match(/\S/);
  });
});
