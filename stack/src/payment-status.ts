// The one reader of "what is this payment's status" that the site and the console both ask
// (STYLE 14): the payment's own workflow answers, and once it has closed COMPLETED, a refund that
// finished since (`refund-<id>`) has the last word (withLaterRefund in @voltpay/workflows/refund).
// The `payments` row is a record of what they said, not a third owner to reconcile.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { getStateQuery, paymentWorkflowId, type PaymentState } from '@voltpay/workflows/payment';
import { refundWorkflowId, withLaterRefund, type RefundState } from '@voltpay/workflows/refund';

/**
 * The payment's refund run that finished (its result), or null when none ran or it is still
 * running or failed. One successful run at most (REFUND_WORKFLOW_ID_REUSE_POLICY), so the latest
 * run is the one: nothing can start after a completed one.
 */
export const findFinishedRefund = async ({ client, paymentId }: { client: Client; paymentId: string }): Promise<RefundState | null> => {
  const handle = client.workflow.getHandle(refundWorkflowId(paymentId));
  try {
    const description = await handle.describe();
    if (description.status.name !== 'COMPLETED') return null;
    return (await handle.result()) as RefundState;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
};

/**
 * The payment's state as its workflow's `getState` query says, with a later refund applied. Only a
 * COMPLETED payment asks for the refund: no other status can be refunded by `refund-<id>`, so
 * every other read costs the one query it always did. Callers bound it with their own deadline.
 */
export const readPaymentState = async ({ client, paymentId }: { client: Client; paymentId: string }): Promise<PaymentState> => {
  const state = await client.workflow.getHandle(paymentWorkflowId(paymentId)).query(getStateQuery);
  if (state.status !== 'COMPLETED') return state;
  return withLaterRefund(state, await findFinishedRefund({ client, paymentId }));
};
