// The shopper gives their birthday (PATCH /v1/me {birthday}), once: the API refuses another date
// afterwards (409). The reply is the shopper as GET /v1/me shows them, so it replaces `me`.
import { endpoint } from './api/endpoints.js';
import { LoyaltyError } from './errors.js';
import type { Sdk } from './sdk.js';

/** Saves `birthday` (YYYY-MM-DD) for the signed-in shopper; rejects with a LoyaltyError. */
export async function setBirthday(sdk: Sdk, birthday: string): Promise<void> {
  const customer = sdk.customerId;
  if (!customer) throw new LoyaltyError('config', 'setBirthday() needs a signed-in shopper');
  // The merchant's own path, body and reply shape (configure({ api: { birthday } })), if any.
  const { path, check, json, searchParams } = endpoint(sdk.options?.api, 'birthday', { body: { birthday } });
  const reply = await sdk.api().patch(path, check, { json, searchParams });
  // Another shopper signed in meanwhile: this reply is not theirs.
  if ('data' in reply && sdk.customerId === customer) await sdk.resource('me').update(() => reply.data);
}
