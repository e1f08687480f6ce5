import { describe, expect, it } from 'vitest';
import { formatReceiptNumber, normaliseReceiptNumber } from './number';

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
