// The operator's work queue: UNCONFIRMED and NEEDS_ATTENTION payments from the read model, oldest
// first, one page at a time, each cross-checked with its workflow (still running? same status?
// what does it say about the failure and the attempts?). The read model pages and sorts; the
// workflow adds what only it knows, for the rows on the page only.
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@voltpay/prisma';
import type { AttentionStage, FulfilmentAttempts } from '@voltpay/workflows/payment';
import type { PaymentStatus } from '@voltpay/domain';
import { lookAtPaymentWorkflow } from './payment-workflow';

export const OPERATOR_QUEUE_STATUSES = ['UNCONFIRMED', 'NEEDS_ATTENTION'] as const;
export type OperatorQueueStatus = (typeof OPERATOR_QUEUE_STATUSES)[number];

export type FindOperatorQueueOptions = {
  prisma: PrismaClient;
  temporal: () => Promise<Client>;
  /** One of the queues, or both. */
  statuses: readonly OperatorQueueStatus[];
  page: number;
  pageSize: number;
};

export type OperatorQueueWorkflow =
  | {
      kind: 'RUNNING';
      status: PaymentStatus;
      /** False while the read model lags behind the workflow (it catches up within moments). */
      inSync: boolean;
      attention: { stage: AttentionStage; error: string; since: Date } | null;
      unconfirmed: { checks: number; nextCheckAt: Date | null; lastError: string | null } | null;
      attempts: FulfilmentAttempts | null;
      /** Tries per run of a fulfilment step before it parks (the payment's settings). */
      triesPerRun: number;
      hasReceipt: boolean;
      /** What the workflow wrote when it entered the status ("no outcome when the wait ended (PROCESSING)"). */
      enteredBecause: string | null;
    }
  | { kind: 'CLOSED'; closedAs: string }
  | { kind: 'UNAVAILABLE'; message: string };

export type OperatorQueueItem = {
  paymentId: string;
  status: OperatorQueueStatus;
  statusReason: string | null;
  createdAt: Date;
  /** When it entered the status it waits in: the workflow's word, else the read model's last change. */
  waitingSince: Date;
  totalKopecks: number;
  accountNumber: string;
  period: string;
  receiptEmail: string | null;
  receiptNumber: string | null;
  cardLast4: string | null;
  acquirerOrderId: string | null;
  workflow: OperatorQueueWorkflow;
};

export type OperatorQueuePage = {
  items: OperatorQueueItem[];
  total: number;
  counts: Record<OperatorQueueStatus, number>;
  page: number;
  pageSize: number;
};

export const findOperatorQueue = async ({ prisma, temporal, statuses, page, pageSize }: FindOperatorQueueOptions): Promise<OperatorQueuePage> => {
  const where = { status: { in: [...statuses] } };
  const [rows, groups] = await Promise.all([
    prisma.payment.findMany({
      where,
      // Oldest payment first: created_at never changes, so paging stays stable while re-checks write.
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        status: true,
        statusReason: true,
        createdAt: true,
        updatedAt: true,
        totalKopecks: true,
        period: true,
        receiptEmail: true,
        cardLast4: true,
        acquirerOrderId: true,
        account: { select: { number: true } },
        receipt: { select: { number: true } },
      },
    }),
    prisma.payment.groupBy({ by: ['status'], where: { status: { in: [...OPERATOR_QUEUE_STATUSES] } }, _count: { _all: true } }),
  ]);
  const counts: Record<OperatorQueueStatus, number> = { UNCONFIRMED: 0, NEEDS_ATTENTION: 0 };
  for (const group of groups) counts[group.status as OperatorQueueStatus] = group._count._all;
  const total = statuses.reduce((sum, status) => sum + counts[status], 0);

  const client = rows.length > 0 ? await temporal().catch(() => null) : null;
  const items = await Promise.all(
    rows.map(async (row): Promise<OperatorQueueItem> => {
      const view = client ? await lookAtPaymentWorkflow({ client, paymentId: row.id }) : ({ kind: 'UNAVAILABLE', message: 'Temporal недоступен' } as const);
      let workflow: OperatorQueueWorkflow;
      let waitingSince = row.updatedAt;
      if (view.kind === 'RUNNING') {
        const { state } = view;
        const entry = state.timeline.findLast((e) => e.event === state.status);
        workflow = {
          kind: 'RUNNING',
          status: state.status,
          inSync: state.status === row.status,
          attention: state.attention ? { ...state.attention, since: new Date(state.attention.since) } : null,
          unconfirmed: state.unconfirmed
            ? {
                checks: state.unconfirmed.checks,
                nextCheckAt: state.unconfirmed.nextCheckAt ? new Date(state.unconfirmed.nextCheckAt) : null,
                lastError: state.unconfirmed.lastError,
              }
            : null,
          attempts: view.attempts,
          triesPerRun: state.settings.fulfilmentAttempts,
          hasReceipt: state.receipt !== null,
          enteredBecause: entry?.detail ?? null,
        };
        const entered = state.attention?.since ?? entry?.at;
        if (entered) waitingSince = new Date(entered);
      } else {
        workflow = view;
      }
      return {
        paymentId: row.id,
        status: row.status as OperatorQueueStatus,
        statusReason: row.statusReason,
        createdAt: row.createdAt,
        waitingSince,
        totalKopecks: row.totalKopecks,
        accountNumber: row.account.number,
        period: row.period,
        receiptEmail: row.receiptEmail,
        receiptNumber: row.receipt?.number ?? null,
        cardLast4: row.cardLast4,
        acquirerOrderId: row.acquirerOrderId,
        workflow,
      };
    }),
  );
  return { items, total, counts, page, pageSize };
};
