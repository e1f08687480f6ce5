// The HTTP client of the sandbox acquirer's REST API (sandbox-acquirer/src/app.ts), behind AcquirerGateway.
import type { AcquirerEvent, AcquirerOrder } from '@voltpay/domain';
import { z } from 'zod';
import { AcquirerRejectedError, AcquirerUnavailableError } from './errors';
import type { AcquirerGateway, WebhookInput } from './gateway';
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER, WebhookSignatureError } from '@voltpay/sandbox-acquirer/webhook-signature';

const DEFAULT_TIMEOUT_MS = 10_000;

const ORDER_STATUSES = ['CREATED', 'AWAITING_OTP', 'PROCESSING', 'APPROVED', 'DECLINED', 'VOIDED', 'REFUNDED'] as const;
const EVENT_TYPES = ['OTP_PASSED', 'APPROVED', 'DECLINED', 'VOIDED', 'REFUNDED'] as const;

const kopecks = z.number().int().nonnegative();
/** Every amount is kopecks of roubles: an order or event in another currency is not ours to act on. */
const rub = z.literal('RUB', { error: (issue) => `currency ${JSON.stringify(issue.input)} is not RUB` });
const last4 = z
  .string()
  .regex(/^\d{4}$/)
  .nullable();

// Extra fields the sandbox sends (paymentUrl, timestamps) are dropped: callers see AcquirerOrder only.
export const ZAcquirerOrder = z.object({
  orderId: z.string().min(1),
  reference: z.string().min(1),
  status: z.enum(ORDER_STATUSES),
  amountKopecks: kopecks,
  currency: rub,
  cardLast4: last4,
  declineReason: z.string().nullable(),
}) satisfies z.ZodType<AcquirerOrder>;

export const ZAcquirerEvent = z.object({
  eventId: z.string().min(1),
  orderId: z.string().min(1),
  reference: z.string().min(1),
  type: z.enum(EVENT_TYPES),
  amountKopecks: kopecks,
  currency: rub,
  cardLast4: last4,
  declineReason: z.string().nullable(),
  occurredAt: z.iso.datetime(),
}) satisfies z.ZodType<AcquirerEvent>;

const ZCreated = z.object({ orderId: z.string().min(1), paymentUrl: z.url() });
const ZErrorBody = z.object({ error: z.string().optional(), message: z.string().optional(), order: z.unknown().optional() }).partial();

export type SandboxGatewayOptions = {
  /** The sandbox's base URL (ACQUIRER_URL), e.g. http://localhost:3002. */
  baseUrl: string;
  apiKey: string;
  webhookSecret: string;
  fetch?: typeof fetch;
  /** Per request; the acquirer not answering in time counts as unavailable. */
  timeoutMs?: number;
};

const headerOf = (headers: WebhookInput['headers'], name: string): string | undefined => {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
};

export const createSandboxGateway = ({
  baseUrl,
  apiKey,
  webhookSecret,
  fetch: fetchImpl = fetch,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: SandboxGatewayOptions): AcquirerGateway => {
  const root = baseUrl.replace(/\/+$/, '');

  /** The parsed JSON body and status; throws AcquirerUnavailableError for anything not worth reading. */
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    let response: Response;
    try {
      response = await fetchImpl(`${root}${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new AcquirerUnavailableError(`${method} ${path}: ${timedOut ? `no answer within ${timeoutMs} ms` : `unreachable (${String(error)})`}`, {
        cause: error,
      });
    }
    const text = await response.text().catch(() => '');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    // 429 is "later", like a 5xx: neither says anything about the request itself.
    if (response.status >= 500 || response.status === 429) {
      throw new AcquirerUnavailableError(`${method} ${path}: the acquirer answered ${response.status}`, { status: response.status });
    }
    return { status: response.status, json };
  };

  const rejected = (method: string, path: string, status: number, json: unknown) => {
    const body = ZErrorBody.safeParse(json);
    const code = body.success ? (body.data.error ?? null) : null;
    const message = body.success ? (body.data.message ?? code ?? 'refused') : 'refused';
    return new AcquirerRejectedError(`${method} ${path}: ${status} ${message}`, { status, code });
  };

  const parseOk = <T>(schema: z.ZodType<T>, method: string, path: string, json: unknown): T => {
    const parsed = schema.safeParse(json);
    // A 2xx we cannot read is the acquirer's fault, not the request's: the answer is unknown.
    if (!parsed.success) throw new AcquirerUnavailableError(`${method} ${path}: unreadable answer (${parsed.error.issues[0]?.message ?? 'invalid'})`);
    return parsed.data;
  };

  const orderPath = (orderId: string) => `/api/v1/orders/${encodeURIComponent(orderId)}`;

  return {
    createOrder: async ({ reference, attempt, amountKopecks, description, locale, returnUrl }) => {
      const path = '/api/v1/orders';
      const { status, json } = await call('POST', path, { reference, attempt, amountKopecks, currency: 'RUB', description, locale, returnUrl });
      if (status >= 400) throw rejected('POST', path, status, json);
      const { orderId, paymentUrl } = parseOk(ZCreated, 'POST', path, json);
      return { orderId, paymentUrl };
    },

    getOrder: async ({ orderId }) => {
      const path = orderPath(orderId);
      const { status, json } = await call('GET', path);
      if (status >= 400) throw rejected('GET', path, status, json);
      return parseOk(ZAcquirerOrder, 'GET', path, json);
    },

    voidOrder: async ({ orderId }) => {
      const path = `${orderPath(orderId)}/void`;
      const { status, json } = await call('POST', path);
      // 409: too late (past 3-D Secure, or already final); the body carries the order as it is.
      if (status === 409) {
        const order = ZAcquirerOrder.safeParse(ZErrorBody.safeParse(json).data?.order);
        if (order.success) return { voided: false, order: order.data };
      }
      if (status >= 400) throw rejected('POST', path, status, json);
      return { voided: true, order: parseOk(ZAcquirerOrder, 'POST', path, json) };
    },

    refundOrder: async ({ orderId, amountKopecks }) => {
      const path = `${orderPath(orderId)}/refund`;
      const { status, json } = await call('POST', path, { amountKopecks });
      if (status >= 400) throw rejected('POST', path, status, json);
      return parseOk(ZAcquirerOrder, 'POST', path, json);
    },

    parseWebhook: ({ rawBody, headers }) => {
      verifyWebhookSignature({ secret: webhookSecret, rawBody, header: headerOf(headers, WEBHOOK_SIGNATURE_HEADER) });
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        throw new WebhookSignatureError('invalid_body', 'the signed body is not JSON');
      }
      const event = ZAcquirerEvent.safeParse(json);
      if (!event.success)
        throw new WebhookSignatureError('invalid_body', `the signed body is not an acquirer event (${event.error.issues[0]?.message ?? 'invalid'})`);
      return event.data;
    },
  };
};
