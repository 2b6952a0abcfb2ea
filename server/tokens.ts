// Customer tokens: base64url(JSON {sub, exp}) + "." + base64url(HMAC-SHA256 of the first part).
// Short-lived and signed with a server secret the browser never sees; the widgets treat them as
// opaque. Web Crypto only, so the same code runs in Node, workers and edge runtimes.
import { decodeBase64url, decodeJson, encodeJson, encodeBase64url } from './base64url.js';
import { isPlainObject } from './validate.js';

export interface TokenClaims {
  /** Customer id. */
  sub: string;
  /** Expiry, seconds since the epoch (as in JWT). */
  exp: number;
}

export type TokenCheck =
  { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export interface TokenService {
  sign(claims: TokenClaims): Promise<string>;
  verify(token: string, now: Date): Promise<TokenCheck>;
}

export function createTokenService(secret: string): TokenService {
  if (!secret) throw new Error('A token secret is required');
  const key = crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  return {
    async sign(claims) {
      const payload = encodeJson({ sub: claims.sub, exp: claims.exp });
      const signature = await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(payload));
      return `${payload}.${encodeBase64url(new Uint8Array(signature))}`;
    },
    async verify(token, now) {
      const parts = token.split('.');
      if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed' };
      const [payload, signatureText] = parts as [string, string];
      const signature = decodeBase64url(signatureText);
      if (!signature || signature.length !== 32) return { ok: false, reason: 'malformed' };
      // crypto.subtle.verify compares in constant time.
      const valid = await crypto.subtle.verify('HMAC', await key, signature, new TextEncoder().encode(payload));
      if (!valid) return { ok: false, reason: 'signature' };
      const claims = decodeJson(payload);
      if (!isPlainObject(claims) || typeof claims.sub !== 'string' || !claims.sub || !Number.isFinite(claims.exp)) {
        return { ok: false, reason: 'malformed' };
      }
      if ((claims.exp as number) * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, claims: { sub: claims.sub, exp: claims.exp as number } };
    },
  };
}
