// The refund workflow `refund-<paymentId>` for COMPLETED payments, all real (the stack's worker,
// Temporal, Postgres, the sandbox acquirer): the money goes back once, the ledger is reversed once,
// the read model says REFUNDED above the payment's last revision, and a repeated request does
// nothing twice, whether it races the first, comes after it, or after a failed one.
import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { prisma } from '@voltpay/prisma';
import { paymentWorkflowId, refundUpdate, type PaymentState } from '@voltpay/workflows/payment';
import { getRefundStateQuery, refundWorkflowId, RefundErrorType } from '@voltpay/workflows/refund';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquirerOrderStatus, booksOf, confirmedPayment, refuseInserts, startRefund, type RefundHandle } from './support/fulfilment';
import { connectPaymentClient, recordHistory, waitForStatus, type PaymentHandle } from './support/payments';
import { SANDBOX_CARDS, submitCard } from './support/sandbox-card';
import { stackEnv } from './support/stack-env';

type Connected = Awaited<ReturnType<typeof connectPaymentClient>>;

const failureOf = async (handle: RefundHandle) => {
  const error = await handle.result().then(
    () => {
      throw new Error('the refund succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowFailedError);
  const cause = (error as WorkflowFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
};

describe('refund workflow: refunding a COMPLETED payment', () => {
  let temporal: Connected;
  beforeAll(async () => {
    temporal = await connectPaymentClient();
  });
  afterAll(async () => {
    await temporal?.connection.close();
  });

  const completedPayment = async () => {
    const confirmed = await confirmedPayment(temporal.client);
    await submitCard(confirmed.paymentUrl, SANDBOX_CARDS.frictionless);
    const final: PaymentState = await confirmed.handle.result();
    expect(final.status).toBe('COMPLETED');
    return { ...confirmed, final };
  };

  it('refunds once: two racing requests join one run, a later one is refused, one REFUND posting, books net to zero', async () => {
    const { paymentId, orderId, quote, final } = await completedPayment();
    const input = { paymentId, actor: 'operator@test', reason: 'claim 17: the resident paid twice' };
    const [first, racing] = await Promise.all([startRefund(temporal.client, input), startRefund(temporal.client, { ...input, actor: 'other@test' })]);
    expect(racing.firstExecutionRunId).toBe(first.firstExecutionRunId);
    const [a, b] = await Promise.all([first.result(), racing.result()]);
    expect(a).toEqual(b);
    // Whichever request reached Temporal first started the run; the other joined it.
    expect(a).toMatchObject({ status: 'REFUNDED', amountKopecks: quote.totalKopecks, acquirerOrderId: orderId, recordedRevision: final.revision + 1 });
    expect(['operator@test', 'other@test']).toContain(a.actor);

    // After it completed, the id cannot start again: a second refund is refused before it runs.
    await expect(startRefund(temporal.client, input)).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    expect((await temporal.client.workflow.getHandle(refundWorkflowId(paymentId)).describe()).runId).toBe(first.firstExecutionRunId);

    const books = await booksOf(paymentId);
    expect(books.kinds).toEqual(['PAYMENT', 'REFUND']);
    expect(books.postings[1]!.totalKopecks).toBe(quote.totalKopecks);
    expect(Object.values(books.net).every((n) => n === 0)).toBe(true);
    expect(books.payment).toMatchObject({ status: 'REFUNDED', revision: final.revision + 1, statusReason: input.reason });
    expect(await acquirerOrderStatus(orderId)).toBe('REFUNDED');
    // The payment's own workflow stays closed and COMPLETED: the refund is the refund workflow's.
    expect((await temporal.client.workflow.getHandle(paymentWorkflowId(paymentId)).describe()).status.name).toBe('COMPLETED');
    expect((await first.query(getRefundStateQuery)).status).toBe('REFUNDED');
    // What the resident's page and the API answer: refunded, without the operator's internal note.
    const api = (await (await fetch(`${stackEnv.webUrl}/api/v1/payments/${paymentId}`)).json()) as { state: PaymentState };
    expect(api.state.status).toBe('REFUNDED');
    expect(JSON.stringify(api.state)).not.toContain(input.reason);
    await recordHistory(first as unknown as PaymentHandle, 'refund-of-completed');
  });

  it('refuses what it must not refund, and a refused request can be made again once it is allowed', async () => {
    // No payment at all.
    expect((await failureOf(await startRefund(temporal.client, { paymentId: randomUUID(), actor: 'operator@test', reason: 'x' }))).type).toBe(
      RefundErrorType.PAYMENT_NOT_FOUND,
    );
    // No reason.
    const { paymentId: completedId } = await completedPayment();
    expect((await failureOf(await startRefund(temporal.client, { paymentId: completedId, actor: 'operator@test', reason: '  ' }))).type).toBe(
      RefundErrorType.INVALID_INPUT,
    );
    expect((await booksOf(completedId)).kinds).toEqual(['PAYMENT']);

    // Declined: nothing was charged.
    const declined = await confirmedPayment(temporal.client);
    await submitCard(declined.paymentUrl, SANDBOX_CARDS.declined);
    await declined.handle.result();
    await expect.poll(async () => (await prisma.payment.findUnique({ where: { id: declined.paymentId } }))?.status).toBe('DECLINED');
    const notRefundable = await failureOf(await startRefund(temporal.client, { paymentId: declined.paymentId, actor: 'operator@test', reason: 'claim' }));
    expect(notRefundable.type).toBe(RefundErrorType.NOT_REFUNDABLE);
    expect(notRefundable.details).toEqual(['DECLINED']);

    // Parked for an operator: its workflow is open, so its own refund update is the way.
    const parked = await confirmedPayment(temporal.client);
    const allow = await refuseInserts('ledger_postings', `NEW.payment_id = '${parked.paymentId}'`, 'ledger is closed for maintenance');
    try {
      await submitCard(parked.paymentUrl, SANDBOX_CARDS.frictionless);
      await waitForStatus(parked.handle, 'NEEDS_ATTENTION');
      expect((await failureOf(await startRefund(temporal.client, { paymentId: parked.paymentId, actor: 'operator@test', reason: 'claim' }))).type).toBe(
        RefundErrorType.PAYMENT_STILL_RUNNING,
      );
      expect(await acquirerOrderStatus(parked.orderId)).toBe('APPROVED');
      await parked.handle.executeUpdate(refundUpdate, { args: [{ actor: 'operator@test', reason: 'refunded while parked' }] });
      await parked.handle.result();
    } finally {
      await allow();
    }
    // The earlier run failed, so the id may run again; it finds the refund done and does nothing.
    await expect.poll(async () => (await prisma.payment.findUnique({ where: { id: parked.paymentId } }))?.status).toBe('REFUNDED');
    const again = await startRefund(temporal.client, { paymentId: parked.paymentId, actor: 'operator@test', reason: 'claim' });
    expect((await again.result()).status).toBe('ALREADY_REFUNDED');
    expect((await booksOf(parked.paymentId)).kinds).toEqual([]);
  });

  it('refunded at the acquirer already (its back office): the refund completes and reverses the books once', async () => {
    const { paymentId, orderId, final } = await completedPayment();
    // The acquirer answers a repeated refund with the refunded order, so our refund completes and
    // reverses the ledger once: the acquirer's money and our books agree again.
    const refundedThere = await fetch(`${stackEnv.acquirerUrl}/api/v1/orders/${orderId}/refund`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stackEnv.acquirerApiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ amountKopecks: final.quote!.totalKopecks }),
    });
    expect(refundedThere.status).toBe(200);
    const state = await (await startRefund(temporal.client, { paymentId, actor: 'operator@test', reason: 'already refunded by the bank' })).result();
    expect(state.status).toBe('REFUNDED');
    expect((await booksOf(paymentId)).kinds).toEqual(['PAYMENT', 'REFUND']);
  });
});
