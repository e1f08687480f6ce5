import { describe, expect, it } from 'vitest';
import { isAccountNumberShape, maskAccountNumber, parsePageParam, parsePeriod, receiptPdfPath, sameAccountNumber, statusTone } from './format';

describe('maskAccountNumber', () => {
  it('keeps the last four digits of a city account and hides the rest, length kept', () => {
    expect(maskAccountNumber('99991234567')).toEqual({ hidden: '•••••••', visible: '4567' });
  });
  it('reads the number as typed (spaces, dashes)', () => {
    expect(maskAccountNumber('9999 123-4567')).toEqual({ hidden: '•••••••', visible: '4567' });
  });
  it('always hides at least two digits of a short number', () => {
    expect(maskAccountNumber('100001')).toEqual({ hidden: '••', visible: '0001' });
    expect(maskAccountNumber('12345')).toEqual({ hidden: '••', visible: '345' });
  });
});

describe('parsePeriod', () => {
  it('reads YYYY-MM', () => {
    expect(parsePeriod('2026-10')).toEqual({ year: 2026, month: 10 });
  });
  it('refuses anything else', () => {
    for (const bad of ['2026-13', '2026-00', '2026-1', 'октябрь', '']) expect(parsePeriod(bad)).toBeNull();
  });
});

describe('parsePageParam', () => {
  it('takes a whole number from 1', () => {
    expect(parsePageParam('3')).toBe(3);
    expect(parsePageParam(['2', '5'])).toBe(2);
  });
  it('falls back to page 1 for anything else', () => {
    for (const bad of [undefined, '', '0', '-1', '1.5', 'abc', '99999999']) expect(parsePageParam(bad)).toBe(1);
  });
});

describe('sameAccountNumber and isAccountNumberShape', () => {
  it('compare digits only', () => {
    expect(sameAccountNumber('9999 1234567', '99991234567')).toBe(true);
    expect(sameAccountNumber('9999-1234568', '99991234567')).toBe(false);
    expect(sameAccountNumber('', '')).toBe(false);
  });
  it('accept 5 to 12 digits', () => {
    expect(isAccountNumberShape('100001')).toBe(true);
    expect(isAccountNumberShape('9999 123 45 67')).toBe(true);
    expect(isAccountNumberShape('1234')).toBe(false);
    expect(isAccountNumberShape('1234567890123')).toBe(false);
    expect(isAccountNumberShape('12345a')).toBe(false);
  });
});

describe('statusTone', () => {
  it('groups statuses the way the resident thinks of them', () => {
    expect(statusTone('COMPLETED')).toBe('paid');
    expect(statusTone('NEEDS_ATTENTION')).toBe('paid');
    expect(statusTone('UNCONFIRMED')).toBe('pending');
    expect(statusTone('DECLINED')).toBe('failed');
    expect(statusTone('REFUNDED')).toBe('refunded');
  });
});

describe('receiptPdfPath', () => {
  it('carries the code and the language, the number escaped', () => {
    expect(receiptPdfPath({ number: '20261126-000042', code: 'ABCD-EFGH-JKMN', locale: 'en' })).toBe(
      '/api/v1/receipts/20261126-000042.pdf?code=ABCD-EFGH-JKMN&lang=en',
    );
  });
});
