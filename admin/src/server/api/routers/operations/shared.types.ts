// Zod pieces the operations procedures share. Pure zod: client components import these types.
import { z } from 'zod';
import { ZPaymentStatus } from '../payments/shared.types';

export const ZPaymentId = z.object({ paymentId: z.uuid('Неверный идентификатор платежа.') });

/** A refund's reason: what the claim's resolution and the ledger's description will say. */
export const ZRefundReason = z.string().trim().min(1, 'Укажите причину возврата.').max(500, 'Причина — не длиннее 500 символов.');

export const ZPaymentActionResult = z.object({
  paymentId: z.string(),
  action: z.enum(['recheck', 'retryPosting', 'retryDelivery', 'refund']),
  before: ZPaymentStatus.nullable(),
  after: ZPaymentStatus,
  settled: z.boolean(),
  message: z.string(),
});
export type TPaymentActionResult = z.infer<typeof ZPaymentActionResult>;

export const ZRefundState = z.object({
  paymentId: z.string(),
  actor: z.string(),
  reason: z.string(),
  status: z.enum(['CHECKING', 'REFUNDING_AT_ACQUIRER', 'REVERSING_LEDGER', 'RECORDING', 'REFUNDED', 'ALREADY_REFUNDED']),
  requestedAt: z.string(),
  acquirerOrderId: z.string().nullable(),
  amountKopecks: z.number().int().nullable(),
  ledgerPostingId: z.string().nullable(),
  recordedRevision: z.number().int().nullable(),
  finishedAt: z.string().nullable(),
  timeline: z.array(z.object({ at: z.string(), event: z.string(), detail: z.string().optional() })),
});

export const ZRefundView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('NONE') }),
  z.object({ kind: z.literal('RUNNING'), state: ZRefundState.nullable() }),
  z.object({ kind: z.literal('DONE'), state: ZRefundState }),
  z.object({ kind: z.literal('FAILED'), message: z.string(), type: z.string().nullable() }),
]);
export type TRefundView = z.infer<typeof ZRefundView>;
