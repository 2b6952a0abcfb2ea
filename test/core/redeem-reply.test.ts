// A redemption reply without a usable redemption (src/core/redeem/reply.ts) is looked up in
// GET /v1/redemptions, over real HTTP with the test host rewriting replies: only a redemption
// this call issued is taken, never an older (maybe used) code of the same reward.
import { expect } from '@open-wc/testing';
import { getSdk, isLoyaltyError } from '../../src/core/index.js';
import { setClock } from '../../src/core/clock.js';
import { TestApi } from '../helpers/api.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';

afterEach(() => resetSdk());

const outcome = (promise: Promise<{ redemption: { code: string } }>) =>
  promise.then(
    ({ redemption }) => redemption.code,
    (error: unknown) => {
      if (isLoyaltyError(error)) return error.code;
      throw error;
    },
  );

/** A shopper who redeemed r_5_off once already, and the list as it stood after that. */
async function redeemedBefore(api: TestApi) {
  const customer = await api.customer({ balance: 2000 });
  configureFor(api, customer);
  const { redemption } = await getSdk().redeem({ rewardId: 'r_5_off' }, crypto.randomUUID());
  const headers = { Authorization: `Bearer ${customer.token}` };
  const list: unknown = await (await fetch(`${api.apiBase}/v1/redemptions`, { headers })).json();
  // Every replay of the key gets the same reply without its redemption.
  await api.fault({ path: '/v1/redemptions', method: 'POST', times: 5, rewrite: { remove: ['redemption'] } });
  return { customer, oldCode: redemption.code, list };
}

describe('redemption reply without its redemption', () => {
  it('takes the new code from the list, not the older one of the same reward shown in My rewards', async () => {
    const api = new TestApi();
    const { oldCode } = await redeemedBefore(api);
    await getSdk().resource('redemptions').refresh();
    const code = await outcome(getSdk().redeem({ rewardId: 'r_5_off' }, crypto.randomUUID()));
    expect(code).to.match(/\S/).and.not.equal(oldCode);
    expect(code).not.to.equal('code-missing');
  });

  it('never gives the older code of the same reward when the list does not have the new one yet', async () => {
    const api = new TestApi();
    const { oldCode, list } = await redeemedBefore(api);
    await getSdk().resource('redemptions').refresh();
    await api.fault({ path: '/v1/redemptions', method: 'GET', times: 1, body: list });
    const code = await outcome(getSdk().redeem({ rewardId: 'r_5_off' }, crypto.randomUUID()));
    expect(code, `the old code ${oldCode} was given as new`).to.equal('code-missing');
  });

  it('never gives an older code of the same reward when nothing was shown before', async () => {
    const api = new TestApi();
    const { customer, oldCode, list } = await redeemedBefore(api);
    // A later visit (ten minutes on), My rewards never opened.
    const later = Date.now() + 10 * 60_000;
    configureFor(api, customer);
    setClock(() => later);
    await api.fault({ path: '/v1/redemptions', method: 'GET', times: 1, body: list });
    const code = await outcome(getSdk().redeem({ rewardId: 'r_5_off' }, crypto.randomUUID()));
    expect(code, `the old code ${oldCode} was given as new`).to.equal('code-missing');
  });
});
