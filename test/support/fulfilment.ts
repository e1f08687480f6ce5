// Fixtures for fulfilment, refund and operator tests: a confirmed payment ready for the card, real
// database faults (a trigger refusing one payment's rows), the books of a payment, and starting
// the refund workflow with the id policies every starter must use.
import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { prisma } from '@voltpay/prisma';
import pg from 'pg';
import { confirmUpdate, setReceiptEmailUpdate, type PaymentSettings } from '@voltpay/workflows/payment';
import {
  REFUND_WORKFLOW_ID_CONFLICT_POLICY,
  REFUND_WORKFLOW_ID_REUSE_POLICY,
  REFUND_WORKFLOW_TYPE,
  refundWorkflowId,
  type RefundStartInput,
  type RefundState,
} from '@voltpay/workflows/refund';
import { expect } from 'vitest';
import { createTestAccount, fillDraft, startPayment } from './payments';
import { stackEnv } from './stack-env';

/** A payment confirmed on a fresh account: the acquirer's card page is open at `paymentUrl`. */
export const confirmedPayment = async (client: Client, options: { email?: string; settings?: Partial<PaymentSettings> } = {}) => {
  const account = await createTestAccount(prisma, { commonAreaKopecks: 10_000 });
  const { paymentId, handle } = await startPayment(client, options.settings);
  const quote = await fillDraft(handle, account, { kwh: 120 });
  if (options.email) await handle.executeUpdate(setReceiptEmailUpdate, { args: [{ email: options.email }] });
  const { paymentUrl, orderId } = await handle.executeUpdate(confirmUpdate);
  return { account, paymentId, handle, quote, paymentUrl, orderId };
};

/** Makes the real database refuse inserts into `table` that match `condition`, until the returned function runs. */
export const refuseInserts = async (table: string, condition: string, message: string) => {
  const fn = `voltpay_test_refuse_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await prisma.$executeRawUnsafe(
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF ${condition} THEN RAISE EXCEPTION '${message}'; END IF; RETURN NEW; END $$`,
  );
  await prisma.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
  return async () => {
    await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${fn} ON ${table}`);
    await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${fn}()`);
  };
};

/** The payment's postings (each checked balanced), receipts and read-model row. */
export const booksOf = async (paymentId: string) => {
  const postings = await prisma.ledgerPosting.findMany({ where: { paymentId }, include: { entries: true }, orderBy: { postedAt: 'asc' } });
  for (const posting of postings) {
    const debit = posting.entries.filter((e) => e.direction === 'DEBIT').reduce((sum, e) => sum + e.amountKopecks, 0);
    const credit = posting.entries.filter((e) => e.direction === 'CREDIT').reduce((sum, e) => sum + e.amountKopecks, 0);
    expect(debit).toBe(credit);
    expect(debit).toBe(posting.totalKopecks);
  }
  /** Per ledger account: debits minus credits over every posting (0 everywhere after a full refund). */
  const net: Record<string, number> = {};
  for (const entry of postings.flatMap((p) => p.entries)) {
    net[entry.ledgerAccount] = (net[entry.ledgerAccount] ?? 0) + (entry.direction === 'DEBIT' ? entry.amountKopecks : -entry.amountKopecks);
  }
  return {
    postings,
    kinds: postings.map((p) => p.kind),
    net,
    receipts: await prisma.receipt.findMany({ where: { paymentId } }),
    payment: await prisma.payment.findUnique({ where: { id: paymentId } }),
  };
};

export type RefundHandle = WorkflowHandleWithFirstExecutionRunId<(input: RefundStartInput) => Promise<RefundState>>;

/** Starts (or joins) `refund-<paymentId>` the way the console does. */
export const startRefund = (client: Client, input: RefundStartInput): Promise<RefundHandle> =>
  client.workflow.start<(input: RefundStartInput) => Promise<RefundState>>(REFUND_WORKFLOW_TYPE, {
    taskQueue: stackEnv.taskQueue,
    workflowId: refundWorkflowId(input.paymentId),
    workflowIdConflictPolicy: REFUND_WORKFLOW_ID_CONFLICT_POLICY,
    workflowIdReusePolicy: REFUND_WORKFLOW_ID_REUSE_POLICY,
    args: [input],
  });

/** What the sandbox acquirer says of an order. */
export const acquirerOrderStatus = async (orderId: string): Promise<string> => {
  const response = await fetch(`${stackEnv.acquirerUrl}/api/v1/orders/${orderId}`, { headers: { authorization: `Bearer ${stackEnv.acquirerApiKey}` } });
  return ((await response.json()) as { status: string }).status;
};

/** Runs SQL on the sandbox acquirer's own database (its orders), for scenarios its cards cannot make. */
const onSandboxDb = async (sql: string, params: unknown[]) => {
  if (!stackEnv.acquirerDatabaseUrl) throw new Error('needs the sandbox acquirer’s database (SANDBOX_ACQUIRER_DATABASE_URL)');
  const db = new pg.Client({ connectionString: stackEnv.acquirerDatabaseUrl });
  await db.connect();
  try {
    const { rowCount } = await db.query(sql, params);
    if (rowCount !== 1) throw new Error(`sandbox order not updated: ${sql} ${JSON.stringify(params)}`);
  } finally {
    await db.end();
  }
};

/**
 * The bank accepted the one-time password and never decides: the order sits in PROCESSING (no
 * approval scheduled), which cannot be voided, so the payment's wait ends in UNCONFIRMED.
 */
export const holdInProcessing = (orderId: string) =>
  onSandboxDb(`UPDATE sandbox_orders SET status = 'PROCESSING', card_last4 = '1111', approve_at = NULL WHERE order_id = $1`, [orderId]);

/** The bank finally approves the held order (as its back office would; no webhook: a re-check finds it). */
export const approveHeldOrder = (orderId: string) =>
  onSandboxDb(`UPDATE sandbox_orders SET status = 'APPROVED', approve_at = NULL WHERE order_id = $1 AND status = 'PROCESSING'`, [orderId]);

/** A confirmed payment whose acquirer wait (4 s) ends with the order held in PROCESSING: UNCONFIRMED. */
export const unconfirmedPayment = async (client: Client) => {
  const confirmed = await confirmedPayment(client, {
    settings: { acquirerWaitTimeoutMs: 4_000, recheckScheduleMs: [3_600_000], fulfilmentAttempts: 2, draftIdleTimeoutMs: 60_000 },
  });
  await holdInProcessing(confirmed.orderId);
  return confirmed;
};
