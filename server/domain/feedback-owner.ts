// Whose answer is it: a customer's answer is changed only by that customer, a guest's only with
// the edit key it was first sent with (stored as its hash), and a guest's answer is never adopted
// by a customer who learns its id. NPS answers and program surveys' responses share this rule.
import { encodeBase64url } from '../base64url.js';
import { ApiError } from '../problem.js';
import type { FeedbackRecord } from '../storage.js';

/** The guest's secret for their answers (the SDK keeps one per device and API). */
export const EDIT_KEY = { min: 16, max: 128, pattern: /^[\x21-\x7E]+$/, patternName: 'visible ASCII' };

/** What is stored of a guest's edit key: its hash, so the database never holds the key. */
export async function guestKeyOf(customerId: string | null, editKey: string | undefined): Promise<string | undefined> {
  if (customerId !== null || editKey === undefined) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(editKey));
  return encodeBase64url(new Uint8Array(digest));
}

/** Refuses (409) a change to `existing` by anyone but whoever gave it. */
export function assertOwner(
  existing: FeedbackRecord | undefined,
  customerId: string | null,
  guestKey: string | undefined,
): void {
  if (!existing) return;
  const guestsOwn = customerId === null && existing.guestKey !== undefined && existing.guestKey === guestKey;
  if (existing.customerId !== customerId || (customerId === null && !guestsOwn))
    throw new ApiError(409, 'feedback-conflict', 'An answer with this id was given by someone else');
}
