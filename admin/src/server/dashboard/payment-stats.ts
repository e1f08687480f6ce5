// The dashboard's numbers about payments: per Omsk calendar day over a window, and how the
// payments of that window ended. Counted in the database (one grouped query), money in kopecks.
import type { PaymentStatus, PrismaClient } from '@voltpay/prisma';
import { omskDay, OMSK_TIME_ZONE } from '@voltpay/domain/omsk-time';

/** The utility works on Omsk time: "today" and day boundaries are Omsk's. */
export const DASHBOARD_TIME_ZONE = OMSK_TIME_ZONE;

/** How a payment of the window ended (or has not yet). */
export type PaymentOutcome = 'succeeded' | 'declined' | 'cancelled' | 'expired' | 'stuck' | 'inProgress';

// Exhaustive: a new status breaks the build here until someone decides where it belongs.
export const outcomeOf = (status: PaymentStatus): PaymentOutcome => {
  switch (status) {
    case 'COMPLETED':
    case 'REFUNDED': // the card was charged; the refund is a later, separate story
      return 'succeeded';
    case 'DECLINED':
      return 'declined';
    case 'CANCELLED':
      return 'cancelled';
    case 'EXPIRED':
      return 'expired';
    case 'UNCONFIRMED':
    case 'NEEDS_ATTENTION':
      return 'stuck';
    case 'DRAFT':
    case 'AWAITING_CARD':
    case 'PROCESSING':
    case 'POSTING':
      return 'inProgress';
    default: {
      const unknown: never = status;
      throw new Error(`outcomeOf: unknown payment status ${String(unknown)}`);
    }
  }
};

export type PaymentDay = {
  /** YYYY-MM-DD, Omsk. */
  date: string;
  /** Payments started that day. */
  count: number;
  succeeded: number;
  /** Money of that day's succeeded payments, kopecks. */
  succeededKopecks: number;
};

export type PaymentStats = {
  days: PaymentDay[];
  total: number;
  outcomes: Record<PaymentOutcome, number>;
};

/** The `days` Omsk dates ending today, oldest first. */
export const lastDays = ({ days, now }: { days: number; now: Date }): string[] => {
  const dates: string[] = [];
  // Whole-day steps back from now land on consecutive Omsk dates: Omsk keeps UTC+6 all year.
  for (let back = days - 1; back >= 0; back--) dates.push(omskDay(now.getTime() - back * 86_400_000));
  return dates;
};

type Row = { day: string; status: PaymentStatus; count: bigint; kopecks: bigint | null };

export const getPaymentStats = async ({ prisma, days, now = new Date() }: { prisma: PrismaClient; days: number; now?: Date }): Promise<PaymentStats> => {
  const dates = lastDays({ days, now });
  const from = dates[0]!;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT to_char(created_at AT TIME ZONE 'UTC' AT TIME ZONE ${DASHBOARD_TIME_ZONE}, 'YYYY-MM-DD') AS day,
           status::text AS status,
           count(*) AS count,
           sum(total_kopecks) AS kopecks
      FROM payments
     WHERE created_at >= (${from}::date::timestamp AT TIME ZONE ${DASHBOARD_TIME_ZONE}) AT TIME ZONE 'UTC'
     GROUP BY 1, 2`;

  const byDay = new Map(dates.map((date) => [date, { date, count: 0, succeeded: 0, succeededKopecks: 0 }]));
  const outcomes: Record<PaymentOutcome, number> = { succeeded: 0, declined: 0, cancelled: 0, expired: 0, stuck: 0, inProgress: 0 };
  let total = 0;
  for (const row of rows) {
    const day = byDay.get(row.day);
    if (!day) continue; // created "in the future" by a skewed clock: not in the window
    const count = Number(row.count);
    const outcome = outcomeOf(row.status);
    day.count += count;
    total += count;
    outcomes[outcome] += count;
    if (outcome === 'succeeded') {
      day.succeeded += count;
      day.succeededKopecks += Number(row.kopecks ?? 0n);
    }
  }
  return { days: [...byDay.values()], total, outcomes };
};
