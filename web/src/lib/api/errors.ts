// Every failure of the JSON API becomes `{ code, message }` with an HTTP status: validation,
// the workflow's ApplicationFailures, Temporal or the database being down. Bad input is never a
// 500; only the unexpected is, and it is logged without the request's personal data.
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { PaymentErrorType } from '@voltpay/workflows/payment';
import type { Locale, QuoteError, QuoteErrorCode } from '@voltpay/domain';
import type { z } from 'zod';
import { errorMessage, FIELD_MESSAGES, isFieldMessageKey, type ApiErrorCode, type MessageParams } from './messages';
import type { ApiErrorBody } from './schemas';

type IssueInput = { path: (string | number)[]; code: string; message: string };

/** A failure the API answers with on purpose; anything else thrown is an INTERNAL_ERROR. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly params: Record<string, string | number>;
  readonly issues: IssueInput[] | undefined;
  readonly headers: Record<string, string>;

  constructor(options: {
    code: ApiErrorCode;
    status: number;
    params?: Record<string, string | number>;
    issues?: IssueInput[];
    headers?: Record<string, string>;
    cause?: unknown;
  }) {
    super(options.code, { cause: options.cause });
    this.code = options.code;
    this.status = options.status;
    this.params = options.params ?? {};
    this.issues = options.issues;
    this.headers = options.headers ?? {};
  }
}

const QUOTE_ERROR_CODES: readonly QuoteErrorCode[] = [
  'NO_TARIFF',
  'READINGS_ZONES_MISMATCH',
  'READING_INVALID',
  'READING_OVER_CAPACITY',
  'READING_WENT_BACKWARDS',
  'READING_START_MISMATCH',
  'READINGS_CHANGED',
  'CONSUMPTION_TOO_HIGH',
  'AMOUNT_INVALID',
  'TOTAL_NOT_POSITIVE',
  'TOTAL_OVER_CEILING',
];

const isQuoteError = (value: unknown): value is QuoteError =>
  typeof value === 'object' && value !== null && QUOTE_ERROR_CODES.includes((value as { code?: unknown }).code as QuoteErrorCode);

/** Keeps only the flat string/number params a message may use (and that are safe to echo). */
const flatParams = (value: unknown): Record<string, string | number> => {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'),
  );
};

/** The workflow's rejection of an update, as the resident should hear it. */
export const fromApplicationFailure = (failure: ApplicationFailure): ApiError => {
  const detail = failure.details?.[0];
  const type = failure.type as PaymentErrorType | null | undefined;
  switch (type) {
    case PaymentErrorType.WRONG_STATE:
      return new ApiError({ code: 'WRONG_STATE', status: 409, params: typeof detail === 'string' ? { status: detail } : flatParams(detail), cause: failure });
    case PaymentErrorType.STEP_MISSING:
      return new ApiError({ code: 'STEP_MISSING', status: 409, params: typeof detail === 'string' ? { step: detail } : flatParams(detail), cause: failure });
    case PaymentErrorType.INVALID_INPUT: {
      // `{ field, code }`: which input, and the rule it broke (e.g. ACCOUNT_NUMBER_CITY_LENGTH).
      const { field, code } = flatParams(detail);
      return new ApiError({
        code: 'INVALID_INPUT',
        status: 422,
        params: { ...(field !== undefined ? { field } : {}), ...(code !== undefined ? { reason: code } : {}) },
        cause: failure,
      });
    }
    case PaymentErrorType.ACCOUNT_NOT_FOUND:
      // Whatever the workflow says was missing (district, office, account) stays on the server.
      return new ApiError({ code: 'ACCOUNT_NOT_FOUND', status: 404, cause: failure });
    case PaymentErrorType.QUOTE_REFUSED:
      if (isQuoteError(detail)) return new ApiError({ code: detail.code, status: 422, params: flatParams(detail.params), cause: failure });
      return new ApiError({ code: 'INVALID_INPUT', status: 422, cause: failure });
    case PaymentErrorType.ACQUIRER_UNAVAILABLE:
      return new ApiError({ code: 'ACQUIRER_UNAVAILABLE', status: 503, headers: { 'retry-after': '30' }, cause: failure });
    case PaymentErrorType.TOO_LATE_TO_CANCEL:
      return new ApiError({ code: 'TOO_LATE_TO_CANCEL', status: 409, cause: failure });
    case PaymentErrorType.TEMPORARILY_UNAVAILABLE:
      return new ApiError({ code: 'TEMPORARILY_UNAVAILABLE', status: 503, headers: { 'retry-after': '10' }, cause: failure });
    case PaymentErrorType.OPERATOR_ACTION_FAILED:
      return new ApiError({ code: 'OPERATOR_ACTION_FAILED', status: 422, cause: failure });
    default:
      return new ApiError({ code: 'INTERNAL_ERROR', status: 500, cause: failure });
  }
};

const causes = function* (error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  let current = error;
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
};

// gRPC status codes that mean "Temporal is not there right now", not "you asked wrongly":
// CANCELLED, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNAVAILABLE.
const UNAVAILABLE_GRPC_CODES = new Set([1, 4, 8, 14]);
const UNAVAILABLE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
// By name rather than instanceof: these classes come from packages the route never imports.
const UNAVAILABLE_ERROR_NAMES = new Set(['WorkflowUpdateRPCTimeoutOrCancelledError', 'PrismaClientInitializationError', 'TransportError']);

/** Temporal, the worker or the database cannot answer now: 503, try again. */
export const isUnavailable = (error: unknown): boolean => {
  for (const e of causes(error)) {
    if (typeof e !== 'object' || e === null) continue;
    const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown };
    if (typeof name === 'string' && UNAVAILABLE_ERROR_NAMES.has(name)) return true;
    if (typeof name === 'string' && name === 'ServiceError' && typeof message === 'string' && /connect/i.test(message)) return true;
    // A gRPC ServiceError carries a numeric status code and string details.
    if (typeof code === 'number' && typeof (e as { details?: unknown }).details === 'string' && UNAVAILABLE_GRPC_CODES.has(code)) return true;
    if (typeof code === 'string' && UNAVAILABLE_NETWORK_CODES.has(code)) return true;
  }
  return false;
};

/** Anything thrown while serving a request, as the ApiError to answer with. */
export const toApiError = (error: unknown): ApiError => {
  if (error instanceof ApiError) return error;
  for (const e of causes(error)) {
    if (e instanceof WorkflowNotFoundError) return new ApiError({ code: 'PAYMENT_NOT_FOUND', status: 404, cause: error });
    if (e instanceof ApplicationFailure) return fromApplicationFailure(e);
  }
  if (isUnavailable(error)) return new ApiError({ code: 'SERVICE_UNAVAILABLE', status: 503, headers: { 'retry-after': '10' }, cause: error });
  return new ApiError({ code: 'INTERNAL_ERROR', status: 500, cause: error });
};

/** A zod failure as VALIDATION_FAILED, each issue worded in `locale`; `where` prefixes the paths (`query`, `params`). */
export const validationError = ({ error, where }: { error: z.ZodError; where?: 'query' | 'params' }): ApiError =>
  new ApiError({
    code: 'VALIDATION_FAILED',
    status: 400,
    issues: error.issues.map((issue) => ({
      path: [...(where ? [where] : []), ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      code: isFieldMessageKey(issue.message) ? issue.message : issue.code,
      message: issue.message,
    })),
    cause: error,
  });

/** The body the client gets: messages in its language, field keys replaced by their words. */
export const toErrorBody = ({ error, locale }: { error: ApiError; locale: Locale }): ApiErrorBody => {
  const issues = error.issues?.map((issue) => ({
    path: issue.path,
    code: issue.code,
    message: isFieldMessageKey(issue.code) ? FIELD_MESSAGES[issue.code][locale]({}) : issue.message,
  }));
  const first = issues?.[0];
  const params: MessageParams = first ? { ...error.params, first: first.message } : error.params;
  return {
    code: error.code,
    message: errorMessage({ code: error.code, params, locale }),
    ...(issues ? { issues } : {}),
    ...(Object.keys(error.params).length > 0 ? { params: error.params } : {}),
  };
};
