// Errors as RFC 9457 problem details (application/problem+json), each with a machine `code`
// that clients branch on; `type` is a URN built from the code (not meant to be dereferenced).
export const PROBLEM_TITLES = {
  'invalid-request': 'The request is not valid',
  'invalid-json': 'The body is not valid JSON',
  'invalid-cursor': 'The cursor is not valid',
  'idempotency-key-missing': 'An Idempotency-Key header is required',
  unauthorized: 'A valid customer token is required',
  'not-found': 'There is nothing at this address',
  'unknown-reward': 'There is no such reward',
  'unknown-customer': 'There is no such customer',
  'method-not-allowed': 'This method is not allowed here',
  'insufficient-points': 'Not enough points',
  'reward-unavailable': 'The reward cannot be redeemed now',
  'tier-locked': 'The reward needs a higher tier',
  'feedback-conflict': 'This answer belongs to another customer',
  'birthday-set': 'The birthday was already given and cannot be changed',
  'payload-too-large': 'The body is too large',
  'unsupported-media-type': 'The body must be application/json',
  'idempotency-key-reused': 'The Idempotency-Key was used for a different request',
  'order-id-reused': 'This order id was recorded with another total',
  'unknown-order': 'There is no such order',
  'refund-exceeds-order': 'The refunds would exceed the order total',
  'unknown-code': 'No such reward code was issued',
  'code-unusable': 'The reward code is used or expired',
  'rate-limited': 'Too many requests',
  'internal-error': 'Something went wrong on the server',
  'service-unavailable': 'The service is unavailable',
  'injected-fault': 'A fault injected by a test',
} as const;

export type ProblemCode = keyof typeof PROBLEM_TITLES;

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  /** The request field at fault, for 400s ("points", "query.limit", "header.Idempotency-Key"). */
  field?: string;
  /** Why a reward is unavailable, for 409 reward-unavailable. */
  reason?: string;
}

/** Thrown anywhere in a handler; the app's error handler turns it into the response. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extra: { field?: string; reason?: string } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  get body(): ProblemBody {
    return {
      type: `urn:loyalty:problem:${this.code}`,
      title: PROBLEM_TITLES[this.code],
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...this.extra,
    };
  }
}

export function problemResponse(error: ApiError): Response {
  return new Response(JSON.stringify(error.body), {
    status: error.status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...error.headers },
  });
}

export const invalid = (field: string, detail: string): ApiError =>
  new ApiError(400, 'invalid-request', detail, { field });
