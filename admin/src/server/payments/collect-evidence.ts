// A payment's evidence as one JSON snapshot: what a resolved claim keeps (Claim.evidence) so the
// decision can be read later exactly as it was taken, whatever happens to the payment after.
import type { Client } from '@temporalio/client';
import type { AcquirerGateway } from '@voltpay/acquirer-gateway';
import type { PrismaClient } from '@voltpay/prisma';
import { fetchAcquirerView } from './acquirer-view';
import { loadPaymentRecord } from './payment-record';
import { loadPaymentTimeline } from './timeline';

export type CollectPaymentEvidenceOptions = {
  prisma: PrismaClient;
  temporal: () => Promise<Client>;
  gateway: AcquirerGateway;
  paymentId: string;
  webPublicUrl: string;
};

/** Null when there is no such payment in the read model. */
export const collectPaymentEvidence = async ({ prisma, temporal, gateway, paymentId, webPublicUrl }: CollectPaymentEvidenceOptions) => {
  const record = await loadPaymentRecord({ prisma, paymentId, webPublicUrl });
  if (!record) return null;
  const [acquirer, timeline] = await Promise.all([
    fetchAcquirerView({ gateway, orderId: record.payment.acquirerOrderId }),
    loadPaymentTimeline({ temporal, workflowId: record.payment.workflowId }),
  ]);
  return {
    version: 1,
    collectedAt: new Date(),
    payment: record.payment,
    account: { number: record.account.number, settlementName: record.account.settlementName },
    lines: record.lines,
    receipt: record.receipt && {
      number: record.receipt.number,
      verificationCode: record.receipt.verificationCode,
      issuedAt: record.receipt.issuedAt,
      totalKopecks: record.receipt.totalKopecks,
    },
    acquirer,
    ledger: record.ledger,
    // To, subject, status and time only: the evidence needs no email bodies.
    emails: record.emails.map(({ to, subject, status, createdAt, sentAt }) => ({ to, subject, status, createdAt, sentAt })),
    timeline,
  };
};

export type PaymentEvidence = NonNullable<Awaited<ReturnType<typeof collectPaymentEvidence>>>;
