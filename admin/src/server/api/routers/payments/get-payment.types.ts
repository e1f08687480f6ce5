import { z } from 'zod';
import { ZAuditRow, ZJsonValue, ZKopecks, ZPaymentLineKind, ZPaymentStatus } from './shared.types';

export const ZGetPaymentRequest = z.object({ paymentId: z.uuid('Неверный идентификатор платежа.') });

const ZPosting = z.object({
  id: z.string(),
  kind: z.enum(['PAYMENT', 'REFUND']),
  totalKopecks: ZKopecks,
  description: z.string(),
  postedAt: z.date(),
  debitKopecks: ZKopecks,
  creditKopecks: ZKopecks,
  balanced: z.boolean(),
  entries: z.array(
    z.object({
      id: z.string(),
      ledgerAccount: z.string(),
      accountId: z.string().nullable(),
      direction: z.enum(['DEBIT', 'CREDIT']),
      amountKopecks: ZKopecks,
      lineKind: ZPaymentLineKind.nullable(),
    }),
  ),
});

export const ZGetPaymentResponse = z.object({
  payment: z.object({
    id: z.string(),
    workflowId: z.string(),
    status: ZPaymentStatus,
    statusReason: z.string().nullable(),
    period: z.string(),
    totalKopecks: ZKopecks,
    receiptEmail: z.string().nullable(),
    locale: z.string(),
    acquirerOrderId: z.string().nullable(),
    cardLast4: z.string().nullable(),
    termsVersion: z.string(),
    termsAcceptedAt: z.date(),
    createdAt: z.date(),
    updatedAt: z.date(),
    completedAt: z.date().nullable(),
  }),
  account: z.object({
    id: z.string(),
    number: z.string(),
    districtName: z.string(),
    districtKind: z.enum(['CITY', 'REGION_DISTRICT']),
    settlementName: z.string(),
    address: z.string(),
  }),
  lines: z.array(z.object({ kind: ZPaymentLineKind, amountKopecks: ZKopecks, kwh: z.number().int().nullable() })),
  receipt: z
    .object({
      number: z.string(),
      verificationCode: z.string(),
      totalKopecks: ZKopecks,
      issuedAt: z.date(),
      pdfUrl: z.string(),
      verificationUrl: z.string(),
    })
    .nullable(),
  ledger: z.object({ postings: z.array(ZPosting), posted: z.boolean(), refunded: z.boolean(), balanced: z.boolean() }),
  emails: z.array(
    z.object({
      id: z.string(),
      to: z.string(),
      subject: z.string(),
      status: z.enum(['STORED', 'SENT', 'FAILED']),
      preview: z.string(),
      attachmentName: z.string().nullable(),
      lastError: z.string().nullable(),
      createdAt: z.date(),
      sentAt: z.date().nullable(),
    }),
  ),
  claims: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      status: z.enum(['OPEN', 'INVESTIGATING', 'RESOLVED']),
      resolution: z.enum(['POSTED', 'REFUNDED', 'REJECTED']).nullable(),
      residentName: z.string(),
      createdAt: z.date(),
    }),
  ),
  audit: z.array(ZAuditRow.extend({ actorType: z.enum(['STAFF', 'SYSTEM', 'RESIDENT']), details: ZJsonValue })),
  /** Where the payment's workflow is in the Temporal UI; null when TEMPORAL_UI_URL is not set. */
  temporalUiUrl: z.string().nullable(),
});

export type TGetPaymentRequest = z.input<typeof ZGetPaymentRequest>;
export type TGetPaymentResponse = z.infer<typeof ZGetPaymentResponse>;
