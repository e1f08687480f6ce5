// The sandbox acquirer as a Hono app: the merchant REST API (/api/v1, bearer key), the resident's
// pages (/pay/…), health, and the background work (approvals after 3-D Secure, webhook delivery).
// main.ts serves it; tests drive it with app.request() or a local server.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Locale } from '@voltpay/domain';
import { Hono, type Context } from 'hono';
import type pg from 'pg';
import { z } from 'zod';
import { validateCardForm } from './cards';
import type { SandboxLog } from './log';
import { renderCardPage, renderNotFoundPage, renderOtpPage, renderStatusPage } from './pages';
import { createSandboxStore, publicOrder, type SandboxOrder } from './store';
import { createWebhookSender, DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS } from './webhooks';

export type SandboxAcquirerOptions = {
  pool: pg.Pool;
  /** The bearer key merchants must send (ACQUIRER_API_KEY). */
  apiKey: string;
  webhookSecret: string;
  /** Where webhooks go (web's /api/acquirer/webhook). */
  webhookUrl: string;
  /** The sandbox's own address as residents' browsers reach it: payment links are built on it. */
  publicUrl: string;
  /** How long the "acquirer down" card's outage lasts. */
  outageMs: number;
  /** Between the right one-time password and the approval: the window in which cancel is refused. */
  approvalDelayMs?: number;
  webhookRetryScheduleMs?: number[];
  /** How often the background work runs once start() is called. */
  tickMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
  log: SandboxLog;
};

const ZCreateOrder = z.object({
  reference: z.string().trim().min(1).max(100),
  attempt: z.number().int().min(1).max(1000),
  amountKopecks: z.number().int().positive().max(100_000_000_00),
  currency: z.literal('RUB'),
  description: z.string().trim().min(1).max(500),
  locale: z.enum(['ru', 'en']),
  returnUrl: z.url({ protocol: /^https?$/ }),
});
const ZRefund = z.object({ amountKopecks: z.number().int().positive() });

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** ?lang=… first, then the browser's Accept-Language; Russian when neither says English. */
const pickLocale = (c: Context): Locale => {
  const query = c.req.query('lang');
  if (query === 'en' || query === 'ru') return query;
  const accepted = (c.req.header('accept-language') ?? '').toLowerCase();
  const first = accepted.split(',')[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'ru';
};

/** The merchant's return link; `cancelled=1` when the resident cancelled on our pages. */
const returnLink = (order: SandboxOrder, cancelled = false) => {
  const url = new URL(order.returnUrl);
  if (cancelled) url.searchParams.set('cancelled', '1');
  return url.toString();
};

export const createSandboxAcquirer = (options: SandboxAcquirerOptions) => {
  const { pool, apiKey, webhookSecret, webhookUrl, outageMs, approvalDelayMs = 1_000, tickMs = 250, log } = options;
  const now = options.now ?? (() => new Date());
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const store = createSandboxStore({ pool });
  const webhooks = createWebhookSender({
    pool,
    url: webhookUrl,
    secret: webhookSecret,
    retryScheduleMs: options.webhookRetryScheduleMs ?? DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    log,
  });
  // The resident's language on our site carries over; Accept-Language only decides for a bare link.
  const paymentUrl = (order: SandboxOrder) => `${publicUrl}/pay/${order.orderId}?lang=${order.locale}`;
  const orderJson = (order: SandboxOrder) => publicOrder(order, paymentUrl(order));
  const inOutage = (order: SandboxOrder) => order.outageUntil !== null && order.outageUntil.getTime() > now().getTime();
  const expectedKey = sha256(apiKey);

  const app = new Hono();

  // Card pages must not be framed, cached or leak their URL; forms may post only here, and the
  // browser may follow the redirect only to the merchant's return origin.
  const pageHeaders = (c: Context, order?: SandboxOrder) => {
    const returnOrigin = order ? ` ${new URL(order.returnUrl).origin}` : '';
    c.header(
      'content-security-policy',
      `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'${returnOrigin}; frame-ancestors 'none'; base-uri 'none'`,
    );
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    c.header('x-content-type-options', 'nosniff');
  };

  app.get('/health', async (c) => {
    try {
      await pool.query('SELECT 1');
      return c.json({ status: 'ok', service: 'sandbox-acquirer' });
    } catch (error) {
      return c.json({ status: 'error', service: 'sandbox-acquirer', error: String(error) }, 503);
    }
  });

  // ─── REST API ─────────────────────────────────────────────────────────────────────────────
  app.use('/api/v1/*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    // Hashes first: timingSafeEqual needs equal lengths, and the key's length is no one's business.
    if (!given || !timingSafeEqual(sha256(given), expectedKey)) {
      return c.json({ error: 'unauthorized', message: 'a valid Authorization: Bearer <ACQUIRER_API_KEY> header is required' }, 401);
    }
    await next();
  });

  const readJson = async (c: Context): Promise<unknown> => {
    try {
      return await c.req.json();
    } catch {
      return undefined;
    }
  };

  const invalid = (c: Context, error: z.ZodError) =>
    c.json({ error: 'invalid_request', message: error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '), issues: error.issues }, 400);

  app.post('/api/v1/orders', async (c) => {
    const parsed = ZCreateOrder.safeParse(await readJson(c));
    if (!parsed.success) return invalid(c, parsed.error);
    const input = parsed.data;
    const { order, created } = await store.createOrder(input, now());
    const same =
      order.amountKopecks === input.amountKopecks &&
      order.description === input.description &&
      order.locale === input.locale &&
      order.returnUrl === input.returnUrl;
    // The idempotency key reused for a different order is the merchant's bug: say so, change nothing.
    if (!same) {
      return c.json(
        {
          error: 'idempotency_conflict',
          message: `reference ${input.reference} attempt ${input.attempt} already has an order with other details`,
          order: orderJson(order),
        },
        409,
      );
    }
    if (created) log.info(`order ${order.orderId} created for ${order.reference}#${order.attempt} (${order.amountKopecks} kopecks)`);
    return c.json(orderJson(order), created ? 201 : 200);
  });

  /** Loads the order for an API call: 404 when unknown, 503 while the "acquirer down" card's outage lasts. */
  const loadForApi = async (c: Context): Promise<SandboxOrder | Response> => {
    const order = await store.findOrder(c.req.param('orderId') ?? '');
    if (!order) return c.json({ error: 'not_found', message: 'no such order' }, 404);
    if (inOutage(order)) {
      c.header('retry-after', String(Math.ceil((order.outageUntil!.getTime() - now().getTime()) / 1000)));
      return c.json({ error: 'acquirer_unavailable', message: 'the acquirer is temporarily unavailable (sandbox outage card)' }, 503);
    }
    return order;
  };

  app.get('/api/v1/orders/:orderId', async (c) => {
    const order = await loadForApi(c);
    return order instanceof Response ? order : c.json(orderJson(order));
  });

  app.post('/api/v1/orders/:orderId/void', async (c) => {
    const loaded = await loadForApi(c);
    if (loaded instanceof Response) return loaded;
    const result = await store.voidOrder(loaded.orderId, now());
    if (!result) return c.json({ error: 'not_found', message: 'no such order' }, 404);
    if (!result.voided)
      return c.json({ error: 'not_voidable', message: `an order in status ${result.order.status} cannot be voided`, order: orderJson(result.order) }, 409);
    log.info(`order ${result.order.orderId} voided by the merchant`);
    return c.json(orderJson(result.order));
  });

  app.post('/api/v1/orders/:orderId/refund', async (c) => {
    const parsed = ZRefund.safeParse(await readJson(c));
    if (!parsed.success) return invalid(c, parsed.error);
    const loaded = await loadForApi(c);
    if (loaded instanceof Response) return loaded;
    const result = await store.refundOrder(loaded.orderId, parsed.data.amountKopecks, now());
    if (!result) return c.json({ error: 'not_found', message: 'no such order' }, 404);
    switch (result.outcome) {
      case 'amount_mismatch':
        return c.json({ error: 'invalid_request', message: `only full refunds: amountKopecks must be ${result.order.amountKopecks}` }, 400);
      case 'not_refundable':
        return c.json(
          { error: 'not_refundable', message: `an order in status ${result.order.status} cannot be refunded`, order: orderJson(result.order) },
          409,
        );
      case 'refunded':
        log.info(`order ${result.order.orderId} refunded`);
        return c.json(orderJson(result.order));
    }
  });

  app.all('/api/*', (c) => c.json({ error: 'not_found', message: `${c.req.method} ${c.req.path} is not an endpoint` }, 404));

  // ─── Resident's pages ───────────────────────────────────────────────────────────────────
  const formText = (body: Record<string, unknown>, name: string) => {
    const value = body[name];
    return typeof value === 'string' ? value : '';
  };

  const loadForPage = async (c: Context) => {
    const order = await store.findOrder(c.req.param('orderId') ?? '');
    if (!order) pageHeaders(c);
    else pageHeaders(c, order);
    return order;
  };

  const notFound = (c: Context, locale: Locale) => c.html(renderNotFoundPage({ locale, path: c.req.path }), 404);

  /** Where a page request for an order that is past the card step goes. */
  const pageFor = (c: Context, order: SandboxOrder, locale: Locale) => {
    switch (order.status) {
      case 'CREATED':
        return c.html(renderCardPage({ order, locale }));
      case 'AWAITING_OTP':
        return c.redirect(`/pay/${order.orderId}/otp?lang=${locale}`, 303);
      case 'PROCESSING':
      case 'APPROVED':
      case 'DECLINED':
      case 'REFUNDED':
        return c.html(renderStatusPage({ order, locale, backUrl: returnLink(order) }));
      case 'VOIDED':
        return c.html(renderStatusPage({ order, locale, backUrl: returnLink(order, true) }));
      default: {
        const unknown: never = order.status;
        throw new Error(`unknown order status ${String(unknown)}`);
      }
    }
  };

  const cancelFromPage = async (c: Context, order: SandboxOrder, locale: Locale) => {
    const result = await store.voidOrder(order.orderId, now());
    if (result?.voided) {
      log.info(`order ${order.orderId} cancelled by the resident`);
      return c.redirect(returnLink(result.order, true), 303);
    }
    return pageFor(c, result?.order ?? order, locale);
  };

  app.get('/pay/:orderId', async (c) => {
    const locale = pickLocale(c);
    const order = await loadForPage(c);
    return order ? pageFor(c, order, locale) : notFound(c, locale);
  });

  app.post('/pay/:orderId', async (c) => {
    const locale = pickLocale(c);
    const order = await loadForPage(c);
    if (!order) return notFound(c, locale);
    const body = await c.req.parseBody();
    if (formText(body, 'action') === 'cancel') return cancelFromPage(c, order, locale);
    if (order.status !== 'CREATED') return pageFor(c, order, locale);
    const form = {
      holder: formText(body, 'holder'),
      number: formText(body, 'number'),
      expMonth: formText(body, 'expMonth'),
      expYear: formText(body, 'expYear'),
      cvc: formText(body, 'cvc'),
    };
    const checked = validateCardForm(form, now());
    if (!checked.ok) {
      // The number and CVV2 are not echoed back: they leave this request's memory here.
      return c.html(
        renderCardPage({ order, locale, values: { holder: form.holder, expMonth: form.expMonth, expYear: form.expYear }, errors: checked.errors }),
        422,
      );
    }
    const result = await store.submitCard(order.orderId, checked.card, { now: now(), outageMs });
    if (!result) return notFound(c, locale);
    log.info(`order ${order.orderId}: card •••• ${checked.card.last4} submitted → ${result.order.status}`);
    switch (result.outcome) {
      case 'approved':
      case 'declined':
        return c.redirect(returnLink(result.order), 303);
      case 'challenge':
        return c.redirect(`/pay/${order.orderId}/otp?lang=${locale}`, 303);
      case 'not_allowed':
        return pageFor(c, result.order, locale);
    }
  });

  app.get('/pay/:orderId/otp', async (c) => {
    const locale = pickLocale(c);
    const order = await loadForPage(c);
    if (!order) return notFound(c, locale);
    if (order.status !== 'AWAITING_OTP') return c.redirect(`/pay/${order.orderId}?lang=${locale}`, 303);
    return c.html(renderOtpPage({ order, locale }));
  });

  app.post('/pay/:orderId/otp', async (c) => {
    const locale = pickLocale(c);
    const order = await loadForPage(c);
    if (!order) return notFound(c, locale);
    const body = await c.req.parseBody();
    if (formText(body, 'action') === 'cancel') return cancelFromPage(c, order, locale);
    if (order.status !== 'AWAITING_OTP') return c.redirect(`/pay/${order.orderId}?lang=${locale}`, 303);
    const code = formText(body, 'code').replace(/\s/g, '');
    if (order.otpCode !== null && !/^\d{6}$/.test(code)) return c.html(renderOtpPage({ order, locale, error: 'invalid' }), 422);
    const result = await store.checkOtp(order.orderId, code, { now: now(), approvalDelayMs });
    if (!result) return notFound(c, locale);
    switch (result.outcome) {
      case 'passed':
        log.info(`order ${order.orderId}: 3-D Secure passed`);
        return c.redirect(returnLink(result.order), 303);
      case 'declined':
        log.info(`order ${order.orderId}: declined after ${result.order.otpAttempts} wrong codes`);
        return c.redirect(returnLink(result.order), 303);
      case 'wrong':
        return c.html(renderOtpPage({ order: result.order, locale, error: 'wrong', attemptsLeft: result.attemptsLeft }), 422);
      case 'not_allowed':
        return c.html(renderOtpPage({ order: result.order, locale }), 409);
    }
  });

  app.notFound((c) => {
    const locale = pickLocale(c);
    pageHeaders(c);
    return c.html(renderNotFoundPage({ locale, path: c.req.path }), 404);
  });

  // Never echo request details (a body may hold a card number): log the path and the error only.
  app.onError((error, c) => {
    log.error(`${c.req.method} ${c.req.path} failed: ${error instanceof Error ? error.message : String(error)}`);
    return c.json({ error: 'internal_error', message: 'the sandbox acquirer failed; try again' }, 500);
  });

  // ─── Background work ────────────────────────────────────────────────────────────────────
  let busy: Promise<void> | null = null;
  /** One round: approve what 3-D Secure let through, then send the webhooks that are due. */
  const tick = async () => {
    if (busy) return busy;
    busy = (async () => {
      try {
        const approved = await store.approveDueOrders(now());
        for (const order of approved) log.info(`order ${order.orderId} approved`);
        await webhooks.deliverDue(now());
      } catch (error) {
        log.error(`background work failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        busy = null;
      }
    })();
    return busy;
  };

  let timer: NodeJS.Timeout | null = null;
  const start = () => {
    timer ??= setInterval(() => void tick(), tickMs);
  };
  /** Stops the background work and waits for a round in progress. */
  const stop = async () => {
    if (timer) clearInterval(timer);
    timer = null;
    await busy;
  };

  return { app, store, webhooks, tick, start, stop, ensureSchema: store.ensureSchema };
};

export type SandboxAcquirer = ReturnType<typeof createSandboxAcquirer>;
