// The sandbox acquirer's own storage (its own database, not Voltpay's schema): orders, their
// state machine, and the webhook queue each change feeds. It keeps a card token and the last
// four digits, never the number or the CVV2.
import { randomBytes, randomInt } from 'node:crypto';
import type { AcquirerEvent, AcquirerOrder, AcquirerOrderStatus, Locale } from '@voltpay/domain';
import pg from 'pg';
import type { AcceptedCard, CardScenario } from './cards';

export type SandboxOrder = AcquirerOrder & {
  attempt: number;
  currency: 'RUB';
  description: string;
  locale: Locale;
  returnUrl: string;
  cardScenario: CardScenario | null;
  /** The 3-D Secure code the challenge page shows (sandbox only); null when there is no challenge. */
  otpCode: string | null;
  otpAttempts: number;
  /** PROCESSING: when authorisation completes. */
  approveAt: Date | null;
  /** The "acquirer down" card: until then the API answers 503 for this order and its webhooks wait. */
  outageUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type NewOrder = {
  reference: string;
  attempt: number;
  amountKopecks: number;
  description: string;
  locale: Locale;
  returnUrl: string;
};

export const OTP_MAX_ATTEMPTS = 3;

/** A connection pool on the sandbox's own database (main.ts, and tests that run the sandbox in-process). */
export const createSandboxPool = ({ databaseUrl, max = 5 }: { databaseUrl: string; max?: number }) => new pg.Pool({ connectionString: databaseUrl, max });

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sandbox_orders (
  order_id        text PRIMARY KEY,
  reference       text NOT NULL,
  attempt         integer NOT NULL,
  amount_kopecks  bigint NOT NULL CHECK (amount_kopecks > 0),
  currency        text NOT NULL,
  description     text NOT NULL,
  locale          text NOT NULL,
  return_url      text NOT NULL,
  status          text NOT NULL,
  card_token      text,
  card_last4      text,
  card_scenario   text,
  otp_code        text,
  otp_attempts    integer NOT NULL DEFAULT 0,
  decline_reason  text,
  approve_at      timestamptz,
  outage_until    timestamptz,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  UNIQUE (reference, attempt)
);
CREATE TABLE IF NOT EXISTS sandbox_webhook_deliveries (
  seq             bigserial PRIMARY KEY,
  event_id        text NOT NULL UNIQUE,
  order_id        text NOT NULL REFERENCES sandbox_orders (order_id),
  event_type      text NOT NULL,
  body            text NOT NULL,
  status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error      text,
  created_at      timestamptz NOT NULL,
  delivered_at    timestamptz
);
CREATE INDEX IF NOT EXISTS sandbox_webhook_deliveries_due ON sandbox_webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX IF NOT EXISTS sandbox_orders_due_approval ON sandbox_orders (approve_at) WHERE status = 'PROCESSING';
`;

type OrderRow = {
  order_id: string;
  reference: string;
  attempt: number;
  amount_kopecks: string;
  currency: string;
  description: string;
  locale: string;
  return_url: string;
  status: string;
  card_last4: string | null;
  card_scenario: string | null;
  otp_code: string | null;
  otp_attempts: number;
  decline_reason: string | null;
  approve_at: Date | null;
  outage_until: Date | null;
  created_at: Date;
  updated_at: Date;
};

const toOrder = (row: OrderRow): SandboxOrder => ({
  orderId: row.order_id,
  reference: row.reference,
  attempt: row.attempt,
  status: row.status as AcquirerOrderStatus,
  amountKopecks: Number(row.amount_kopecks),
  currency: 'RUB',
  description: row.description,
  locale: row.locale as Locale,
  returnUrl: row.return_url,
  cardLast4: row.card_last4,
  cardScenario: row.card_scenario as CardScenario | null,
  otpCode: row.otp_code,
  otpAttempts: row.otp_attempts,
  declineReason: row.decline_reason,
  approveAt: row.approve_at,
  outageUntil: row.outage_until,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The order as the REST API shows it: AcquirerOrder plus what a merchant may see, no sandbox internals. */
export const publicOrder = (order: SandboxOrder, paymentUrl: string) => ({
  orderId: order.orderId,
  reference: order.reference,
  attempt: order.attempt,
  status: order.status,
  amountKopecks: order.amountKopecks,
  currency: order.currency,
  cardLast4: order.cardLast4,
  declineReason: order.declineReason,
  paymentUrl,
  createdAt: order.createdAt.toISOString(),
  updatedAt: order.updatedAt.toISOString(),
});

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

type Changes = Partial<
  Pick<OrderRow, 'status' | 'card_last4' | 'card_scenario' | 'otp_code' | 'otp_attempts' | 'decline_reason' | 'approve_at' | 'outage_until'>
> & {
  card_token?: string;
};

type Tx = {
  order: SandboxOrder;
  /** Writes the changes and queues the webhook for `event`, if any; returns the order as it is now. */
  apply: (changes: Changes, event?: AcquirerEvent['type']) => Promise<SandboxOrder>;
};

export type SubmitCardResult =
  | { outcome: 'approved' | 'declined' | 'challenge'; order: SandboxOrder }
  /** The card page was already used: nothing changed. */
  | { outcome: 'not_allowed'; order: SandboxOrder };

export type OtpResult =
  | { outcome: 'passed' | 'declined'; order: SandboxOrder }
  | { outcome: 'wrong'; order: SandboxOrder; attemptsLeft: number }
  | { outcome: 'not_allowed'; order: SandboxOrder };

export type SandboxStore = ReturnType<typeof createSandboxStore>;

export const createSandboxStore = ({ pool }: { pool: pg.Pool }) => {
  const ensureSchema = async () => {
    const client = await pool.connect();
    try {
      // Two sandboxes starting at once on one database must not race on CREATE TABLE.
      await client.query('SELECT pg_advisory_lock(hashtext($1))', ['voltpay-sandbox-acquirer-schema']);
      await client.query(SCHEMA);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['voltpay-sandbox-acquirer-schema']).catch(() => {});
      client.release();
    }
  };

  const findOrder = async (orderId: string): Promise<SandboxOrder | null> => {
    const { rows } = await pool.query<OrderRow>('SELECT * FROM sandbox_orders WHERE order_id = $1', [orderId]);
    return rows[0] ? toOrder(rows[0]) : null;
  };

  /** Runs `fn` with the order locked (null when there is no such order), in one transaction. */
  const withOrder = async <T>(orderId: string, now: Date, fn: (tx: Tx) => Promise<T>): Promise<T | null> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<OrderRow>('SELECT * FROM sandbox_orders WHERE order_id = $1 FOR UPDATE', [orderId]);
      if (!rows[0]) {
        await client.query('ROLLBACK');
        return null;
      }
      let order = toOrder(rows[0]);
      const apply: Tx['apply'] = async (changes, eventType) => {
        const columns = Object.keys(changes) as (keyof Changes)[];
        const sets = columns.map((column, i) => `${column} = $${i + 2}`);
        const { rows: updated } = await client.query<OrderRow>(
          `UPDATE sandbox_orders SET ${[...sets, `updated_at = $${columns.length + 2}`].join(', ')} WHERE order_id = $1 RETURNING *`,
          [orderId, ...columns.map((column) => changes[column]), now],
        );
        order = toOrder(updated[0]!);
        if (eventType) {
          const event: AcquirerEvent = {
            eventId: newId('evt'),
            orderId: order.orderId,
            reference: order.reference,
            type: eventType,
            amountKopecks: order.amountKopecks,
            currency: order.currency,
            cardLast4: order.cardLast4,
            declineReason: order.declineReason,
            occurredAt: now.toISOString(),
          };
          await client.query(
            `INSERT INTO sandbox_webhook_deliveries (event_id, order_id, event_type, body, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $5)`,
            [event.eventId, order.orderId, event.type, JSON.stringify(event), now],
          );
        }
        return order;
      };
      const result = await fn({ order, apply });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };

  return {
    ensureSchema,
    findOrder,

    /** Idempotent on (reference, attempt): `existing` when the order was made before (its fields may differ from `input`). */
    createOrder: async (input: NewOrder, now: Date): Promise<{ order: SandboxOrder; created: boolean }> => {
      const { rows } = await pool.query<OrderRow>(
        `INSERT INTO sandbox_orders (order_id, reference, attempt, amount_kopecks, currency, description, locale, return_url, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'RUB', $5, $6, $7, 'CREATED', $8, $8)
         ON CONFLICT (reference, attempt) DO NOTHING RETURNING *`,
        [newId('ord'), input.reference, input.attempt, input.amountKopecks, input.description, input.locale, input.returnUrl, now],
      );
      if (rows[0]) return { order: toOrder(rows[0]), created: true };
      const existing = await pool.query<OrderRow>('SELECT * FROM sandbox_orders WHERE reference = $1 AND attempt = $2', [input.reference, input.attempt]);
      return { order: toOrder(existing.rows[0]!), created: false };
    },

    /** The card page's submit, already validated: the scenario of the card decides what happens. */
    submitCard: (orderId: string, card: AcceptedCard, options: { now: Date; outageMs: number }) =>
      withOrder(orderId, options.now, async ({ order, apply }): Promise<SubmitCardResult> => {
        if (order.status !== 'CREATED') return { outcome: 'not_allowed', order };
        const stored = { card_token: newId('tok'), card_last4: card.last4, card_scenario: card.scenario };
        switch (card.scenario) {
          case 'frictionless':
            return { outcome: 'approved', order: await apply({ ...stored, status: 'APPROVED' }, 'APPROVED') };
          case 'outage':
            return {
              outcome: 'approved',
              order: await apply({ ...stored, status: 'APPROVED', outage_until: new Date(options.now.getTime() + options.outageMs) }, 'APPROVED'),
            };
          case 'declined':
            return { outcome: 'declined', order: await apply({ ...stored, status: 'DECLINED', decline_reason: 'do_not_honor' }, 'DECLINED') };
          case 'insufficient_funds':
            return { outcome: 'declined', order: await apply({ ...stored, status: 'DECLINED', decline_reason: 'insufficient_funds' }, 'DECLINED') };
          case 'otp':
            return {
              outcome: 'challenge',
              order: await apply({ ...stored, status: 'AWAITING_OTP', otp_code: String(randomInt(0, 1_000_000)).padStart(6, '0') }),
            };
          case 'no_answer':
            // The issuer's challenge never loads: no code, and nothing will ever complete it.
            return { outcome: 'challenge', order: await apply({ ...stored, status: 'AWAITING_OTP', otp_code: null }) };
          default: {
            const unknown: never = card.scenario;
            throw new Error(`unknown card scenario ${String(unknown)}`);
          }
        }
      }),

    /** The challenge page's submit. The right code moves the order to PROCESSING; approval follows after `approvalDelayMs`. */
    checkOtp: (orderId: string, code: string, options: { now: Date; approvalDelayMs: number }) =>
      withOrder(orderId, options.now, async ({ order, apply }): Promise<OtpResult> => {
        if (order.status !== 'AWAITING_OTP' || order.otpCode === null) return { outcome: 'not_allowed', order };
        if (code === order.otpCode) {
          return {
            outcome: 'passed',
            order: await apply({ status: 'PROCESSING', otp_code: null, approve_at: new Date(options.now.getTime() + options.approvalDelayMs) }, 'OTP_PASSED'),
          };
        }
        const attempts = order.otpAttempts + 1;
        if (attempts >= OTP_MAX_ATTEMPTS) {
          return {
            outcome: 'declined',
            order: await apply({ status: 'DECLINED', otp_attempts: attempts, otp_code: null, decline_reason: 'otp_failed' }, 'DECLINED'),
          };
        }
        return { outcome: 'wrong', order: await apply({ otp_attempts: attempts }), attemptsLeft: OTP_MAX_ATTEMPTS - attempts };
      }),

    /** Allowed before 3-D Secure is passed; a second void of a voided order is a success too. */
    voidOrder: (orderId: string, now: Date) =>
      withOrder(orderId, now, async ({ order, apply }): Promise<{ voided: boolean; order: SandboxOrder }> => {
        if (order.status === 'VOIDED') return { voided: true, order };
        if (order.status !== 'CREATED' && order.status !== 'AWAITING_OTP') return { voided: false, order };
        return { voided: true, order: await apply({ status: 'VOIDED', otp_code: null }, 'VOIDED') };
      }),

    /** Full refunds of approved orders only; refunding a refunded order returns it unchanged. */
    refundOrder: (orderId: string, amountKopecks: number, now: Date) =>
      withOrder(orderId, now, async ({ order, apply }): Promise<{ outcome: 'refunded' | 'not_refundable' | 'amount_mismatch'; order: SandboxOrder }> => {
        if (amountKopecks !== order.amountKopecks) return { outcome: 'amount_mismatch', order };
        if (order.status === 'REFUNDED') return { outcome: 'refunded', order };
        if (order.status !== 'APPROVED') return { outcome: 'not_refundable', order };
        return { outcome: 'refunded', order: await apply({ status: 'REFUNDED' }, 'REFUNDED') };
      }),

    /** Completes the authorisations whose time has come (orders past 3-D Secure); returns how many. */
    approveDueOrders: async (now: Date): Promise<SandboxOrder[]> => {
      const { rows } = await pool.query<{ order_id: string }>(
        `SELECT order_id FROM sandbox_orders WHERE status = 'PROCESSING' AND approve_at <= $1 ORDER BY approve_at LIMIT 50`,
        [now],
      );
      const approved: SandboxOrder[] = [];
      for (const { order_id } of rows) {
        const order = await withOrder(order_id, now, async ({ order, apply }) =>
          order.status === 'PROCESSING' ? apply({ status: 'APPROVED', approve_at: null }, 'APPROVED') : null,
        );
        if (order) approved.push(order);
      }
      return approved;
    },
  };
};
