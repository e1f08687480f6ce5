// Everything printed on a receipt, loaded from the receipt, its payment and the account: the one
// shape the PDF, the email and the console render.
import type { PrismaClient } from '@voltpay/prisma';
import type { DistrictKind, Kopecks, MeterZone, PaymentLineKind, PaymentStatus, Period } from '@voltpay/domain';
import { PAYMENT_LINE_KINDS } from '@voltpay/domain';
import { maskAddress } from '@voltpay/domain/address';
import { z } from 'zod';
import { receiptPdfUrl, receiptVerificationUrl } from './format';
import { normaliseReceiptNumber } from './number';

export type ReceiptReading = { zone: MeterZone; start: number; end: number; kwh: number | null };

export type ReceiptDocumentLine = {
  kind: PaymentLineKind;
  amountKopecks: Kopecks;
  kwh: number | null;
  readings: ReceiptReading[];
};

export type ReceiptDocument = {
  number: string;
  /** As printed: `ABCD-EFGH-JKMN`. */
  verificationCode: string;
  verificationUrl: string;
  pdfUrl: string;
  issuedAt: string;
  paymentId: string;
  paymentStatus: PaymentStatus;
  account: {
    number: string;
    districtName: string;
    districtKind: DistrictKind;
    settlementName: string;
    maskedAddress: string;
  };
  period: Period;
  lines: ReceiptDocumentLine[];
  totalKopecks: Kopecks;
  cardLast4: string | null;
  acquirerOrderId: string | null;
  /** Where the receipt was asked to be emailed, if anywhere (not printed; the email uses it). */
  receiptEmail: string | null;
};

// payment_lines.details as recordPayment writes it for electricity by readings: the zones of the
// quote, as a list or under `zones`. Anything else simply prints no readings.
const zoneSchema = z.object({
  zone: z.enum(['SINGLE', 'DAY', 'NIGHT']),
  start: z.number().int(),
  end: z.number().int(),
  kwh: z.number().int().optional(),
});
const detailsSchema = z.union([z.array(zoneSchema), z.object({ zones: z.array(zoneSchema) })]);

const readingsOf = (details: unknown): ReceiptReading[] => {
  const parsed = detailsSchema.safeParse(details);
  if (!parsed.success) return [];
  const zones = Array.isArray(parsed.data) ? parsed.data : parsed.data.zones;
  return zones.map((zone) => ({ zone: zone.zone, start: zone.start, end: zone.end, kwh: zone.kwh ?? null }));
};

export type LoadReceiptDocumentOptions = {
  prisma: PrismaClient;
  webPublicUrl: string;
} & ({ number: string; paymentId?: never } | { paymentId: string; number?: never });

/** The receipt by its number (as typed: spaces and dashes are forgiven) or its payment; null when there is none. */
export const loadReceiptDocument = async (options: LoadReceiptDocumentOptions): Promise<ReceiptDocument | null> => {
  const { prisma, webPublicUrl } = options;
  let where: { number: string } | { paymentId: string };
  if (options.number !== undefined) {
    const number = normaliseReceiptNumber(options.number);
    if (!number) return null;
    where = { number };
  } else {
    if (!/^[0-9a-f-]{36}$/i.test(options.paymentId)) return null;
    where = { paymentId: options.paymentId.toLowerCase() };
  }
  const receipt = await prisma.receipt.findUnique({
    where,
    include: {
      payment: {
        include: {
          lines: { orderBy: { position: 'asc' } },
          account: { include: { district: true, settlement: true } },
        },
      },
    },
  });
  if (!receipt) return null;
  const { payment } = receipt;
  const { account } = payment;
  const order = (kind: PaymentLineKind) => PAYMENT_LINE_KINDS.indexOf(kind);
  return {
    number: receipt.number,
    verificationCode: receipt.verificationCode,
    verificationUrl: receiptVerificationUrl({ webPublicUrl, number: receipt.number, code: receipt.verificationCode }),
    pdfUrl: receiptPdfUrl({ webPublicUrl, number: receipt.number, code: receipt.verificationCode }),
    issuedAt: receipt.issuedAt.toISOString(),
    paymentId: payment.id,
    paymentStatus: payment.status,
    account: {
      number: account.number,
      districtName: account.district.name,
      districtKind: account.district.kind,
      settlementName: account.settlement.name,
      // The same mask the resident saw when paying (settlement, street, house; flat hidden).
      maskedAddress: maskAddress(account),
    },
    period: payment.period,
    lines: [...payment.lines]
      .sort((a, b) => a.position - b.position || order(a.kind) - order(b.kind))
      .map((line) => ({ kind: line.kind, amountKopecks: line.amountKopecks, kwh: line.kwh, readings: readingsOf(line.details) })),
    totalKopecks: receipt.totalKopecks,
    cardLast4: payment.cardLast4,
    acquirerOrderId: payment.acquirerOrderId,
    receiptEmail: payment.receiptEmail,
  };
};
