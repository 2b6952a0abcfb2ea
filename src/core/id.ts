// Ids for idempotency keys and feedback records.

/** A v4 UUID; `crypto.randomUUID` exists only in secure contexts (not on a plain-http staging site). */
export const newId = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (+digit ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+digit / 4)))).toString(16),
  );
