import { z } from 'zod';

const ZQueueStatus = z.enum(['UNCONFIRMED', 'NEEDS_ATTENTION']);

export const ZGetOperatorQueuesResponse = z.object({
  counts: z.object({ UNCONFIRMED: z.number().int().nonnegative(), NEEDS_ATTENTION: z.number().int().nonnegative() }),
  oldest: z
    .object({
      id: z.uuid(),
      status: ZQueueStatus,
      totalKopecks: z.number().int(),
      accountNumber: z.string(),
      since: z.date(),
      reason: z.string().nullable(),
    })
    .nullable(),
});

export type TGetOperatorQueuesResponse = z.infer<typeof ZGetOperatorQueuesResponse>;
