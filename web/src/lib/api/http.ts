// The plumbing every /api/v1 route shares: read and validate the request with the same zod
// schemas the OpenAPI document shows, answer JSON cut to the response schema, and turn whatever
// was thrown into `{ code, message }` in the request's language.
import type { Locale } from '@voltpay/domain';
import { describeError } from '@voltpay/logger';
import { z } from 'zod';
import { ApiError, toApiError, toErrorBody, validationError } from './errors';
import { resolveLocale } from './locale';
import { log } from '../log';

/** Far above any legitimate request of this API (the largest is three meter readings). */
export const MAX_BODY_BYTES = 16 * 1024;

const localeErrorMaps = { ru: z.locales.ru().localeError, en: z.locales.en().localeError } as const;

/** Validates `input`; on failure throws VALIDATION_FAILED whose issues speak `locale`. */
export const validate = <S extends z.ZodType>({
  schema,
  input,
  locale,
  where,
}: {
  schema: S;
  input: unknown;
  locale: Locale;
  where?: 'query' | 'params';
}): z.output<S> => {
  const result = schema.safeParse(input, { error: localeErrorMaps[locale] });
  if (!result.success) throw validationError({ error: result.error, ...(where ? { where } : {}) });
  return result.data;
};

const tooLarge = () => new ApiError({ code: 'PAYLOAD_TOO_LARGE', status: 413 });

/**
 * The body as UTF-8 text, read chunk by chunk and abandoned at the first byte past `maxBytes`
 * (413). A chunked body declares no length, so checking after `request.text()` would have held
 * whatever a client cared to send in memory first.
 */
export const readTextCapped = async (request: Request, maxBytes: number = MAX_BODY_BYTES): Promise<string> => {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      // Stops the upload: the rest is never read, and the stream's source is told to give up.
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/** The body as JSON: 413 past MAX_BODY_BYTES, 415 when it says it is a form or a file, 400 when it is not JSON. */
export const readJson = async (request: Request): Promise<unknown> => {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  // None, or text/plain (what fetch() puts on a string body), is tolerated; a form or a file is a client bug.
  if (contentType && contentType !== 'application/json' && contentType !== 'text/plain' && !contentType.endsWith('+json')) {
    throw new ApiError({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
  }
  const text = await readTextCapped(request);
  if (text.trim() === '') throw new ApiError({ code: 'INVALID_JSON', status: 400 });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError({ code: 'INVALID_JSON', status: 400, cause: error });
  }
};

/** The body read as JSON and validated against `schema`. */
export const readBody = async <S extends z.ZodType>({ request, schema, locale }: { request: Request; schema: S; locale: Locale }) =>
  validate({ schema, input: await readJson(request), locale });

/** The query string as a plain object (the last value of a repeated key wins). */
export const readQuery = <S extends z.ZodType>({ request, schema, locale }: { request: Request; schema: S; locale: Locale }) =>
  validate({ schema, input: Object.fromEntries(new URL(request.url).searchParams), locale, where: 'query' });

const baseHeaders = (locale: Locale) => ({
  // Payment state changes by the second and is personal: never cache it anywhere.
  'cache-control': 'no-store',
  'content-language': locale,
  vary: 'Accept-Language',
});

/** A JSON answer with exactly the fields `schema` documents (anything else is dropped). */
export const jsonResponse = <S extends z.ZodType>({
  schema,
  body,
  locale,
  status = 200,
  headers = {},
}: {
  schema: S;
  body: z.input<S>;
  locale: Locale;
  status?: number;
  headers?: Record<string, string>;
}): Response => Response.json(schema.parse(body), { status, headers: { ...baseHeaders(locale), ...headers } });

export const errorResponse = ({ error, locale }: { error: ApiError; locale: Locale }): Response =>
  Response.json(toErrorBody({ error, locale }), { status: error.status, headers: { ...baseHeaders(locale), ...error.headers } });

/** What is logged of an unexpected failure: its kind and where, never the request's data. */
const logUnexpected = ({ request, error }: { request: Request; error: ApiError }) => {
  const cause = error.cause;
  const path = new URL(request.url).pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id');
  const level = error.status >= 500 && error.code === 'INTERNAL_ERROR' ? 'error' : 'warn';
  log[level]({ method: request.method, path, code: error.code, status: error.status, error: describeError(cause) }, 'api request failed');
};

export type RouteParams = Record<string, string | string[] | undefined>;
export type ApiHandler<P extends RouteParams> = (input: { request: Request; params: P; locale: Locale }) => Promise<Response>;

/** Wraps a route handler: resolves the locale, and answers every thrown error with `{ code, message }`. */
export const apiRoute =
  <P extends RouteParams = Record<string, never>>(handler: ApiHandler<P>) =>
  async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const locale = resolveLocale(request);
    try {
      return await handler({ request, params: await context.params, locale });
    } catch (thrown) {
      const error = toApiError(thrown);
      if (error.status >= 500) logUnexpected({ request, error });
      return errorResponse({ error, locale });
    }
  };
