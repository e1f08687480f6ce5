import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeAccountNumber, validateAccountNumber } from './account-number';

describe('normalizeAccountNumber', () => {
  it.each([
    ['9999 1234567', '99991234567'],
    ['9999-123-45-67', '99991234567'],
    ['\u00A09999\u202F1234567\t', '99991234567'],
    ['9999–1234567', '99991234567'],
    ['100001', '100001'],
    ['', ''],
  ])('%j → %j', (raw, normalized) => expect(normalizeAccountNumber(raw)).toBe(normalized));
});

describe('validateAccountNumber', () => {
  it("accepts the utility guide's city example and splits off the housing-office index", () => {
    expect(validateAccountNumber({ districtKind: 'CITY', number: '99991234567' })).toEqual({
      ok: true,
      number: '99991234567',
      housingOfficeIndex: '9999',
    });
    expect(validateAccountNumber({ districtKind: 'CITY', number: ' 9999 123-45-67 ' })).toEqual({
      ok: true,
      number: '99991234567',
      housingOfficeIndex: '9999',
    });
    // Leading zeros are part of the index, never dropped.
    expect(validateAccountNumber({ districtKind: 'CITY', number: '01015' })).toEqual({
      ok: true,
      number: '01015',
      housingOfficeIndex: '0101',
    });
  });

  it('checks city length: the index plus 1 to 8 account digits', () => {
    expect(validateAccountNumber({ districtKind: 'CITY', number: '9999' })).toEqual({
      ok: false,
      code: 'ACCOUNT_NUMBER_CITY_LENGTH',
    });
    expect(validateAccountNumber({ districtKind: 'CITY', number: '999912345678' })).toMatchObject({ ok: true });
    expect(validateAccountNumber({ districtKind: 'CITY', number: '9999123456789' })).toEqual({
      ok: false,
      code: 'ACCOUNT_NUMBER_CITY_LENGTH',
    });
  });

  it('wants exactly 6 digits in the region, and no index', () => {
    expect(validateAccountNumber({ districtKind: 'REGION_DISTRICT', number: '100001' })).toEqual({ ok: true, number: '100001' });
    expect(validateAccountNumber({ districtKind: 'REGION_DISTRICT', number: '010 001' })).toEqual({ ok: true, number: '010001' });
    for (const number of ['10000', '1000011', '99991234567']) {
      expect(validateAccountNumber({ districtKind: 'REGION_DISTRICT', number })).toEqual({
        ok: false,
        code: 'ACCOUNT_NUMBER_REGION_LENGTH',
      });
    }
  });

  it('says empty before anything else, then not digits', () => {
    for (const districtKind of ['CITY', 'REGION_DISTRICT'] as const) {
      expect(validateAccountNumber({ districtKind, number: '' })).toEqual({ ok: false, code: 'ACCOUNT_NUMBER_EMPTY' });
      expect(validateAccountNumber({ districtKind, number: ' - ' })).toEqual({ ok: false, code: 'ACCOUNT_NUMBER_EMPTY' });
      for (const number of ['12345a', '１２３４５６', '١٢٣٤٥٦', '123.456', '+123456']) {
        expect(validateAccountNumber({ districtKind, number })).toEqual({ ok: false, code: 'ACCOUNT_NUMBER_NOT_DIGITS' });
      }
    }
  });

  it('accepts a valid number however it is spaced, and returns digits only', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: 5, maxLength: 12 }),
        fc.array(fc.constantFrom(' ', '-', '\u00A0'), { maxLength: 4 }),
        (digits, noise) => {
          const typed = noise.reduce((s, n, i) => s.slice(0, i + 1) + n + s.slice(i + 1), digits);
          const result = validateAccountNumber({ districtKind: 'CITY', number: typed });
          expect(result).toEqual({ ok: true, number: digits, housingOfficeIndex: digits.slice(0, 4) });
        },
      ),
    );
  });
});
