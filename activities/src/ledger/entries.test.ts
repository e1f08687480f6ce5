import { describe, expect, it } from 'vitest';
import { ACQUIRER_CLEARING, CUSTOMER_RECEIVABLE, InvalidPostingError, planPaymentEntries, reverseEntries, sumByDirection } from './entries';

const accountId = '11111111-1111-4111-8111-111111111111';

describe('planPaymentEntries', () => {
  it('debits clearing by the total and credits the receivable per line', () => {
    const entries = planPaymentEntries({
      accountId,
      totalKopecks: 150_00,
      lines: [
        { kind: 'ELECTRICITY', amountKopecks: 120_00 },
        { kind: 'COMMON_AREA', amountKopecks: 30_00 },
        { kind: 'PENALTY', amountKopecks: 0 },
      ],
    });
    expect(entries).toEqual([
      { ledgerAccount: ACQUIRER_CLEARING, accountId: null, direction: 'DEBIT', amountKopecks: 150_00, lineKind: null },
      { ledgerAccount: CUSTOMER_RECEIVABLE, accountId, direction: 'CREDIT', amountKopecks: 120_00, lineKind: 'ELECTRICITY' },
      { ledgerAccount: CUSTOMER_RECEIVABLE, accountId, direction: 'CREDIT', amountKopecks: 30_00, lineKind: 'COMMON_AREA' },
    ]);
    expect(sumByDirection(entries)).toEqual({ debit: 150_00, credit: 150_00 });
  });

  it('refuses lines that do not add up to the total', () => {
    expect(() => planPaymentEntries({ accountId, totalKopecks: 100, lines: [{ kind: 'ELECTRICITY', amountKopecks: 99 }] })).toThrow(InvalidPostingError);
  });

  it('refuses fractional, negative, zero totals and duplicated lines', () => {
    const line = (amountKopecks: number) => [{ kind: 'ELECTRICITY' as const, amountKopecks }];
    expect(() => planPaymentEntries({ accountId, totalKopecks: 10.5, lines: line(10.5) })).toThrow(InvalidPostingError);
    expect(() => planPaymentEntries({ accountId, totalKopecks: 0, lines: line(0) })).toThrow(InvalidPostingError);
    expect(() =>
      planPaymentEntries({
        accountId,
        totalKopecks: 10,
        lines: [
          { kind: 'DEBT', amountKopecks: 20 },
          { kind: 'PENALTY', amountKopecks: -10 },
        ],
      }),
    ).toThrow(InvalidPostingError);
    expect(() =>
      planPaymentEntries({
        accountId,
        totalKopecks: 20,
        lines: [
          { kind: 'DEBT', amountKopecks: 10 },
          { kind: 'DEBT', amountKopecks: 10 },
        ],
      }),
    ).toThrow(InvalidPostingError);
  });
});

describe('reverseEntries', () => {
  it('swaps every direction and keeps amounts, so posting + reversal nets to zero per ledger account', () => {
    const entries = planPaymentEntries({
      accountId,
      totalKopecks: 500,
      lines: [
        { kind: 'ELECTRICITY', amountKopecks: 300 },
        { kind: 'DEBT', amountKopecks: 200 },
      ],
    });
    const reversed = reverseEntries(entries);
    expect(reversed.map((e) => e.direction)).toEqual(['CREDIT', 'DEBIT', 'DEBIT']);
    const net = new Map<string, number>();
    for (const e of [...entries, ...reversed]) {
      const key = `${e.ledgerAccount}/${e.lineKind}`;
      net.set(key, (net.get(key) ?? 0) + (e.direction === 'DEBIT' ? e.amountKopecks : -e.amountKopecks));
    }
    expect([...net.values()].every((v) => v === 0)).toBe(true);
  });
});
