import { z } from 'zod';
import { ZPaymentStatus } from '../payments/shared.types';

export const OPERATOR_QUEUE_FILTERS = ['ALL', 'UNCONFIRMED', 'NEEDS_ATTENTION'] as const;

export const ZFindOperatorQueueRequest = z.object({
  queue: z.enum(OPERATOR_QUEUE_FILTERS).default('ALL'),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

const ZQueueStatus = z.enum(['UNCONFIRMED', 'NEEDS_ATTENTION']);

export const ZOperatorQueueItem = z.object({
  paymentId: z.string(),
  status: ZQueueStatus,
  statusReason: z.string().nullable(),
  createdAt: z.date(),
  waitingSince: z.date(),
  totalKopecks: z.number().int(),
  accountNumber: z.string(),
  period: z.string(),
  receiptEmail: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  cardLast4: z.string().nullable(),
  acquirerOrderId: z.string().nullable(),
  workflow: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('RUNNING'),
      status: ZPaymentStatus,
      inSync: z.boolean(),
      attention: z.object({ stage: z.enum(['POSTING', 'DELIVERY']), error: z.string(), since: z.date() }).nullable(),
      unconfirmed: z.object({ checks: z.number().int(), nextCheckAt: z.date().nullable(), lastError: z.string().nullable() }).nullable(),
      attempts: z.object({ posting: z.number().int(), delivery: z.number().int() }).nullable(),
      triesPerRun: z.number().int(),
      hasReceipt: z.boolean(),
      enteredBecause: z.string().nullable(),
    }),
    z.object({ kind: z.literal('CLOSED'), closedAs: z.string() }),
    z.object({ kind: z.literal('UNAVAILABLE'), message: z.string() }),
  ]),
});

export const ZFindOperatorQueueResponse = z.object({
  items: z.array(ZOperatorQueueItem),
  total: z.number().int(),
  counts: z.object({ UNCONFIRMED: z.number().int(), NEEDS_ATTENTION: z.number().int() }),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export type TFindOperatorQueueRequest = z.input<typeof ZFindOperatorQueueRequest>;
export type TFindOperatorQueueResponse = z.infer<typeof ZFindOperatorQueueResponse>;
export type TOperatorQueueItem = z.infer<typeof ZOperatorQueueItem>;
