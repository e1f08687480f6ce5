// Everything the database knows about one payment, for the payment page and a claim's evidence:
// the read model row and its lines, the receipt, the ledger postings with their entries (checked
// for balance), the emails sent for it, its claims and the audit rows about it.
import type { PrismaClient } from '@voltpay/prisma';
import { receiptPdfUrl, receiptVerificationUrl } from '@voltpay/receipts';

export type LoadPaymentRecordOptions = { prisma: PrismaClient; paymentId: string; webPublicUrl: string };

const PREVIEW_CHARS = 240;

/** The email's text, squeezed onto a line or two: enough to recognise it, no body dump. */
const previewOf = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS)}…` : flat;
};

export const loadPaymentRecord = async ({ prisma, paymentId, webPublicUrl }: LoadPaymentRecordOptions) => {
  const payment = await prisma.payment.findUnique({
    where: { id: paymentId },
    include: {
      account: { include: { district: { select: { name: true, kind: true } }, settlement: { select: { name: true } } } },
      lines: { orderBy: { position: 'asc' } },
      receipt: true,
      ledgerPostings: { include: { entries: true }, orderBy: { postedAt: 'asc' } },
      claims: { orderBy: { createdAt: 'desc' }, select: { id: true, number: true, status: true, resolution: true, residentName: true, createdAt: true } },
    },
  });
  if (!payment) return null;

  const receipt = payment.receipt;
  // Receipt emails are keyed by the receipt number (a corrected address: `<number>:<address>`),
  // see activities/src/receipts/activities.tsx; anything keyed by the payment id belongs here too.
  const emailKeys = [
    ...(receipt ? [{ idempotencyKey: receipt.number }, { idempotencyKey: { startsWith: `${receipt.number}:` } }] : []),
    { idempotencyKey: { startsWith: payment.id } },
  ];
  const [emails, audit] = await Promise.all([
    prisma.emailOutbox.findMany({
      where: { OR: emailKeys },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        idempotencyKey: true,
        to: true,
        subject: true,
        status: true,
        text: true,
        attachmentName: true,
        lastError: true,
        createdAt: true,
        sentAt: true,
      },
    }),
    prisma.auditLog.findMany({ where: { targetId: { in: [payment.id, payment.workflowId] } }, orderBy: { createdAt: 'asc' } }),
  ]);

  const postings = payment.ledgerPostings.map((posting) => {
    const debitKopecks = posting.entries.filter((e) => e.direction === 'DEBIT').reduce((sum, e) => sum + e.amountKopecks, 0);
    const creditKopecks = posting.entries.filter((e) => e.direction === 'CREDIT').reduce((sum, e) => sum + e.amountKopecks, 0);
    return {
      id: posting.id,
      kind: posting.kind,
      totalKopecks: posting.totalKopecks,
      description: posting.description,
      postedAt: posting.postedAt,
      debitKopecks,
      creditKopecks,
      balanced: debitKopecks === creditKopecks && debitKopecks === posting.totalKopecks,
      entries: posting.entries.map((e) => ({
        id: e.id,
        ledgerAccount: e.ledgerAccount,
        accountId: e.accountId,
        direction: e.direction,
        amountKopecks: e.amountKopecks,
        lineKind: e.lineKind,
      })),
    };
  });

  const { account } = payment;
  return {
    payment: {
      id: payment.id,
      workflowId: payment.workflowId,
      status: payment.status,
      statusReason: payment.statusReason,
      period: payment.period,
      totalKopecks: payment.totalKopecks,
      receiptEmail: payment.receiptEmail,
      locale: payment.locale,
      acquirerOrderId: payment.acquirerOrderId,
      cardLast4: payment.cardLast4,
      termsVersion: payment.termsVersion,
      termsAcceptedAt: payment.termsAcceptedAt,
      createdAt: payment.createdAt,
      updatedAt: payment.updatedAt,
      completedAt: payment.completedAt,
    },
    account: {
      id: account.id,
      number: account.number,
      districtName: account.district.name,
      districtKind: account.district.kind,
      settlementName: account.settlement.name,
      // Staff see the full address: the clerk matches it against the resident on the phone.
      address: [account.street, `д. ${account.house}`, account.flat ? `кв. ${account.flat}` : null].filter(Boolean).join(', '),
    },
    lines: payment.lines.map((line) => ({ kind: line.kind, amountKopecks: line.amountKopecks, kwh: line.kwh })),
    receipt: receipt
      ? {
          number: receipt.number,
          verificationCode: receipt.verificationCode,
          totalKopecks: receipt.totalKopecks,
          issuedAt: receipt.issuedAt,
          pdfUrl: receiptPdfUrl({ webPublicUrl, number: receipt.number, code: receipt.verificationCode }),
          verificationUrl: receiptVerificationUrl({ webPublicUrl, number: receipt.number, code: receipt.verificationCode }),
        }
      : null,
    ledger: {
      postings,
      posted: postings.some((p) => p.kind === 'PAYMENT'),
      refunded: postings.some((p) => p.kind === 'REFUND'),
      balanced: postings.every((p) => p.balanced),
    },
    emails: emails.map((email) => ({
      id: email.id,
      to: email.to,
      subject: email.subject,
      status: email.status,
      preview: previewOf(email.text),
      attachmentName: email.attachmentName,
      lastError: email.lastError,
      createdAt: email.createdAt,
      sentAt: email.sentAt,
    })),
    claims: payment.claims,
    audit: audit.map((row) => ({
      id: row.id,
      actorType: row.actorType,
      actorId: row.actorId,
      action: row.action,
      details: row.details,
      before: row.before,
      after: row.after,
      createdAt: row.createdAt,
    })),
  };
};

export type PaymentRecord = NonNullable<Awaited<ReturnType<typeof loadPaymentRecord>>>;

/** Whether a claim may be resolved as POSTED / REFUNDED: read from the ledger, never from a status. */
export const ledgerStateOf = async ({ prisma, paymentId }: { prisma: Pick<PrismaClient, 'ledgerPosting'>; paymentId: string }) => {
  const kinds = (await prisma.ledgerPosting.findMany({ where: { paymentId }, select: { kind: true } })).map((p) => p.kind);
  return { posted: kinds.includes('PAYMENT'), refunded: kinds.includes('REFUND') };
};
