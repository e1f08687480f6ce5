// The payment workflow's acquirer activities: thin wrappers over AcquirerGateway that keep the
// workflow's ids, build the return link, and turn a refusal into a non-retryable failure.
import { ApplicationFailure } from '@temporalio/common';
import type { PaymentActivities } from '@voltpay/workflows/payment';
import { AcquirerRejectedError, type AcquirerGateway } from '@voltpay/acquirer-gateway';

/** The failure type a workflow sees when the acquirer refused a request (retrying cannot help). */
export const ACQUIRER_REJECTED_FAILURE = 'AcquirerRejected';
/** The failure type when the acquirer returned another payment's order under this id. */
export const ACQUIRER_REFERENCE_MISMATCH_FAILURE = 'AcquirerReferenceMismatch';

export type AcquirerActivities = Pick<PaymentActivities, 'createAcquirerOrder' | 'getAcquirerOrder' | 'voidAcquirerOrder' | 'refundAcquirerOrder'>;

/** The site's page the acquirer sends the resident back to (issue 4 builds it). */
export const acquirerReturnUrl = (webPublicUrl: string, paymentId: string) => `${webPublicUrl.replace(/\/+$/, '')}/pay/${encodeURIComponent(paymentId)}/return`;

// AcquirerUnavailableError passes through unchanged: Temporal retries it by the workflow's policy
// (its failure type is the class name). A refusal becomes non-retryable at once.
const failFastOnRejection = async <T>(run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AcquirerRejectedError) {
      throw ApplicationFailure.create({
        message: error.message,
        type: ACQUIRER_REJECTED_FAILURE,
        nonRetryable: true,
        details: [{ status: error.status, code: error.code }],
        cause: error,
      });
    }
    throw error;
  }
};

// An order must belong to the payment that asks about it: a mix-up would settle the wrong payment.
const checkReference = <T extends { reference: string; orderId: string }>(order: T, paymentId: string): T => {
  if (order.reference !== paymentId) {
    throw ApplicationFailure.nonRetryable(
      `acquirer order ${order.orderId} belongs to ${order.reference}, not ${paymentId}`,
      ACQUIRER_REFERENCE_MISMATCH_FAILURE,
    );
  }
  return order;
};

export const createAcquirerActivities = ({ gateway, webPublicUrl }: { gateway: AcquirerGateway; webPublicUrl: string }) =>
  ({
    createAcquirerOrder: ({ paymentId, attempt, amountKopecks, description, locale }) =>
      failFastOnRejection(() =>
        gateway.createOrder({ reference: paymentId, attempt, amountKopecks, description, locale, returnUrl: acquirerReturnUrl(webPublicUrl, paymentId) }),
      ),
    getAcquirerOrder: ({ paymentId, orderId }) => failFastOnRejection(async () => checkReference(await gateway.getOrder({ orderId }), paymentId)),
    voidAcquirerOrder: ({ paymentId, orderId }) =>
      failFastOnRejection(async () => {
        const result = await gateway.voidOrder({ orderId });
        checkReference(result.order, paymentId);
        return result;
      }),
    refundAcquirerOrder: ({ paymentId, orderId, amountKopecks }) =>
      failFastOnRejection(async () => checkReference(await gateway.refundOrder({ orderId, amountKopecks }), paymentId)),
  }) satisfies AcquirerActivities;
