// Who is calling: the customer named by a valid bearer token, or nobody. Any token that is sent
// must be valid (even where a guest is allowed), so a broken sign-in is reported, not hidden.
import type { Deps } from './deps.js';
import { ApiError } from './problem.js';
import type { CustomerRecord } from './storage.js';

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

export async function optionalCustomer(request: Request, deps: Deps): Promise<CustomerRecord | null> {
  const header = request.headers.get('Authorization');
  if (header === null) return null;
  const token = BEARER.exec(header)?.[1];
  if (!token) throw unauthorized('The Authorization header must be "Bearer <token>"', 'invalid_request');
  const check = await deps.tokens.verify(token, deps.clock.now());
  if (!check.ok) {
    const detail = {
      malformed: 'The token is malformed',
      signature: 'The token signature is not valid',
      expired: 'The token has expired',
      lifetime: 'The token lives longer than 24 hours (exp - iat) or was issued in the future',
    }[check.reason];
    throw unauthorized(detail, 'invalid_token');
  }
  const customer = await deps.storage.getCustomer(check.claims.sub);
  if (!customer) throw unauthorized('The token names an unknown customer', 'invalid_token');
  return customer;
}

export async function requireCustomer(request: Request, deps: Deps): Promise<CustomerRecord> {
  const customer = await optionalCustomer(request, deps);
  if (!customer) throw unauthorized('This call needs a customer token: send Authorization: Bearer <token>');
  return customer;
}

/** RFC 6750: a bare challenge when no token was sent, with `error` when one was sent and failed. */
function unauthorized(detail: string, error?: 'invalid_request' | 'invalid_token'): ApiError {
  const challenge = error ? `Bearer realm="loyalty", error="${error}"` : 'Bearer realm="loyalty"';
  return new ApiError(401, 'unauthorized', detail, {}, { 'WWW-Authenticate': challenge });
}
