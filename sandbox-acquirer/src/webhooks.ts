// Webhook delivery from the persistent queue (sandbox_webhook_deliveries): signed POSTs to the
// merchant, retried with backoff, in order per order, and nothing lost across a restart.
import type pg from 'pg';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from './webhook-signature';
import type { SandboxLog } from './log';

/** Waits after the 1st, 2nd, … failed attempt; after the last one the delivery is marked FAILED. */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS = [1_000, 2_000, 5_000, 15_000, 60_000, 5 * 60_000];

const DELIVERY_TIMEOUT_MS = 10_000;
// A claimed delivery is not picked again before this, even if this process dies mid-request.
const CLAIM_LEASE_MS = 60_000;

export type WebhookDelivery = {
  seq: number;
  eventId: string;
  orderId: string;
  eventType: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  deliveredAt: Date | null;
};

type DeliveryRow = {
  seq: string;
  event_id: string;
  order_id: string;
  event_type: string;
  body: string;
  status: WebhookDelivery['status'];
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  delivered_at: Date | null;
};

export type WebhookSenderOptions = {
  pool: pg.Pool;
  /** The merchant's webhook endpoint (web's /api/acquirer/webhook). */
  url: string;
  secret: string;
  retryScheduleMs?: number[];
  fetch?: typeof fetch;
  log: SandboxLog;
};

export const createWebhookSender = ({
  pool,
  url,
  secret,
  retryScheduleMs = DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS,
  fetch: fetchImpl = fetch,
  log,
}: WebhookSenderOptions) => {
  const send = async (row: DeliveryRow): Promise<string | null> => {
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'voltpay-acquirer-event-id': row.event_id,
          // Signed per attempt: the timestamp must be fresh for the receiver's tolerance.
          [WEBHOOK_SIGNATURE_HEADER]: signWebhook({ secret, rawBody: row.body }),
        },
        body: row.body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await response.body?.cancel().catch(() => {});
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  };

  /** Sends every delivery that is due now; returns how many were attempted. */
  const deliverDue = async (now: Date): Promise<number> => {
    // Only the oldest pending event of each order, and none while the order's acquirer is "down".
    const { rows } = await pool.query<DeliveryRow>(
      `UPDATE sandbox_webhook_deliveries d SET next_attempt_at = $2
       WHERE d.seq IN (
         SELECT w.seq FROM sandbox_webhook_deliveries w JOIN sandbox_orders o ON o.order_id = w.order_id
         WHERE w.status = 'PENDING' AND w.next_attempt_at <= $1
           AND (o.outage_until IS NULL OR o.outage_until <= $1)
           AND NOT EXISTS (SELECT 1 FROM sandbox_webhook_deliveries e WHERE e.order_id = w.order_id AND e.status = 'PENDING' AND e.seq < w.seq)
         ORDER BY w.seq LIMIT 20 FOR UPDATE OF w SKIP LOCKED)
       RETURNING d.*`,
      [now, new Date(now.getTime() + CLAIM_LEASE_MS)],
    );
    await Promise.all(
      rows.map(async (row) => {
        const error = await send(row);
        const attempts = row.attempts + 1;
        if (error === null) {
          await pool.query(`UPDATE sandbox_webhook_deliveries SET status = 'DELIVERED', attempts = $2, delivered_at = $3, last_error = NULL WHERE seq = $1`, [
            row.seq,
            attempts,
            new Date(),
          ]);
          log.debug(`webhook ${row.event_type} ${row.event_id} of ${row.order_id} delivered (attempt ${attempts})`);
          return;
        }
        const wait = retryScheduleMs[attempts - 1];
        if (wait === undefined) {
          await pool.query(`UPDATE sandbox_webhook_deliveries SET status = 'FAILED', attempts = $2, last_error = $3 WHERE seq = $1`, [
            row.seq,
            attempts,
            error,
          ]);
          log.warn(`webhook ${row.event_type} ${row.event_id} of ${row.order_id} given up after ${attempts} attempts: ${error}`);
          return;
        }
        await pool.query(`UPDATE sandbox_webhook_deliveries SET attempts = $2, last_error = $3, next_attempt_at = $4 WHERE seq = $1`, [
          row.seq,
          attempts,
          error,
          new Date(Date.now() + wait),
        ]);
        log.info(`webhook ${row.event_type} ${row.event_id} of ${row.order_id} failed (${error}); retry in ${wait / 1000} s`);
      }),
    );
    return rows.length;
  };

  const listDeliveries = async (orderId: string): Promise<WebhookDelivery[]> => {
    const { rows } = await pool.query<DeliveryRow>('SELECT * FROM sandbox_webhook_deliveries WHERE order_id = $1 ORDER BY seq', [orderId]);
    return rows.map((row) => ({
      seq: Number(row.seq),
      eventId: row.event_id,
      orderId: row.order_id,
      eventType: row.event_type,
      status: row.status,
      attempts: row.attempts,
      nextAttemptAt: row.next_attempt_at,
      lastError: row.last_error,
      deliveredAt: row.delivered_at,
    }));
  };

  return { deliverDue, listDeliveries };
};
