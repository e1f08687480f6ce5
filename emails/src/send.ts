// Sending one email at most once per idempotency key: through Resend when an API key is
// configured (Resend dedupes on the same key), otherwise into the local outbox table, which is
// where development mail goes. Either way the email_outbox row records what happened.
import { ApplicationFailure } from '@temporalio/common';
import { isUniqueViolation, type EmailOutbox, type PrismaClient } from '@voltpay/prisma';
import { Resend } from 'resend';

export type ResendConfig = {
  /** RESEND_API_KEY; unset means the local outbox. */
  apiKey?: string;
  /** RESEND_BASE_URL: a proxy or a test double instead of https://api.resend.com. */
  baseUrl?: string;
};

export type OutgoingEmail = {
  /** Resend's idempotency key and the outbox's unique key. */
  idempotencyKey: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachment?: { filename: string; content: Buffer; contentType: string };
  /**
   * The body is a credential (a sign-in link): once a provider has it, the outbox row keeps only
   * who, what subject and when. Kept in full without a provider, where the outbox IS the mailbox.
   */
  confidential?: boolean;
};

export type SentEmail = { channel: 'resend' | 'outbox'; to: string; messageId: string; created: boolean };

export const EmailErrorType = {
  /** Resend refused the message (bad address, bad key, bad payload): retrying the same will not help. */
  EMAIL_REJECTED: 'EMAIL_REJECTED',
} as const;

type ResendError = { message: string; statusCode: number | null; name: string };

/**
 * Worth retrying: no HTTP answer at all (the SDK reports a network failure with no status),
 * throttling, Resend's own trouble, and a parallel request still holding our key. Everything
 * else (400 validation, 401/403 key, 409 key reused with another payload, 422) needs a person.
 */
export const isTransientResendError = (error: Pick<ResendError, 'statusCode' | 'name'>): boolean => {
  const status = error.statusCode;
  if (status === null || status === undefined) return true;
  if (status === 429 || status >= 500) return true;
  return status === 409 && error.name === 'concurrent_idempotent_requests';
};

const toSent = (row: EmailOutbox, created: boolean): SentEmail => ({
  channel: row.status === 'SENT' ? 'resend' : 'outbox',
  to: row.to,
  messageId: row.providerMessageId ?? row.id,
  created,
});

const isDelivered = (row: EmailOutbox | null): row is EmailOutbox => row !== null && (row.status === 'SENT' || row.status === 'STORED');

export const findDeliveredEmail = async ({ prisma, idempotencyKey }: { prisma: PrismaClient; idempotencyKey: string }) => {
  const row = await prisma.emailOutbox.findUnique({ where: { idempotencyKey } });
  return isDelivered(row) ? toSent(row, false) : null;
};

export const sendEmail = async ({ prisma, resend, email }: { prisma: PrismaClient; resend: ResendConfig; email: OutgoingEmail }): Promise<SentEmail> => {
  const existing = await prisma.emailOutbox.findUnique({ where: { idempotencyKey: email.idempotencyKey } });
  if (isDelivered(existing)) return toSent(existing, false);

  const content = {
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    attachmentName: email.attachment?.filename ?? null,
    attachment: email.attachment ? new Uint8Array(email.attachment.content) : null,
  };
  // What the row keeps once the email is the provider's to deliver (or the provider refused it).
  const record = email.confidential ? { ...content, html: '', text: '', attachmentName: null, attachment: null } : content;

  if (!resend.apiKey) {
    try {
      const row = await prisma.emailOutbox.upsert({
        where: { idempotencyKey: email.idempotencyKey },
        create: { idempotencyKey: email.idempotencyKey, ...content, status: 'STORED', sentAt: new Date() },
        // Only a FAILED row (from a time Resend was configured) gets here: keep it now, locally.
        update: { ...content, status: 'STORED', lastError: null, sentAt: new Date() },
      });
      return toSent(row, true);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await prisma.emailOutbox.findUnique({ where: { idempotencyKey: email.idempotencyKey } });
      if (!isDelivered(winner)) throw error;
      return toSent(winner, false);
    }
  }

  const client = new Resend(resend.apiKey, resend.baseUrl ? { baseUrl: resend.baseUrl.replace(/\/+$/, '') } : {});
  const { data, error } = await client.emails.send(
    {
      from: email.from,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      ...(email.attachment
        ? { attachments: [{ filename: email.attachment.filename, content: email.attachment.content, contentType: email.attachment.contentType }] }
        : {}),
    },
    // Resend returns the first response for a repeated key: a retry after a lost answer sends nothing twice.
    { idempotencyKey: email.idempotencyKey },
  );

  if (error || !data) {
    const failure: ResendError = error ?? { message: 'Resend answered without an email id', statusCode: null, name: 'application_error' };
    const description = `${failure.statusCode ?? 'no status'} ${failure.name}: ${failure.message}`;
    if (isTransientResendError(failure)) {
      throw ApplicationFailure.retryable(`Resend is unavailable (${description})`, 'EMAIL_PROVIDER_UNAVAILABLE');
    }
    await prisma.emailOutbox.upsert({
      where: { idempotencyKey: email.idempotencyKey },
      create: { idempotencyKey: email.idempotencyKey, ...record, status: 'FAILED', lastError: description },
      update: { ...record, status: 'FAILED', lastError: description },
    });
    throw ApplicationFailure.nonRetryable(`Resend refused the email (${description})`, EmailErrorType.EMAIL_REJECTED);
  }

  const row = await prisma.emailOutbox.upsert({
    where: { idempotencyKey: email.idempotencyKey },
    create: { idempotencyKey: email.idempotencyKey, ...record, status: 'SENT', providerMessageId: data.id, sentAt: new Date() },
    update: { ...record, status: 'SENT', providerMessageId: data.id, lastError: null, sentAt: new Date() },
  });
  return toSent(row, true);
};
