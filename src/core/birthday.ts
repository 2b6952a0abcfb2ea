// The shopper gives their birthday (PATCH /v1/me {birthday}), once: the API refuses another date
// afterwards (409). The reply is the shopper as GET /v1/me shows them, so it replaces `me`.
import { endpoint } from './api/endpoints.js';
import { LoyaltyError } from './errors.js';
import type { Sdk } from './sdk.js';

/** Saves `birthday` (YYYY-MM-DD) for the signed-in shopper; rejects with a LoyaltyError. */
export async function setBirthday(sdk: Sdk, birthday: string): Promise<void> {
  const customer = sdk.customerId;
  if (!customer) throw new LoyaltyError('config', 'setBirthday() needs a signed-in shopper');
  const { path, check } = endpoint(sdk.options?.api, 'me');
  const reply = await sdk.api().patch(path, check, { json: { birthday } });
  // Another shopper signed in meanwhile: this reply is not theirs.
  if ('data' in reply && sdk.customerId === customer) await sdk.resource('me').update(() => reply.data);
}
