// Customer tokens are standard JWTs (HS256; claims `sub`, `iat`, `exp`), so a merchant's backend
// mints them with any JWT library and the same secret; the widgets treat them as opaque.
// hono/jwt signs and checks them (header, algorithm pinned to HS256 so `alg: none` or another
// algorithm is refused, the signature through Web Crypto), which runs in Node, workers and edge
// runtimes alike. Times are checked here against the app's clock (tests move it), not Date.now().
import { sign, verify } from 'hono/jwt';
import { JwtTokenSignatureMismatched } from 'hono/utils/jwt/types';
import { isPlainObject } from './validate.js';

/** Longest accepted lifetime (exp - iat): a leaked token is worth a day at most. */
export const MAX_TOKEN_TTL_SECONDS = 86_400;
/** Shortest accepted secret: a short HMAC secret is found from one token by brute force. */
export const MIN_SECRET_BYTES = 32;
/** Clocks of the minting backend and this server may differ this much. */
const CLOCK_SKEW_SECONDS = 60;

export interface TokenClaims {
  /** Customer id. */
  sub: string;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type TokenCheck =
  { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'lifetime' };

export interface TokenService {
  sign(claims: TokenClaims): Promise<string>;
  verify(token: string, now: Date): Promise<TokenCheck>;
}

/**
 * The secrets of LOYALTY_TOKEN_SECRET: comma-separated for rotation (the first signs, all are
 * accepted). Throws a message fit for the operator when one is missing or too short.
 */
export function parseSecrets(text: string): string[] {
  const secrets = text
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean);
  if (secrets.length === 0) throw new Error('A token secret is required (LOYALTY_TOKEN_SECRET)');
  for (const [index, secret] of secrets.entries()) {
    const bytes = new TextEncoder().encode(secret).length;
    if (bytes < MIN_SECRET_BYTES) {
      throw new Error(
        `Token secret ${index + 1} of ${secrets.length} (LOYALTY_TOKEN_SECRET) has ${bytes} bytes; ` +
          `use at least ${MIN_SECRET_BYTES} random bytes, e.g. \`openssl rand -base64 48\``,
      );
    }
  }
  return secrets;
}

export function createTokenService(secretText: string): TokenService {
  const secrets = parseSecrets(secretText);
  return {
    sign: (claims) => sign({ sub: claims.sub, iat: claims.iat, exp: claims.exp }, secrets[0], 'HS256'),
    async verify(token, now) {
      const payload = await verifyAny(token, secrets);
      if (typeof payload === 'string') return { ok: false, reason: payload };
      const { sub, iat, exp } = payload;
      if (typeof sub !== 'string' || !sub || !Number.isFinite(iat) || !Number.isFinite(exp))
        return { ok: false, reason: 'malformed' };
      const seconds = now.getTime() / 1000;
      if ((exp as number) <= seconds) return { ok: false, reason: 'expired' };
      // A future iat would stretch the lifetime cap; a little skew between clocks is allowed.
      if ((iat as number) > seconds + CLOCK_SKEW_SECONDS || (exp as number) - (iat as number) > MAX_TOKEN_TTL_SECONDS)
        return { ok: false, reason: 'lifetime' };
      return { ok: true, claims: { sub, iat: iat as number, exp: exp as number } };
    },
  };
}

/** The payload under the first secret whose signature matches, or why none did. */
async function verifyAny(
  token: string,
  secrets: string[],
): Promise<Record<string, unknown> | 'malformed' | 'signature'> {
  for (const secret of secrets) {
    try {
      // Times are ours to check (the app's clock); hono checks the shape, algorithm and signature.
      const payload: unknown = await verify(token, secret, { alg: 'HS256', exp: false, nbf: false, iat: false });
      return isPlainObject(payload) ? payload : 'malformed';
    } catch (error) {
      if (!(error instanceof JwtTokenSignatureMismatched)) return 'malformed';
    }
  }
  return 'signature';
}
