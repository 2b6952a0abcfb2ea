// Random, human-friendly codes: redemption codes and referral codes. Crockford's base32 alphabet
// leaves out I, L, O and U, so a code read aloud or typed from a receipt is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function randomChars(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => ALPHABET[byte % 32]).join('');
}

/** e.g. "ACME-7K2Q-M9XD" */
export const redemptionCode = (prefix: string): string => `${prefix}-${randomChars(4)}-${randomChars(4)}`;

/** e.g. "ADA-7K2Q"; the name part helps the friend trust the link. */
export function referralCode(firstName: string | undefined): string {
  const name = (firstName ?? '')
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()
    .slice(0, 10);
  return `${name || 'FRIEND'}-${randomChars(4)}`;
}
