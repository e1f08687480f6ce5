// Receipts against the real Postgres: numbering per Omsk day without gaps, one receipt per payment,
// verification (valid, tampered, unknown), the PDF, and delivery to the local outbox or to Resend
// (a local test double standing in for api.resend.com through RESEND_BASE_URL).
import { randomInt, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import { loadReceiptDocument, renderReceiptPdf, verifyReceipt } from '@voltpay/receipts';
import { createReceiptActivities, receiptConfigFromEnv } from '@voltpay/activities/receipts/activities';
import { createPrismaClient, type PrismaClient } from '@voltpay/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from './support/stack-env';
import { createTestAccount } from './support/payments';

const RECEIPT_SECRET = `receipt-test-secret-${randomUUID()}`;
const WEB_PUBLIC_URL = 'https://pay.voltpay.test';
const env = { RECEIPT_SECRET, WEB_PUBLIC_URL, EMAIL_FROM: 'Voltpay <receipts@voltpay.test>' };

let prisma: PrismaClient;
const accountIds: string[] = [];
const paymentIds: string[] = [];
const counterDays: string[] = [];

/**
 * A day nobody else issues receipts on (far in the future, random per run): the shared database's
 * real counters are untouched and this run owns the day's whole sequence.
 */
const privateDay = () => {
  const day = new Date(Date.UTC(2200 + randomInt(0, 700), randomInt(0, 12), 1 + randomInt(0, 28)));
  const iso = day.toISOString().slice(0, 10);
  counterDays.push(iso);
  return iso;
};
/** Noon in Omsk (06:00 UTC) on `day`. */
const omskNoon = (day: string) => new Date(`${day}T06:00:00.000Z`);

const createPayment = async ({ totalKopecks = 1_279_68 }: { totalKopecks?: number } = {}) => {
  const account = await createTestAccount(prisma, { plan: 'SINGLE_RATE', stove: 'ELECTRIC', lastReadings: {} });
  accountIds.push(account.id);
  const paymentId = randomUUID();
  paymentIds.push(paymentId);
  const electricity = totalKopecks - 45_12;
  await prisma.payment.create({
    data: {
      id: paymentId,
      workflowId: `payment-${paymentId}`,
      accountId: account.id,
      period: '2026-10',
      status: 'POSTING',
      totalKopecks,
      termsVersion: '2026-11-01',
      termsAcceptedAt: new Date(),
      receiptEmail: 'resident@example.com',
      acquirerOrderId: `ord-${paymentId.slice(0, 8)}`,
      cardLast4: '4242',
      revision: 1,
      lines: {
        create: [
          {
            kind: 'ELECTRICITY',
            amountKopecks: electricity,
            kwh: 230,
            details: { zones: [{ zone: 'SINGLE', start: 12_000, end: 12_230, kwh: 230 }] },
            position: 0,
          },
          { kind: 'COMMON_AREA', amountKopecks: 45_12, position: 1 },
        ],
      },
    },
  });
  return { paymentId, accountNumber: account.number };
};

beforeAll(() => {
  prisma = createPrismaClient({ connectionString: stackEnv.databaseUrl });
});

afterAll(async () => {
  if (prisma) {
    const receipts = await prisma.receipt.findMany({ where: { paymentId: { in: paymentIds } }, select: { number: true } });
    const numbers = receipts.map((r) => r.number);
    await prisma.emailOutbox.deleteMany({ where: { OR: numbers.map((number) => ({ idempotencyKey: { startsWith: number } })) } });
    await prisma.receipt.deleteMany({ where: { paymentId: { in: paymentIds } } });
    await prisma.receiptCounter.deleteMany({ where: { day: { in: counterDays.map((day) => new Date(`${day}T00:00:00Z`)) } } });
    await prisma.payment.deleteMany({ where: { id: { in: paymentIds } } });
    await prisma.account.deleteMany({ where: { id: { in: accountIds } } });
    await prisma.$disconnect();
  }
});

describe('issueReceipt', () => {
  it('numbers receipts YYYYMMDD-NNNNNN in order within the Omsk day, and a retry returns the same receipt', async () => {
    const day = privateDay();
    const activities = createReceiptActivities({ prisma, ...receiptConfigFromEnv(env), now: () => omskNoon(day) });
    const payments = [await createPayment(), await createPayment(), await createPayment()];
    const issued = [];
    for (const { paymentId } of payments) issued.push(await activities.issueReceipt({ paymentId }));
    const prefix = day.replaceAll('-', '');
    expect(issued.map((r) => r.number)).toEqual([`${prefix}-000001`, `${prefix}-000002`, `${prefix}-000003`]);

    const retried = await activities.issueReceipt({ paymentId: payments[1]!.paymentId });
    expect(retried).toEqual(issued[1]);
    expect(retried.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(retried.verificationUrl).toBe(`${WEB_PUBLIC_URL}/receipts/verify?number=${retried.number}&code=${retried.verificationCode}`);
    expect(retried.totalKopecks).toBe(1_279_68);

    // The retry burnt no number: the next payment gets 4.
    const fourth = await activities.issueReceipt({ paymentId: (await createPayment()).paymentId });
    expect(fourth.number).toBe(`${prefix}-000004`);
  });

  it('five concurrent issues for one payment make one receipt and use one number', async () => {
    const day = privateDay();
    const activities = createReceiptActivities({ prisma, ...receiptConfigFromEnv(env), now: () => omskNoon(day) });
    const { paymentId } = await createPayment();
    const results = await Promise.all(Array.from({ length: 5 }, () => activities.issueReceipt({ paymentId })));
    expect(new Set(results.map((r) => r.number))).toEqual(new Set([`${day.replaceAll('-', '')}-000001`]));
    expect(await prisma.receipt.count({ where: { paymentId } })).toBe(1);
    const counter = await prisma.receiptCounter.findUniqueOrThrow({ where: { day: new Date(`${day}T00:00:00Z`) } });
    expect(counter.last).toBe(1);
  });

  it('starts the next day’s sequence at 18:00 UTC, midnight in Omsk', async () => {
    const day = privateDay();
    const tomorrow = new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600_000).toISOString().slice(0, 10);
    counterDays.push(tomorrow);
    const issueAt = async (instant: string) =>
      createReceiptActivities({ prisma, ...receiptConfigFromEnv(env), now: () => new Date(instant) }).issueReceipt({
        paymentId: (await createPayment()).paymentId,
      });
    // Both instants fall on the same UTC date; the second is already the next day in Omsk.
    expect((await issueAt(`${day}T17:59:59.999Z`)).number).toBe(`${day.replaceAll('-', '')}-000001`);
    expect((await issueAt(`${day}T18:00:00.000Z`)).number).toBe(`${tomorrow.replaceAll('-', '')}-000001`);
  });

  it('is retried, not failed, when the payment row is not written yet', async () => {
    const activities = createReceiptActivities({ prisma, ...receiptConfigFromEnv(env), now: () => omskNoon(privateDay()) });
    const attempt = activities.issueReceipt({ paymentId: randomUUID() });
    await expect(attempt).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(attempt).rejects.toMatchObject({ nonRetryable: false, type: 'PAYMENT_NOT_RECORDED' });
  });

  it('certifies the account and total the workflow sends, not what the row holds; the payment id alone still reads the row', async () => {
    const day = privateDay();
    const activities = createReceiptActivities({ prisma, ...receiptConfigFromEnv(env), now: () => omskNoon(day) });
    const { paymentId, accountNumber } = await createPayment({ totalKopecks: 2_000_00 });
    // The row's total no longer owns the fact: the receipt is for what the workflow says.
    await prisma.payment.update({ where: { id: paymentId }, data: { totalKopecks: 1 } });
    const receipt = await activities.issueReceipt({ paymentId, accountNumber, totalKopecks: 2_000_00 });
    expect(receipt).toMatchObject({ number: `${day.replaceAll('-', '')}-000001`, totalKopecks: 2_000_00 });
    expect(await verifyReceipt({ prisma, receiptSecret: RECEIPT_SECRET, number: receipt.number, code: receipt.verificationCode })).toMatchObject({
      status: 'VALID',
      receipt: { totalKopecks: 2_000_00, accountNumber },
    });
    // A retry, with either input, returns that receipt and burns no number.
    expect(await activities.issueReceipt({ paymentId, accountNumber, totalKopecks: 2_000_00 })).toEqual(receipt);
    expect(await activities.issueReceipt({ paymentId })).toEqual(receipt);
    const counter = await prisma.receiptCounter.findUniqueOrThrow({ where: { day: new Date(`${day}T00:00:00Z`) } });
    expect(counter.last).toBe(1);

    // Facts for a payment whose row is not written yet: the foreign key says so, and it is retried without a number spent.
    const early = activities.issueReceipt({ paymentId: randomUUID(), accountNumber, totalKopecks: 2_000_00 });
    await expect(early).rejects.toMatchObject({ nonRetryable: false, type: 'PAYMENT_NOT_RECORDED' });
    expect((await prisma.receiptCounter.findUniqueOrThrow({ where: { day: new Date(`${day}T00:00:00Z`) } })).last).toBe(1);
  });
});

describe('verifyReceipt', () => {
  it('says VALID for the printed code, however it is typed, and NOT_FOUND / CODE_MISMATCH otherwise', async () => {
    const activities = createReceiptActivities({ prisma, ...receiptConfigFromEnv(env), now: () => omskNoon(privateDay()) });
    const { paymentId, accountNumber } = await createPayment();
    const receipt = await activities.issueReceipt({ paymentId });

    const valid = await verifyReceipt({ prisma, receiptSecret: RECEIPT_SECRET, number: receipt.number, code: receipt.verificationCode });
    expect(valid).toEqual({
      status: 'VALID',
      receipt: {
        number: receipt.number,
        issuedAt: receipt.issuedAt,
        totalKopecks: 1_279_68,
        period: '2026-10',
        accountNumber,
        paymentStatus: 'POSTING',
      },
    });
    const typed = await verifyReceipt({
      prisma,
      receiptSecret: RECEIPT_SECRET,
      number: ` ${receipt.number.replace('-', ' ')} `,
      code: receipt.verificationCode.toLowerCase().replaceAll('-', ' '),
    });
    expect(typed.status).toBe('VALID');

    const wrongCode = `${receipt.verificationCode.slice(0, -1)}${receipt.verificationCode.endsWith('0') ? '1' : '0'}`;
    expect(await verifyReceipt({ prisma, receiptSecret: RECEIPT_SECRET, number: receipt.number, code: wrongCode })).toEqual({ status: 'CODE_MISMATCH' });
    expect(
      await verifyReceipt({ prisma, receiptSecret: 'another-secret-another-secret-another', number: receipt.number, code: receipt.verificationCode }),
    ).toEqual({
      status: 'CODE_MISMATCH',
    });
    expect(await verifyReceipt({ prisma, receiptSecret: RECEIPT_SECRET, number: '19990101-999999', code: receipt.verificationCode })).toEqual({
      status: 'NOT_FOUND',
    });
    expect(await verifyReceipt({ prisma, receiptSecret: RECEIPT_SECRET, number: 'not a number', code: receipt.verificationCode })).toEqual({
      status: 'NOT_FOUND',
    });

    // Someone edits the stored total: the printed code no longer proves it.
    await prisma.receipt.update({ where: { paymentId }, data: { totalKopecks: 1 } });
    expect(await verifyReceipt({ prisma, receiptSecret: RECEIPT_SECRET, number: receipt.number, code: receipt.verificationCode })).toEqual({
      status: 'CODE_MISMATCH',
    });
  });
});

describe('the receipt PDF', () => {
  it('is a PDF with the receipt number, DejaVu Sans for Cyrillic, the QR image and the verification link', async () => {
    const activities = createReceiptActivities({ prisma, ...receiptConfigFromEnv(env), now: () => omskNoon(privateDay()) });
    const { paymentId } = await createPayment();
    const receipt = await activities.issueReceipt({ paymentId });
    const document = await loadReceiptDocument({ prisma, webPublicUrl: WEB_PUBLIC_URL, number: receipt.number });
    expect(document).toMatchObject({
      number: receipt.number,
      verificationCode: receipt.verificationCode,
      verificationUrl: receipt.verificationUrl,
      pdfUrl: `${WEB_PUBLIC_URL}/api/v1/receipts/${receipt.number}.pdf?code=${receipt.verificationCode}`,
      paymentId,
      account: { districtName: 'Омск', settlementName: 'Омск', maskedAddress: expect.stringMatching(/^г\. Омск, ул\. Тестовая, д\. \d+, кв\. ••$/) },
      lines: [
        { kind: 'ELECTRICITY', amountKopecks: 1_234_56, kwh: 230, readings: [{ zone: 'SINGLE', start: 12_000, end: 12_230, kwh: 230 }] },
        { kind: 'COMMON_AREA', amountKopecks: 45_12, kwh: null, readings: [] },
      ],
      totalKopecks: 1_279_68,
      cardLast4: '4242',
    });
    expect(await loadReceiptDocument({ prisma, webPublicUrl: WEB_PUBLIC_URL, paymentId })).toEqual(document);
    expect(await loadReceiptDocument({ prisma, webPublicUrl: WEB_PUBLIC_URL, number: '19990101-999999' })).toBeNull();

    const pdf = await renderReceiptPdf(document!, 'ru');
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
    // The number is the document's Subject (metadata is never compressed); the text itself is glyph ids.
    expect(raw).toMatch(new RegExp(`/Subject \\d+ 0 R`));
    expect(raw).toContain(`(${receipt.number})`);
    expect(raw).toContain(`/URI (${receipt.verificationUrl})`);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/Subtype \/Image/);
    expect((raw.match(/\/Type \/Page\b/g) ?? []).length).toBe(1);
    // Repeatable byte for byte: a retried email carries the identical attachment.
    expect((await renderReceiptPdf(document!, 'ru')).equals(pdf)).toBe(true);
  });
});

describe('deliverReceipt', () => {
  it('without RESEND_API_KEY keeps the email in the local outbox, once', async () => {
    const activities = createReceiptActivities({ prisma, ...receiptConfigFromEnv(env), now: () => omskNoon(privateDay()) });
    const { paymentId } = await createPayment();
    const receipt = await activities.issueReceipt({ paymentId });
    const first = await activities.deliverReceipt({ paymentId, email: 'resident@example.com', locale: 'ru' });
    const second = await activities.deliverReceipt({ paymentId, email: 'resident@example.com', locale: 'ru' });
    expect(first).toMatchObject({ channel: 'outbox', to: 'resident@example.com' });
    expect(second).toEqual(first);
    if (first.channel === 'none') throw new Error('unreachable: asserted above');

    const rows = await prisma.emailOutbox.findMany({ where: { idempotencyKey: receipt.number } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ status: 'STORED', to: 'resident@example.com', id: first.messageId });
    expect(row.subject).toContain(receipt.number);
    expect(row.html).toContain(receipt.verificationCode);
    expect(row.html).toContain(`${WEB_PUBLIC_URL}/api/v1/receipts/${receipt.number}.pdf`);
    expect(row.text).toContain(receipt.number);
    expect(row.attachmentName).toBe(`receipt-${receipt.number}.pdf`);
    expect(Buffer.from(row.attachment!).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses an address that is not one, without writing anything', async () => {
    const activities = createReceiptActivities({ prisma, ...receiptConfigFromEnv(env), now: () => omskNoon(privateDay()) });
    const { paymentId } = await createPayment();
    const receipt = await activities.issueReceipt({ paymentId });
    await expect(activities.deliverReceipt({ paymentId, email: 'not-an-email', locale: 'ru' })).rejects.toMatchObject({
      nonRetryable: true,
      type: 'INVALID_EMAIL',
    });
    expect(await prisma.emailOutbox.count({ where: { idempotencyKey: { startsWith: receipt.number } } })).toBe(0);
  });

  describe('with RESEND_API_KEY and RESEND_BASE_URL (a Resend test double)', () => {
    type Recorded = { method: string; url: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };
    let server: Server;
    let baseUrl: string;
    const requests: Recorded[] = [];
    /** What the double answers next: Resend's success body, or an error status with Resend's error body. */
    let respond: (request: Recorded) => { status: number; body: unknown } = () => ({ status: 200, body: { id: randomUUID() } });

    beforeAll(async () => {
      server = createServer((req, res) => {
        let data = '';
        req.on('data', (chunk) => (data += chunk));
        req.on('end', () => {
          const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: JSON.parse(data || '{}') };
          requests.push(recorded);
          const { status, body } = respond(recorded);
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const resendActivities = () =>
      createReceiptActivities({
        prisma,
        ...receiptConfigFromEnv({ ...env, RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: baseUrl }),
        now: () => omskNoon(privateDay()),
      });

    it('sends exactly one request keyed by the receipt number, even when delivery runs twice', async () => {
      const activities = resendActivities();
      const { paymentId } = await createPayment();
      const receipt = await activities.issueReceipt({ paymentId });
      const providerId = randomUUID();
      respond = () => ({ status: 200, body: { id: providerId } });

      const first = await activities.deliverReceipt({ paymentId, email: 'resident@example.com', locale: 'en' });
      const second = await activities.deliverReceipt({ paymentId, email: 'resident@example.com', locale: 'en' });
      expect(first).toEqual({ channel: 'resend', to: 'resident@example.com', messageId: providerId });
      expect(second).toEqual(first);

      const mine = requests.filter((r) => r.headers['idempotency-key'] === receipt.number);
      expect(mine).toHaveLength(1);
      const [request] = mine;
      expect(request).toMatchObject({ method: 'POST', url: '/emails' });
      expect(request!.headers.authorization).toBe('Bearer re_test_key');
      expect(request!.body).toMatchObject({ from: env.EMAIL_FROM, to: 'resident@example.com', subject: `Electricity payment receipt No. ${receipt.number}` });
      const attachments = request!.body.attachments as { filename: string; content: string }[];
      expect(attachments).toHaveLength(1);
      expect(attachments[0]!.filename).toBe(`receipt-${receipt.number}.pdf`);
      expect(Buffer.from(attachments[0]!.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

      const row = await prisma.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: receipt.number } });
      expect(row).toMatchObject({ status: 'SENT', providerMessageId: providerId, to: 'resident@example.com', lastError: null });
    });

    it('records a refusal (422) as FAILED and does not retry it; a 500 is retried', async () => {
      const activities = resendActivities();
      const { paymentId } = await createPayment();
      const receipt = await activities.issueReceipt({ paymentId });

      respond = () => ({ status: 500, body: { statusCode: 500, name: 'internal_server_error', message: 'boom' } });
      const transient = activities.deliverReceipt({ paymentId, email: 'resident@example.com', locale: 'ru' });
      await expect(transient).rejects.toMatchObject({ nonRetryable: false, type: 'EMAIL_PROVIDER_UNAVAILABLE' });
      expect(await prisma.emailOutbox.findUnique({ where: { idempotencyKey: receipt.number } })).toBeNull();

      respond = () => ({ status: 422, body: { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' } });
      const refused = activities.deliverReceipt({ paymentId, email: 'resident@example.com', locale: 'ru' });
      await expect(refused).rejects.toMatchObject({ nonRetryable: true, type: 'EMAIL_REJECTED' });
      const row = await prisma.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: receipt.number } });
      expect(row.status).toBe('FAILED');
      expect(row.lastError).toContain('validation_error');

      // Once the provider accepts it (an operator's retry), the same row becomes SENT.
      respond = () => ({ status: 200, body: { id: 'accepted-later' } });
      expect(await activities.deliverReceipt({ paymentId, email: 'resident@example.com', locale: 'ru' })).toMatchObject({
        channel: 'resend',
        messageId: 'accepted-later',
      });
      expect(requests.filter((r) => r.headers['idempotency-key'] === receipt.number)).toHaveLength(3);
      expect((await prisma.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: receipt.number } })).status).toBe('SENT');
    });

    it('a corrected address is a new email with its own key', async () => {
      const activities = resendActivities();
      const { paymentId } = await createPayment();
      const receipt = await activities.issueReceipt({ paymentId });
      respond = () => ({ status: 200, body: { id: randomUUID() } });
      await activities.deliverReceipt({ paymentId, email: 'old@example.com', locale: 'ru' });
      const corrected = await activities.deliverReceipt({ paymentId, email: 'New@Example.com', locale: 'ru' });
      expect(corrected).toMatchObject({ channel: 'resend', to: 'New@Example.com' });
      expect(requests.filter((r) => String(r.headers['idempotency-key']).startsWith(receipt.number)).map((r) => r.headers['idempotency-key'])).toEqual([
        receipt.number,
        `${receipt.number}:new@example.com`,
      ]);
    });
  });
});
