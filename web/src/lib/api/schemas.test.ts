import { CURRENT_TERMS_VERSION } from '@voltpay/workflows/payment';
import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { validate } from './http';
import {
  ReceiptPdfQuery,
  SetAccountRequest,
  SetElectricityRequest,
  SetLineOptionsRequest,
  SetPeriodRequest,
  SetReceiptEmailRequest,
  StartPaymentRequest,
} from './schemas';

/** The issues of a failed validation, as the client gets them (codes and paths). */
const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error.issues?.map(({ path, code }) => ({ path, code }));
    throw error;
  }
  throw new Error('expected a validation failure');
};

describe('request schemas', () => {
  it('start: needs the “I agree” and the version; settings are shape-checked', () => {
    expect(validate({ schema: StartPaymentRequest, input: { acceptTerms: true, termsVersion: CURRENT_TERMS_VERSION }, locale: 'ru' })).toEqual({
      acceptTerms: true,
      termsVersion: CURRENT_TERMS_VERSION,
    });
    expect(issuesOf(() => validate({ schema: StartPaymentRequest, input: { acceptTerms: 'yes', termsVersion: '' }, locale: 'ru' }))).toEqual([
      { path: ['acceptTerms'], code: 'TERMS_NOT_ACCEPTED' },
      { path: ['termsVersion'], code: 'TERMS_VERSION_REQUIRED' },
    ]);
    expect(
      issuesOf(() =>
        validate({ schema: StartPaymentRequest, input: { acceptTerms: true, termsVersion: 'v', settings: { ceilingKopecks: -1, evil: 1 } }, locale: 'ru' }),
      )?.map((i) => i.path.join('.')),
    ).toEqual(['settings.ceilingKopecks', 'settings']);
  });

  it('account: spaces and dashes are ignored, letters are not', () => {
    expect(validate({ schema: SetAccountRequest, input: { districtCode: ' OMSK ', accountNumber: '9999 123-45 67' }, locale: 'ru' })).toEqual({
      districtCode: 'omsk',
      accountNumber: '99991234567',
    });
    expect(issuesOf(() => validate({ schema: SetAccountRequest, input: { districtCode: 'omsk', accountNumber: '12a45' }, locale: 'ru' }))).toEqual([
      { path: ['accountNumber'], code: 'ACCOUNT_NUMBER_INVALID' },
    ]);
    expect(issuesOf(() => validate({ schema: SetAccountRequest, input: { districtCode: 'a b', settlementId: 'x', accountNumber: 5 }, locale: 'ru' }))).toEqual([
      { path: ['districtCode'], code: 'DISTRICT_CODE_INVALID' },
      { path: ['settlementId'], code: 'SETTLEMENT_ID_INVALID' },
      { path: ['accountNumber'], code: 'ACCOUNT_NUMBER_INVALID' },
    ]);
  });

  it('period: YYYY-MM only', () => {
    expect(validate({ schema: SetPeriodRequest, input: { period: '2026-10' }, locale: 'ru' })).toEqual({ period: '2026-10' });
    for (const period of ['2026-13', '2026-1', '10.2026', 202610]) {
      expect(issuesOf(() => validate({ schema: SetPeriodRequest, input: { period }, locale: 'ru' }))?.[0]?.path).toEqual(['period']);
    }
  });

  it('electricity: readings as given; an amount in kopecks or as typed in roubles', () => {
    const readings = {
      kind: 'readings',
      readings: [
        { zone: 'DAY', start: 100, end: 150 },
        { zone: 'NIGHT', start: 10, end: 20 },
      ],
    };
    expect(validate({ schema: SetElectricityRequest, input: readings, locale: 'ru' })).toEqual(readings);
    expect(validate({ schema: SetElectricityRequest, input: { kind: 'amount', amountKopecks: 123456 }, locale: 'ru' })).toEqual({
      kind: 'amount',
      amountKopecks: 123456,
    });
    expect(validate({ schema: SetElectricityRequest, input: { kind: 'amount', amount: '1 234,56' }, locale: 'ru' })).toEqual({
      kind: 'amount',
      amountKopecks: 123456,
    });
    expect(validate({ schema: SetElectricityRequest, input: { kind: 'amount', amount: '1234.5 ₽' }, locale: 'ru' })).toEqual({
      kind: 'amount',
      amountKopecks: 123450,
    });
  });

  it('electricity: refuses what cannot be a reading or an amount', () => {
    const codes = (input: unknown) => issuesOf(() => validate({ schema: SetElectricityRequest, input, locale: 'ru' }))?.map((i) => i.code);
    expect(codes({ kind: 'readings', readings: [{ zone: 'DAY', start: -1, end: 1.5 }] })).toEqual(['READING_NOT_NUMBER', 'READING_NOT_NUMBER']);
    expect(codes({ kind: 'readings', readings: [] })).toEqual(['READINGS_REQUIRED']);
    expect(codes({ kind: 'readings', readings: [{ zone: 'EVENING', start: 1, end: 2 }] })).toEqual(['METER_ZONE_INVALID']);
    expect(codes({ kind: 'amount', amountKopecks: 12.5 })).toEqual(['AMOUNT_NOT_NUMBER']);
    expect(codes({ kind: 'amount', amount: '12,345' })).toEqual(['AMOUNT_TOO_PRECISE']);
    expect(codes({ kind: 'amount', amount: '-5' })).toEqual(['AMOUNT_NOT_NUMBER']);
    expect(codes({ kind: 'amount', amountKopecks: 100, amount: '1' })).toEqual(['AMOUNT_ONE_OF']);
    expect(codes({ kind: 'amount' })).toEqual(['AMOUNT_ONE_OF']);
    expect(codes({ kind: 'guess' })).toEqual(['ELECTRICITY_KIND_INVALID']);
  });

  it('lines: booleans, nothing else', () => {
    expect(validate({ schema: SetLineOptionsRequest, input: { debt: true }, locale: 'ru' })).toEqual({ debt: true });
    expect(issuesOf(() => validate({ schema: SetLineOptionsRequest, input: { debt: 'yes', extra: true }, locale: 'ru' }))?.length).toBe(2);
  });

  it('receipt email: trimmed, checked, or null', () => {
    expect(validate({ schema: SetReceiptEmailRequest, input: { email: '  resident@example.ru ' }, locale: 'ru' })).toEqual({ email: 'resident@example.ru' });
    expect(validate({ schema: SetReceiptEmailRequest, input: { email: null }, locale: 'ru' })).toEqual({ email: null });
    expect(issuesOf(() => validate({ schema: SetReceiptEmailRequest, input: { email: 'resident@' }, locale: 'ru' }))).toEqual([
      { path: ['email'], code: 'EMAIL_INVALID' },
    ]);
  });

  it('receipt PDF: the number alone is not enough', () => {
    expect(issuesOf(() => validate({ schema: ReceiptPdfQuery, input: {}, locale: 'ru', where: 'query' }))).toEqual([
      { path: ['query', 'code'], code: 'RECEIPT_ACCESS_REQUIRED' },
    ]);
    expect(validate({ schema: ReceiptPdfQuery, input: { code: 'ABCD-EFGH-JKMN' }, locale: 'ru' })).toEqual({ code: 'ABCD-EFGH-JKMN' });
  });

  it('words zod’s own issues in the request’s language', () => {
    const message = (locale: 'ru' | 'en') => {
      try {
        validate({ schema: SetLineOptionsRequest, input: { debt: 'yes' }, locale });
      } catch (error) {
        return (error as ApiError).issues?.[0]?.message;
      }
    };
    expect(message('ru')).toMatch(/[А-Яа-я]/);
    expect(message('en')).toMatch(/^Invalid input/);
  });
});
