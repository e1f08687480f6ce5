import { z } from 'zod';

export const ZGetPaymentStatsRequest = z.object({
  /** Omsk calendar days, ending today. */
  days: z.number().int().min(1).max(92).default(30),
});

const ZCount = z.number().int().nonnegative();

export const ZGetPaymentStatsResponse = z.object({
  days: z.array(z.object({ date: z.iso.date(), count: ZCount, succeeded: ZCount, succeededKopecks: z.number().int().nonnegative() })),
  total: ZCount,
  outcomes: z.object({ succeeded: ZCount, declined: ZCount, cancelled: ZCount, expired: ZCount, stuck: ZCount, inProgress: ZCount }),
});

export type TGetPaymentStatsRequest = z.input<typeof ZGetPaymentStatsRequest>;
export type TGetPaymentStatsResponse = z.infer<typeof ZGetPaymentStatsResponse>;
