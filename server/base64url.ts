// base64url without padding (RFC 4648 §5), on web APIs only (btoa/atob), for tokens and cursors.
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function encodeBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Null for anything that is not canonical base64url, so tampered input is refused, not guessed at. */
export function decodeBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  // Trailing bits that do not round-trip mean two strings decode alike; refuse the non-canonical one.
  return encodeBase64url(bytes) === text ? bytes : null;
}

export const encodeJson = (value: unknown): string => encodeBase64url(new TextEncoder().encode(JSON.stringify(value)));

/** The JSON value, or undefined when the text is not base64url-encoded JSON. */
export function decodeJson(text: string): unknown {
  const bytes = decodeBase64url(text);
  if (!bytes) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}
