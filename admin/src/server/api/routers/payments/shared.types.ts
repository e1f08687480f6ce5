// Zod pieces the payments procedures share (and the claims procedures reuse). Pure zod, no server
// imports: client components may import these for their forms and labels.
import { z } from 'zod';

export const PAYMENT_STATUSES = [
  'DRAFT',
  'AWAITING_CARD',
  'PROCESSING',
  'UNCONFIRMED',
  'POSTING',
  'NEEDS_ATTENTION',
  'COMPLETED',
  'CANCELLED',
  'EXPIRED',
  'DECLINED',
  'REFUNDED',
] as const;
export const ZPaymentStatus = z.enum(PAYMENT_STATUSES);
export type TPaymentStatus = z.infer<typeof ZPaymentStatus>;

export const ZPaymentLineKind = z.enum(['ELECTRICITY', 'COMMON_AREA', 'PENALTY', 'DEBT']);
export const ZKopecks = z.number().int();

/** A form's empty field means "not given". */
export const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const ZJsonValue: z.ZodType<unknown> = z.unknown();

export const ZAuditRow = z.object({
  id: z.string(),
  actorId: z.string(),
  action: z.string(),
  before: ZJsonValue,
  after: ZJsonValue,
  details: ZJsonValue,
  createdAt: z.date(),
});

export const ZAcquirerOrderView = z.object({
  orderId: z.string(),
  reference: z.string(),
  status: z.enum(['CREATED', 'AWAITING_OTP', 'PROCESSING', 'APPROVED', 'DECLINED', 'VOIDED', 'REFUNDED']),
  amountKopecks: ZKopecks,
  cardLast4: z.string().nullable(),
  declineReason: z.string().nullable(),
});

export const ZAcquirerView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('NO_ORDER') }),
  z.object({ kind: z.literal('OK'), checkedAt: z.date(), order: ZAcquirerOrderView }),
  z.object({ kind: z.literal('UNAVAILABLE'), checkedAt: z.date(), message: z.string() }),
  z.object({ kind: z.literal('REJECTED'), checkedAt: z.date(), message: z.string() }),
]);
export type TAcquirerView = z.infer<typeof ZAcquirerView>;

export const ZTimelineStep = z.object({
  at: z.date(),
  kind: z.enum(['WORKFLOW', 'UPDATE', 'SIGNAL', 'ACTIVITY', 'TIMER', 'STATE']),
  name: z.string(),
  outcome: z.enum([
    'STARTED',
    'COMPLETED',
    'FAILED',
    'TIMED_OUT',
    'CANCELLED',
    'TERMINATED',
    'ACCEPTED',
    'REJECTED',
    'SCHEDULED',
    'FIRED',
    'RECEIVED',
    'CHANGED',
  ]),
  detail: z.string().nullable(),
  eventId: z.number().int().nullable(),
});
export type TTimelineStep = z.infer<typeof ZTimelineStep>;

/** Pages are 1-based; a page size the table offers. */
export const ZPage = z.number().int().min(1).max(100_000).default(1);
export const ZPageSize = z.number().int().min(1).max(100).default(20);
