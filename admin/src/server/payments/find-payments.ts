// Payment search over the read model (`payments`): drafts live only in Temporal and are not here.
// Every filter narrows (AND); sorting and paging happen in the database.
import type { Prisma, PrismaClient, PaymentStatus } from '@voltpay/prisma';
import { normaliseReceiptNumber } from '@voltpay/receipts';
import { omskDayStart } from '@voltpay/domain/omsk-time';

export type PaymentSortField = 'createdAt' | 'updatedAt' | 'totalKopecks' | 'status';
export type SortDirection = 'asc' | 'desc';

export type PaymentSearchFilter = {
  receiptNumber?: string | undefined;
  accountNumber?: string | undefined;
  email?: string | undefined;
  cardLast4?: string | undefined;
  amountKopecks?: number | undefined;
  /** Omsk calendar days, `YYYY-MM-DD`, both inclusive: the clerk's days, not the server's. */
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  statuses?: PaymentStatus[] | undefined;
};

export type FindPaymentsOptions = {
  prisma: PrismaClient;
  filter: PaymentSearchFilter;
  sort: { field: PaymentSortField; direction: SortDirection };
  page: number;
  pageSize: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export const buildPaymentWhere = (filter: PaymentSearchFilter): Prisma.PaymentWhereInput => {
  const and: Prisma.PaymentWhereInput[] = [];
  if (filter.receiptNumber) {
    // A number that cannot be one matches nothing rather than everything.
    and.push({ receipt: { is: { number: normaliseReceiptNumber(filter.receiptNumber) ?? '-' } } });
  }
  if (filter.accountNumber) and.push({ account: { is: { number: filter.accountNumber.replace(/\s+/g, '') } } });
  // The workflow keeps the address lower-cased (machine.ts, setReceiptEmail/retryDelivery; older rows
  // by migration 20261208030000): an exact match on the lower-cased input finds it however the clerk
  // types it, by the (receipt_email, created_at) index. A case-insensitive match read the whole table.
  if (filter.email) and.push({ receiptEmail: filter.email.trim().toLowerCase() });
  if (filter.cardLast4) and.push({ cardLast4: filter.cardLast4 });
  if (filter.amountKopecks !== undefined) and.push({ totalKopecks: filter.amountKopecks });
  if (filter.createdFrom) and.push({ createdAt: { gte: omskDayStart(filter.createdFrom) } });
  if (filter.createdTo) and.push({ createdAt: { lt: new Date(omskDayStart(filter.createdTo).getTime() + DAY_MS) } });
  if (filter.statuses?.length) and.push({ status: { in: filter.statuses } });
  return and.length ? { AND: and } : {};
};

export const findPayments = async ({ prisma, filter, sort, page, pageSize }: FindPaymentsOptions) => {
  const where = buildPaymentWhere(filter);
  const [total, rows] = await prisma.$transaction([
    prisma.payment.count({ where }),
    prisma.payment.findMany({
      where,
      // The id breaks ties, so a page boundary never shows a row twice or skips one.
      orderBy: [{ [sort.field]: sort.direction }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { account: { select: { number: true } }, receipt: { select: { number: true } } },
    }),
  ]);
  return {
    total,
    page,
    pageSize,
    items: rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      status: row.status,
      statusReason: row.statusReason,
      totalKopecks: row.totalKopecks,
      period: row.period,
      accountNumber: row.account.number,
      receiptEmail: row.receiptEmail,
      cardLast4: row.cardLast4,
      receiptNumber: row.receipt?.number ?? null,
    })),
  };
};
