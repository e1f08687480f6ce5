// Ledger posting against the real Postgres: double entry, once per payment however often or
// concurrently it is called, the meter readings with it, and the refund's exact reversal.
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { createLedgerActivities } from '@voltpay/activities/ledger';
import { createPrismaClient, type PrismaClient } from '@voltpay/prisma';
import type { LedgerPostingInput } from '@voltpay/workflows/payment';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from './support/stack-env';
import { createTestAccount } from './support/payments';

let prisma: PrismaClient;
let ledger: ReturnType<typeof createLedgerActivities>;
const accountIds: string[] = [];
const paymentIds: string[] = [];

/** A fresh demo-city account (seeded Омск, office 9999, a random number) and its recorded payment. */
const createPayment = async ({ lines }: { lines: LedgerPostingInput['lines'] }) => {
  const account = await createTestAccount(prisma, { plan: 'DAY_NIGHT', stove: 'GAS', lastReadings: {} });
  accountIds.push(account.id);
  const paymentId = randomUUID();
  paymentIds.push(paymentId);
  const totalKopecks = lines.reduce((sum, line) => sum + line.amountKopecks, 0);
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
      acquirerOrderId: `ord-${paymentId.slice(0, 8)}`,
      cardLast4: '4242',
      revision: 1,
      lines: { create: lines.map((line, position) => ({ kind: line.kind, amountKopecks: line.amountKopecks, position })) },
    },
  });
  const input: LedgerPostingInput = {
    paymentId,
    accountId: account.id,
    period: '2026-10',
    acquirerOrderId: `ord-${paymentId.slice(0, 8)}`,
    totalKopecks,
    lines,
    readings: [
      { zone: 'DAY', value: 12_345 },
      { zone: 'NIGHT', value: 6_789 },
    ],
  };
  return input;
};

const LINES: LedgerPostingInput['lines'] = [
  { kind: 'ELECTRICITY', amountKopecks: 1_234_56 },
  { kind: 'COMMON_AREA', amountKopecks: 45_12 },
  { kind: 'PENALTY', amountKopecks: 3_00 },
];

const postingsOf = (paymentId: string) => prisma.ledgerPosting.findMany({ where: { paymentId }, include: { entries: true }, orderBy: { postedAt: 'asc' } });

const signed = (entry: { direction: string; amountKopecks: number }) => (entry.direction === 'DEBIT' ? entry.amountKopecks : -entry.amountKopecks);

beforeAll(() => {
  prisma = createPrismaClient({ connectionString: stackEnv.databaseUrl });
  ledger = createLedgerActivities({ prisma });
});

afterAll(async () => {
  if (prisma && paymentIds.length > 0) {
    await prisma.ledgerEntry.deleteMany({ where: { posting: { paymentId: { in: paymentIds } } } });
    await prisma.ledgerPosting.deleteMany({ where: { paymentId: { in: paymentIds } } });
    await prisma.meterReading.deleteMany({ where: { accountId: { in: accountIds } } });
    await prisma.payment.deleteMany({ where: { id: { in: paymentIds } } });
    await prisma.account.deleteMany({ where: { id: { in: accountIds } } });
  }
  await prisma?.$disconnect();
});

describe('postToLedger', () => {
  it('writes one balanced posting: clearing debited by the total, the receivable credited per line', async () => {
    const input = await createPayment({ lines: LINES });
    const result = await ledger.postToLedger(input);
    expect(result.created).toBe(true);

    const [posting, ...others] = await postingsOf(input.paymentId);
    expect(others).toHaveLength(0);
    expect(posting).toMatchObject({ id: result.postingId, kind: 'PAYMENT', totalKopecks: 1_282_68 });
    const entries = posting!.entries;
    expect(entries.filter((e) => e.direction === 'DEBIT')).toEqual([
      expect.objectContaining({ ledgerAccount: 'acquirer_clearing', amountKopecks: 1_282_68, lineKind: null }),
    ]);
    expect(
      entries
        .filter((e) => e.direction === 'CREDIT')
        .map((e) => [e.ledgerAccount, e.accountId, e.lineKind, e.amountKopecks])
        .sort(),
    ).toEqual(
      [
        ['customer_receivable', input.accountId, 'COMMON_AREA', 45_12],
        ['customer_receivable', input.accountId, 'ELECTRICITY', 1_234_56],
        ['customer_receivable', input.accountId, 'PENALTY', 3_00],
      ].sort(),
    );
    expect(entries.reduce((sum, e) => sum + signed(e), 0)).toBe(0);
  });

  it('posts nothing new on a retry, and records the readings once', async () => {
    const input = await createPayment({ lines: LINES });
    const first = await ledger.postToLedger(input);
    const again = await ledger.postToLedger(input);
    expect(again).toEqual({ postingId: first.postingId, created: false });
    expect(await postingsOf(input.paymentId)).toHaveLength(1);

    const readings = await prisma.meterReading.findMany({ where: { paymentId: input.paymentId }, orderBy: { zone: 'asc' } });
    expect(readings.map((r) => [r.zone, r.value, r.period, r.source, r.accountId])).toEqual([
      ['DAY', 12_345, '2026-10', 'PAYMENT', input.accountId],
      ['NIGHT', 6_789, '2026-10', 'PAYMENT', input.accountId],
    ]);
  });

  it('five concurrent calls make exactly one posting and one set of readings', async () => {
    const input = await createPayment({ lines: LINES });
    const results = await Promise.all(Array.from({ length: 5 }, () => ledger.postToLedger(input)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.postingId)).size).toBe(1);
    expect(await postingsOf(input.paymentId)).toHaveLength(1);
    expect(await prisma.meterReading.count({ where: { paymentId: input.paymentId } })).toBe(2);
  });

  it('refuses, without retry and without writing, lines that do not add up or readings that make no sense', async () => {
    const input = await createPayment({ lines: LINES });
    const unbalanced = ledger.postToLedger({ ...input, lines: [{ kind: 'ELECTRICITY', amountKopecks: 1_234_56 }] });
    await expect(unbalanced).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(unbalanced).rejects.toMatchObject({ nonRetryable: true, type: 'INVALID_POSTING' });

    const badReading = ledger.postToLedger({ ...input, readings: [{ zone: 'DAY', value: -1 }] });
    await expect(badReading).rejects.toMatchObject({ nonRetryable: true, type: 'INVALID_POSTING' });

    expect(await postingsOf(input.paymentId)).toHaveLength(0);
    expect(await prisma.meterReading.count({ where: { paymentId: input.paymentId } })).toBe(0);
  });

  it('takes the facts from its input; a payment whose row is not written yet is retried, with nothing written', async () => {
    const input = await createPayment({ lines: LINES });
    const unrecorded = { ...input, paymentId: randomUUID() };
    const early = ledger.postToLedger(unrecorded);
    await expect(early).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(early).rejects.toMatchObject({ nonRetryable: false, type: 'PAYMENT_NOT_RECORDED' });
    expect(await postingsOf(unrecorded.paymentId)).toHaveLength(0);
    expect(await prisma.meterReading.count({ where: { paymentId: unrecorded.paymentId } })).toBe(0);

    // The row's own columns are not consulted: the posting is the input's.
    await prisma.payment.update({ where: { id: input.paymentId }, data: { totalKopecks: 1 } });
    await ledger.postToLedger(input);
    const [posting] = await postingsOf(input.paymentId);
    expect(posting).toMatchObject({ kind: 'PAYMENT', totalKopecks: input.totalKopecks });
  });

  it('posts a typed amount (no readings) with zero lines left out', async () => {
    const input = await createPayment({
      lines: [
        { kind: 'ELECTRICITY', amountKopecks: 500_00 },
        { kind: 'PENALTY', amountKopecks: 0 },
      ],
    });
    await ledger.postToLedger({ ...input, readings: [] });
    const [posting] = await postingsOf(input.paymentId);
    expect(posting!.entries.map((e) => [e.direction, e.amountKopecks, e.lineKind]).sort()).toEqual(
      [
        ['CREDIT', 500_00, 'ELECTRICITY'],
        ['DEBIT', 500_00, null],
      ].sort(),
    );
    expect(await prisma.meterReading.count({ where: { paymentId: input.paymentId } })).toBe(0);
  });
});

describe('postRefundToLedger', () => {
  it('reverses the payment posting exactly once, leaving every ledger account at zero', async () => {
    const input = await createPayment({ lines: LINES });
    await ledger.postToLedger(input);

    const results = await Promise.all(Array.from({ length: 3 }, () => ledger.postRefundToLedger({ paymentId: input.paymentId, reason: 'test refund' })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const again = await ledger.postRefundToLedger({ paymentId: input.paymentId, reason: 'test refund' });
    expect(again).toEqual({ postingId: results[0]!.postingId, created: false });

    const postings = await postingsOf(input.paymentId);
    expect(postings.map((p) => p.kind).sort()).toEqual(['PAYMENT', 'REFUND']);
    const refund = postings.find((p) => p.kind === 'REFUND')!;
    expect(refund.totalKopecks).toBe(input.totalKopecks);
    expect(refund.entries.reduce((sum, e) => sum + signed(e), 0)).toBe(0);

    const net = new Map<string, number>();
    for (const entry of postings.flatMap((p) => p.entries)) {
      const key = `${entry.ledgerAccount}/${entry.accountId}/${entry.lineKind}`;
      net.set(key, (net.get(key) ?? 0) + signed(entry));
    }
    expect(net.size).toBe(4);
    expect([...net.values()]).toEqual([0, 0, 0, 0]);
  });

  it('posts nothing when the payment was never posted', async () => {
    const input = await createPayment({ lines: LINES });
    expect(await ledger.postRefundToLedger({ paymentId: input.paymentId, reason: 'never posted' })).toEqual({ postingId: null, created: false });
    expect(await postingsOf(input.paymentId)).toHaveLength(0);
  });
});
