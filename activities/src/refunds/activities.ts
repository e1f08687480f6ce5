// The refund workflow's own activities: what it must know of the payment before refunding it, and
// the read-model write that ends it. The acquirer refund and the ledger reversal are the payment
// activities (acquirer/, ledger/), shared with the payment workflow's refund update.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { PrismaClient } from '@voltpay/prisma';
import type { RefundActivities } from '@voltpay/workflows/refund';
import { recordRefund } from '../payments/read-model';

export type RefundActivitiesOptions = {
  prisma: PrismaClient;
  /** Whether a workflow id's latest run is still open (the worker asks Temporal). */
  isWorkflowOpen: (workflowId: string) => Promise<boolean>;
};

/** Asks Temporal; a workflow it no longer knows (its history past retention) is long closed. */
export const workflowOpenCheck =
  (client: Client) =>
  async (workflowId: string): Promise<boolean> => {
    try {
      const description = await client.workflow.getHandle(workflowId).describe();
      return description.status.name === 'RUNNING';
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  };

export const createRefundActivities = ({ prisma, isWorkflowOpen }: RefundActivitiesOptions) =>
  ({
    loadRefundablePayment: async ({ paymentId }) => {
      const found = await prisma.payment.findUnique({ where: { id: paymentId }, select: { workflowId: true } });
      if (!found) return null;
      const paymentWorkflowOpen = await isWorkflowOpen(found.workflowId);
      // Read after the check: a payment workflow flushes its last revision to the read model
      // before it closes, so once it is known closed the revision read here is its final one.
      const row = await prisma.payment.findUniqueOrThrow({
        where: { id: paymentId },
        select: { status: true, revision: true, acquirerOrderId: true, totalKopecks: true },
      });
      return { ...row, paymentWorkflowOpen };
    },
    recordRefund: ({ paymentId, revision, reason }) => recordRefund({ prisma, paymentId, revision, reason }),
  }) satisfies Pick<RefundActivities, 'loadRefundablePayment' | 'recordRefund'>;
