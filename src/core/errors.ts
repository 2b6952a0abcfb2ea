/**
 * Machine-readable reasons a call failed; `problem.code` carries the server's own reason.
 * `discarded`: an undelivered survey answer was dropped (too old, or the queue was full).
 * `token`: the shop's token provider (or token URL) failed, which is not a sign-out.
 * `code-missing`: a redemption went through (points spent) but its code could not be read.
 */
export type LoyaltyErrorCode =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'http'
  | 'invalid-response'
  | 'config'
  | 'discarded'
  | 'token'
  | 'code-missing';

/** RFC 9457 problem details as the loyalty API sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  [extension: string]: unknown;
}

export class LoyaltyError extends Error {
  override readonly name = 'LoyaltyError';
  readonly code: LoyaltyErrorCode;
  readonly status: number | undefined;
  readonly problem: Problem | undefined;
  /** The server's Retry-After (429, 503), in ms: wait at least this long before trying again. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: LoyaltyErrorCode,
    message: string,
    init: { status?: number; problem?: Problem; cause?: unknown; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: init.cause });
    this.code = code;
    this.status = init.status;
    this.problem = init.problem;
    this.retryAfterMs = init.retryAfterMs;
  }
}

export const isLoyaltyError = (value: unknown): value is LoyaltyError =>
  value instanceof Error && (value as Partial<LoyaltyError>).name === 'LoyaltyError';

/** Any failure as a LoyaltyError: one already is; anything else is wrapped, keeping it as the cause. */
export const asLoyaltyError = (cause: unknown, code: LoyaltyErrorCode = 'network'): LoyaltyError =>
  isLoyaltyError(cause) ? cause : new LoyaltyError(code, String(cause), { cause });
