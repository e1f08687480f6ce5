import { describe, expect, it } from 'vitest';
import { formatReceiptNumber, normaliseReceiptNumber, toOmskDay } from './number';

describe('toOmskDay', () => {
  it('turns the day at 18:00 UTC, midnight in Omsk (UTC+6)', () => {
    expect(toOmskDay(new Date('2026-01-05T17:59:59.999Z'))).toBe('2026-01-05');
    expect(toOmskDay(new Date('2026-01-05T18:00:00.000Z'))).toBe('2026-01-06');
  });

  it('crosses months and years by the Omsk calendar', () => {
    expect(toOmskDay(new Date('2026-12-31T18:30:00Z'))).toBe('2027-01-01');
    expect(toOmskDay(new Date('2028-02-28T18:00:00Z'))).toBe('2028-02-29');
    expect(toOmskDay(new Date('2026-03-01T05:59:00Z'))).toBe('2026-03-01');
  });

  it('refuses an invalid date instead of numbering it', () => {
    expect(() => toOmskDay(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('formatReceiptNumber', () => {
  it('is the Omsk day and the six-digit sequence', () => {
    expect(formatReceiptNumber({ day: '2026-01-06', sequence: 1 })).toBe('20260106-000001');
    expect(formatReceiptNumber({ day: '2026-11-26', sequence: 123456 })).toBe('20261126-123456');
  });

  it('refuses sequences that do not fit and malformed days', () => {
    expect(() => formatReceiptNumber({ day: '2026-01-06', sequence: 0 })).toThrow();
    expect(() => formatReceiptNumber({ day: '2026-01-06', sequence: 1_000_000 })).toThrow();
    expect(() => formatReceiptNumber({ day: '2026-01-06', sequence: 1.5 })).toThrow();
    expect(() => formatReceiptNumber({ day: '20260106', sequence: 1 })).toThrow();
  });
});

describe('normaliseReceiptNumber', () => {
  it('forgives spaces, missing and typographic dashes', () => {
    for (const typed of ['20260106-000001', ' 20260106 000001 ', '20260106000001', '20260106–000001', '2026 0106-0000 01']) {
      expect(normaliseReceiptNumber(typed)).toBe('20260106-000001');
    }
  });

  it('rejects anything that is not 14 digits', () => {
    for (const typed of ['', '2026010-000001', '20260106-0000011', 'A0260106-000001', '20260106/000001']) {
      expect(normaliseReceiptNumber(typed)).toBeNull();
    }
  });
});
