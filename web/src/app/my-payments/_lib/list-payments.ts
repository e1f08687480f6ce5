// The signed-in resident's payments: those whose receipt was asked to go to their address,
// newest first, a page at a time, with what the list shows and the receipt's download key.
import type { PrismaClient } from '@voltpay/prisma';
import type { Kopecks, PaymentStatus, Period } from '@voltpay/domain';

export const MY_PAYMENTS_PAGE_SIZE = 10;

export type ResidentPayment = {
  id: string;
  /** When it was paid (the receipt's instant), else when it was placed. */
  at: Date;
  accountNumber: string;
  period: Period;
  totalKopecks: Kopecks;
  status: PaymentStatus;
  receipt: { number: string; verificationCode: string } | null;
};

export type ResidentPaymentsPage = { items: ResidentPayment[]; page: number; pageCount: number; total: number };

export const listResidentPayments = async ({
  prisma,
  email,
  page,
  pageSize = MY_PAYMENTS_PAGE_SIZE,
}: {
  prisma: PrismaClient;
  /** As verified by the sign-in link; receipt emails are stored in lower case too. */
  email: string;
  page: number;
  pageSize?: number;
}): Promise<ResidentPaymentsPage> => {
  const where = { receiptEmail: email.trim().toLowerCase() };
  const total = await prisma.payment.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  // A page past the end (an old bookmark) shows the last one rather than an empty list.
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await prisma.payment.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      createdAt: true,
      completedAt: true,
      period: true,
      totalKopecks: true,
      status: true,
      account: { select: { number: true } },
      receipt: { select: { number: true, verificationCode: true, issuedAt: true } },
    },
  });
  return {
    items: rows.map((row) => ({
      id: row.id,
      at: row.receipt?.issuedAt ?? row.completedAt ?? row.createdAt,
      accountNumber: row.account.number,
      period: row.period,
      totalKopecks: row.totalKopecks,
      status: row.status,
      receipt: row.receipt ? { number: row.receipt.number, verificationCode: row.receipt.verificationCode } : null,
    })),
    page: current,
    pageCount,
    total,
  };
};
