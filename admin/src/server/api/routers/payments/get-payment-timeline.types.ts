import { z } from 'zod';
import { ZPaymentStatus, ZTimelineStep } from './shared.types';

export const ZGetPaymentTimelineRequest = z.object({ paymentId: z.uuid('Неверный идентификатор платежа.') });

export const ZGetPaymentTimelineResponse = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('OK'),
    steps: z.array(ZTimelineStep),
    state: z
      .object({
        status: ZPaymentStatus,
        attention: z.object({ stage: z.enum(['POSTING', 'DELIVERY']), error: z.string(), since: z.string() }).nullable(),
        unconfirmed: z.object({ checks: z.number(), nextCheckAt: z.string().nullable(), lastError: z.string().nullable() }).nullable(),
        refund: z.object({ reason: z.string(), at: z.string() }).nullable(),
      })
      .nullable(),
    stateError: z.string().nullable(),
  }),
  z.object({ kind: z.literal('NOT_FOUND') }),
  z.object({ kind: z.literal('UNAVAILABLE'), message: z.string() }),
]);

export type TGetPaymentTimelineRequest = z.input<typeof ZGetPaymentTimelineRequest>;
export type TGetPaymentTimelineResponse = z.infer<typeof ZGetPaymentTimelineResponse>;
