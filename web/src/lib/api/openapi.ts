// The OpenAPI 3.1 document of /api/v1, generated from the very zod schemas the routes validate
// with (schemas.ts): one definition, so the document cannot say something the API does not do.
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  ApiErrorSchema,
  ConfirmResponse,
  DistrictCodeParams,
  DistrictsResponse,
  LineOptionsResponse,
  LocaleSchema,
  PaymentIdParams,
  PaymentStateResponse,
  QuoteResponse,
  ReceiptEmailResponse,
  ReceiptNumberParams,
  ReceiptPdfQuery,
  SetAccountRequest,
  SetAccountResponse,
  SetElectricityRequest,
  SetLineOptionsRequest,
  SetPeriodRequest,
  SetPeriodResponse,
  SetReceiptEmailRequest,
  SettlementsResponse,
  StartPaymentRequest,
  StartPaymentResponse,
  VerifyReceiptQuery,
  VerifyReceiptResponse,
} from './schemas';

export const API_VERSION = '1.0.0';

const json = (schema: z.ZodType) => ({ 'application/json': { schema } });
const ok = (description: string, schema: z.ZodType): ResponseConfig => ({ description, content: json(schema) });
const failure = (description: string): ResponseConfig => ({ description, content: json(ApiErrorSchema) });

/** Failures any route may answer with. */
const COMMON_FAILURES: Record<number, ResponseConfig> = {
  500: failure('INTERNAL_ERROR: unexpected; logged on the server.'),
  503: failure('SERVICE_UNAVAILABLE (Temporal, the worker or the database does not answer) or ACQUIRER_UNAVAILABLE; Retry-After says when to try again.'),
};
const BODY_FAILURES: Record<number, ResponseConfig> = {
  400: failure('INVALID_JSON, or VALIDATION_FAILED with `issues` (every field that failed, worded in the request’s language).'),
  413: failure('PAYLOAD_TOO_LARGE'),
  415: failure('UNSUPPORTED_MEDIA_TYPE: the body must be JSON.'),
};
const PAYMENT_FAILURES: Record<number, ResponseConfig> = {
  404: failure('PAYMENT_NOT_FOUND'),
  409: failure('WRONG_STATE (`params.status` is the payment’s status) or STEP_MISSING (an earlier step is not done).'),
};

// Every route speaks the caller's language: `?lang=` first, then Accept-Language, Russian by default.
const LangQuery = z.object({ lang: LocaleSchema.optional().meta({ description: 'Language of the answer’s messages (and of a receipt PDF).' }) });
const LanguageHeader = z.object({
  'accept-language': z.string().optional().meta({ description: 'ru (default) or en; `?lang=` wins over it.', example: 'ru' }),
});

type Route = Omit<RouteConfig, 'request'> & {
  request?: Omit<NonNullable<RouteConfig['request']>, 'headers' | 'query'> & { query?: z.ZodObject };
};

/** Adds the language parameters and the common failures, and registers the path. */
const register = (registry: OpenAPIRegistry, route: Route) => {
  const { request, responses, ...rest } = route;
  // safeExtend: a query with refinements (the receipt's code-or-payment rule) cannot be plainly extended.
  const query = request?.query ? request.query.safeExtend(LangQuery.shape) : LangQuery;
  registry.registerPath({
    ...rest,
    request: { ...request, query, headers: LanguageHeader },
    responses: { ...responses, ...COMMON_FAILURES },
  });
};

const paymentStep = ({
  path,
  summary,
  description,
  body,
  response,
  extra = {},
}: {
  path: string;
  summary: string;
  description: string;
  body?: z.ZodType;
  response: ResponseConfig;
  extra?: Record<number, ResponseConfig>;
}): Route => ({
  method: 'post',
  path: `/api/v1/payments/{id}/${path}`,
  tags: ['Payment steps'],
  summary,
  description,
  request: {
    params: PaymentIdParams,
    ...(body ? { body: { required: true, content: json(body) } } : {}),
  },
  responses: { 200: response, ...(body ? BODY_FAILURES : {}), ...PAYMENT_FAILURES, ...extra },
});

export const buildOpenApiRegistry = (): OpenAPIRegistry => {
  const registry = new OpenAPIRegistry();

  register(registry, {
    method: 'post',
    path: '/api/v1/payments',
    tags: ['Payments'],
    summary: 'Start a payment (the resident accepted the terms)',
    description:
      'Starts one payment workflow; the terms version and the server’s time are recorded as the consent. `termsVersion` must be the current one (409 TERMS_VERSION_OUTDATED otherwise). `settings` is refused (403 TEST_SETTINGS_FORBIDDEN) unless the server runs with VOLTPAY_ALLOW_TEST_SETTINGS=1.',
    request: { body: { required: true, content: json(StartPaymentRequest) } },
    responses: {
      201: ok('Started; `Location` is the payment’s address.', StartPaymentResponse),
      ...BODY_FAILURES,
      403: failure('TEST_SETTINGS_FORBIDDEN'),
      409: failure('TERMS_VERSION_OUTDATED (`params.current` is the current version).'),
    },
  });

  register(registry, {
    method: 'get',
    path: '/api/v1/payments/{id}',
    tags: ['Payments'],
    summary: 'The payment’s state',
    description:
      'The resident’s view of a payment: its status, steps so far, quote, the acquirer’s redirect, the receipt, and a timeline of event codes. Staff notes, internal errors and provider ids are the console’s and never appear here.',
    request: { params: PaymentIdParams },
    responses: { 200: ok('The state.', PaymentStateResponse), 404: failure('PAYMENT_NOT_FOUND') },
  });

  register(
    registry,
    paymentStep({
      path: 'account',
      summary: 'Set the account',
      description:
        'Looks the account up and answers its masked address (the flat hidden) and the periods that can be paid. Rate-limited per client address (429 TOO_MANY_REQUESTS with Retry-After). An unknown district, settlement, housing office or account is one and the same 404 ACCOUNT_NOT_FOUND.',
      body: SetAccountRequest,
      response: ok('The account and its periods.', SetAccountResponse),
      extra: {
        404: failure('PAYMENT_NOT_FOUND or ACCOUNT_NOT_FOUND.'),
        429: failure('TOO_MANY_REQUESTS; Retry-After is in seconds.'),
      },
    }),
  );
  register(
    registry,
    paymentStep({
      path: 'period',
      summary: 'Set the billing period',
      description: 'Loads the period’s bill (tariff, last readings, extra charges, debt); answers a quote when one can already be made.',
      body: SetPeriodRequest,
      response: ok('The bill, and the quote if any.', SetPeriodResponse),
      extra: { 422: failure('INVALID_INPUT (e.g. a period that cannot be paid online).') },
    }),
  );
  register(
    registry,
    paymentStep({
      path: 'electricity',
      summary: 'Enter meter readings or an amount',
      description: 'Readings per zone (start and end), or a typed amount; answers the quote. A refusal has the quote’s own code.',
      body: SetElectricityRequest,
      response: ok('The quote.', QuoteResponse),
      extra: {
        422: failure(
          'The quote was refused: NO_TARIFF, READINGS_ZONES_MISMATCH, READING_INVALID, READING_OVER_CAPACITY, READING_WENT_BACKWARDS, READING_START_MISMATCH (the start must be the last recorded reading, `params.start`), READINGS_CHANGED (another payment of the meter was confirmed first; `params.start` is the new start), CONSUMPTION_TOO_HIGH, AMOUNT_INVALID, TOTAL_NOT_POSITIVE, TOTAL_OVER_CEILING (`params` as the quote gave them).',
        ),
      },
    }),
  );
  register(
    registry,
    paymentStep({
      path: 'lines',
      summary: 'Include or leave out the extra lines',
      description:
        'Common-area electricity and penalties are included by default; the debt is added on request. Answers the new quote (null before one exists).',
      body: SetLineOptionsRequest,
      response: ok('The quote.', LineOptionsResponse),
      extra: { 422: failure('A quote refusal, e.g. TOTAL_OVER_CEILING once the debt is added.') },
    }),
  );
  register(
    registry,
    paymentStep({
      path: 'receipt-email',
      summary: 'Email the receipt (or not)',
      description: 'The address the receipt is emailed to once paid; null for none (the receipt stays downloadable).',
      body: SetReceiptEmailRequest,
      response: ok('The address kept.', ReceiptEmailResponse),
    }),
  );
  register(
    registry,
    paymentStep({
      path: 'confirm',
      summary: 'Confirm and go to the card page',
      description: 'Review done: creates the acquirer’s order and answers its card page. Card details are entered there, never on our site.',
      response: ok('Where to send the resident.', ConfirmResponse),
      extra: { 422: failure('A quote refusal at the last check.'), 503: failure('ACQUIRER_UNAVAILABLE: the draft stays; try again.') },
    }),
  );
  register(
    registry,
    paymentStep({
      path: 'cancel',
      summary: 'Cancel the payment',
      description: 'Allowed until the one-time password: voids the acquirer’s order if there is one. Answers the final state.',
      response: ok('The cancelled payment.', PaymentStateResponse),
      extra: { 409: failure('TOO_LATE_TO_CANCEL (the bank is authorising) or WRONG_STATE.') },
    }),
  );
  register(
    registry,
    paymentStep({
      path: 'return',
      summary: 'Back from the acquirer',
      description:
        'The resident is back on the site from the acquirer’s pages: the outcome is asked from the acquirer now if its notification has not arrived (an acquirer that does not answer makes the payment UNCONFIRMED). Safe to repeat; answers the current state.',
      response: ok('The payment as it is now.', PaymentStateResponse),
    }),
  );

  register(registry, {
    method: 'get',
    path: '/api/v1/districts',
    tags: ['Reference data'],
    summary: 'The city and the region’s districts',
    description: 'In the order residents see them: the city first. A region district’s name omits the word «район».',
    responses: { 200: ok('The districts.', DistrictsResponse) },
  });
  register(registry, {
    method: 'get',
    path: '/api/v1/districts/{code}/settlements',
    tags: ['Reference data'],
    summary: 'A district’s settlements',
    request: { params: DistrictCodeParams },
    responses: {
      200: ok('The settlements, the district centre first.', SettlementsResponse),
      400: failure('VALIDATION_FAILED'),
      404: failure('DISTRICT_NOT_FOUND'),
    },
  });

  register(registry, {
    method: 'get',
    path: '/api/v1/receipts/{number}.pdf',
    tags: ['Receipts'],
    summary: 'The receipt as a PDF',
    description:
      'Receipt numbers are sequential, so the number alone opens nothing: give the verification code printed on the receipt, or the payment id. A wrong code answers like a missing receipt.',
    request: { params: ReceiptNumberParams, query: ReceiptPdfQuery },
    responses: {
      200: { description: 'The PDF.', content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } },
      400: failure('VALIDATION_FAILED (neither code nor paymentId).'),
      404: failure('RECEIPT_NOT_FOUND'),
    },
  });
  register(registry, {
    method: 'get',
    path: '/api/v1/receipts/verify',
    tags: ['Receipts'],
    summary: 'Verify a receipt',
    description: 'What the QR code on a receipt opens: VALID with what the receipt certifies, or INVALID (no such number, or a wrong code).',
    request: { query: VerifyReceiptQuery },
    responses: { 200: ok('The verdict.', VerifyReceiptResponse), 400: failure('VALIDATION_FAILED') },
  });

  return registry;
};

/** The document served at /api/v1/openapi.json. */
export const buildOpenApiDocument = ({ serverUrl }: { serverUrl?: string } = {}) =>
  new OpenApiGeneratorV31(buildOpenApiRegistry().definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Voltpay public API',
      version: API_VERSION,
      description:
        'Pay an electricity bill by card: start a payment, go through its steps, confirm, and follow it to the receipt. Errors are `{ code, message }` with the message in Russian (default) or English (`?lang=en` or Accept-Language). Amounts are integer kopecks.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
  });
