// The acquirer gateway's failures, typed so activities can tell "try again" from "never works".

/** The acquirer could not be reached or answered 5xx/429, or timed out: the call may be retried. */
export class AcquirerUnavailableError extends Error {
  override readonly name = 'AcquirerUnavailableError';
  /** The HTTP status when the acquirer answered; undefined for network errors and timeouts. */
  readonly status: number | undefined;
  constructor(message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.status = options.status;
  }
}

/** The acquirer refused the request (4xx): the same request will be refused again. */
export class AcquirerRejectedError extends Error {
  override readonly name = 'AcquirerRejectedError';
  readonly status: number;
  /** The acquirer's error code (`invalid_request`, `not_refundable`, …) when it sent one. */
  readonly code: string | null;
  constructor(message: string, options: { status: number; code?: string | null }) {
    super(message);
    this.status = options.status;
    this.code = options.code ?? null;
  }
}
