// Receipt activities: issue the receipt (number + verification code) and email it with its PDF,
// each idempotent on the payment id (unique receipt per payment; outbox/Resend key = receipt number).
/** @jsxRuntime automatic @jsxImportSource react */ // whichever tsconfig a runner picks up (tsx reads the cwd's)
import { render } from '@react-email/render';
import { ApplicationFailure } from '@temporalio/common';
import type { PrismaClient } from '@voltpay/prisma';
import type { DeliverySummary, PaymentActivities } from '@voltpay/workflows/payment';
import { z } from 'zod';
import { findDeliveredEmail, ReceiptEmail, receiptEmailSubject, sendEmail, type ResendConfig, type SentEmail } from '@voltpay/emails';
import { issueReceipt, loadReceiptDocument, PaymentNotRecordedError, renderReceiptPdf } from '@voltpay/receipts';

export type ReceiptActivitiesConfig = {
  prisma: PrismaClient;
  /** RECEIPT_SECRET: the HMAC key of verification codes. */
  receiptSecret: string;
  /** WEB_PUBLIC_URL: where the verification page and the PDF download live. */
  webPublicUrl: string;
  resend: ResendConfig;
  /** EMAIL_FROM. */
  emailFrom: string;
  now?: () => Date;
};

/** The env variables (stack/src/env.ts) this needs, as the worker passes them. */
export type ReceiptEnv = {
  RECEIPT_SECRET: string;
  WEB_PUBLIC_URL: string;
  RESEND_API_KEY?: string | undefined;
  RESEND_BASE_URL?: string | undefined;
  EMAIL_FROM: string;
};

/** RESEND_API_KEY set → Resend (at RESEND_BASE_URL when set); unset → the local outbox. */
export const receiptConfigFromEnv = (env: ReceiptEnv): Omit<ReceiptActivitiesConfig, 'prisma' | 'now'> => ({
  receiptSecret: env.RECEIPT_SECRET,
  webPublicUrl: env.WEB_PUBLIC_URL,
  resend: {
    ...(env.RESEND_API_KEY ? { apiKey: env.RESEND_API_KEY } : {}),
    ...(env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : {}),
  },
  emailFrom: env.EMAIL_FROM,
});

export const ReceiptErrorType = {
  /** deliverReceipt ran before issueReceipt: a workflow bug. */
  RECEIPT_NOT_ISSUED: 'RECEIPT_NOT_ISSUED',
  INVALID_EMAIL: 'INVALID_EMAIL',
} as const;

const emailSchema = z.email();

const toDelivery = (sent: SentEmail): DeliverySummary => ({ channel: sent.channel, to: sent.to, messageId: sent.messageId });

export const createReceiptActivities = ({ prisma, receiptSecret, webPublicUrl, resend, emailFrom, now }: ReceiptActivitiesConfig) =>
  ({
    issueReceipt: async (input) => {
      // The workflow says what the receipt certifies; an input from before it did (the payment id alone) leaves it to the row.
      const facts = 'totalKopecks' in input ? { accountNumber: input.accountNumber, totalKopecks: input.totalKopecks } : undefined;
      try {
        return await issueReceipt({ prisma, receiptSecret, webPublicUrl, paymentId: input.paymentId, ...(facts ? { facts } : {}), ...(now ? { now } : {}) });
      } catch (error) {
        // The payment row is written before this runs; if it is missing, a retry may find it.
        if (error instanceof PaymentNotRecordedError) throw ApplicationFailure.retryable(error.message, 'PAYMENT_NOT_RECORDED');
        throw error;
      }
    },

    deliverReceipt: async ({ paymentId, email, locale }) => {
      const to = email.trim();
      if (!emailSchema.safeParse(to).success) {
        throw ApplicationFailure.nonRetryable(`Not an email address: ${JSON.stringify(to)}`, ReceiptErrorType.INVALID_EMAIL);
      }
      const receipt = await loadReceiptDocument({ prisma, webPublicUrl, paymentId });
      if (!receipt) {
        throw ApplicationFailure.nonRetryable(`Payment ${paymentId} has no receipt to deliver.`, ReceiptErrorType.RECEIPT_NOT_ISSUED);
      }

      // The first delivery is keyed by the receipt number (Resend's idempotency key too). An
      // operator who corrects the address sends a different email, so it needs its own key:
      // Resend rejects a reused key with another payload.
      const first = await prisma.emailOutbox.findUnique({ where: { idempotencyKey: receipt.number } });
      const idempotencyKey = !first || first.to.toLowerCase() === to.toLowerCase() ? receipt.number : `${receipt.number}:${to.toLowerCase()}`;
      const delivered = await findDeliveredEmail({ prisma, idempotencyKey });
      if (delivered) return toDelivery(delivered);

      const props = { receipt, locale };
      const [html, text, pdf] = await Promise.all([
        render(<ReceiptEmail {...props} />),
        render(<ReceiptEmail {...props} />, { plainText: true }),
        renderReceiptPdf(receipt, locale),
      ]);
      const sent = await sendEmail({
        prisma,
        resend,
        email: {
          idempotencyKey,
          from: emailFrom,
          to,
          subject: receiptEmailSubject(props),
          html,
          text,
          attachment: { filename: `receipt-${receipt.number}.pdf`, content: pdf, contentType: 'application/pdf' },
        },
      });
      return toDelivery(sent);
    },
  }) satisfies Pick<PaymentActivities, 'issueReceipt' | 'deliverReceipt'>;
