// Account numbers as residents type them (DESIGN §2.3): city = 4-digit housing-office index +
// account, region = 6 digits. Pure: says whether the shape is right, not whether the account exists.
import type { DistrictKind } from './types';

export type AccountNumberErrorCode = 'ACCOUNT_NUMBER_EMPTY' | 'ACCOUNT_NUMBER_NOT_DIGITS' | 'ACCOUNT_NUMBER_CITY_LENGTH' | 'ACCOUNT_NUMBER_REGION_LENGTH';

export type AccountNumberValidation = { ok: true; number: string; housingOfficeIndex?: string } | { ok: false; code: AccountNumberErrorCode };

/** Length of the housing-office index that starts a city account number. */
export const HOUSING_OFFICE_INDEX_LENGTH = 4;
/** A city number is the index plus at least one account digit, and at most 12 digits in all. */
export const CITY_ACCOUNT_NUMBER_LENGTH = { min: 5, max: 12 } as const;
export const REGION_ACCOUNT_NUMBER_LENGTH = 6;

/**
 * Drops what people type or paste between digits: any whitespace (including the no-break and thin
 * spaces of copied text) and dashes/hyphens of every width (`9999-1234567`, `9999 123 45 67`).
 */
export const normalizeAccountNumber = (raw: string): string => raw.replace(/[\s\u00A0\u202F\u2009\-\u2010-\u2015\u2212]/gu, '');

export const validateAccountNumber = ({ districtKind, number }: { districtKind: DistrictKind; number: string }): AccountNumberValidation => {
  const normalized = normalizeAccountNumber(number);
  if (normalized === '') return { ok: false, code: 'ACCOUNT_NUMBER_EMPTY' };
  // Only ASCII digits: \d would also let Arabic-Indic and other digits through.
  if (!/^[0-9]+$/.test(normalized)) return { ok: false, code: 'ACCOUNT_NUMBER_NOT_DIGITS' };
  switch (districtKind) {
    case 'CITY':
      if (normalized.length < CITY_ACCOUNT_NUMBER_LENGTH.min || normalized.length > CITY_ACCOUNT_NUMBER_LENGTH.max) {
        return { ok: false, code: 'ACCOUNT_NUMBER_CITY_LENGTH' };
      }
      return { ok: true, number: normalized, housingOfficeIndex: normalized.slice(0, HOUSING_OFFICE_INDEX_LENGTH) };
    case 'REGION_DISTRICT':
      if (normalized.length !== REGION_ACCOUNT_NUMBER_LENGTH) return { ok: false, code: 'ACCOUNT_NUMBER_REGION_LENGTH' };
      return { ok: true, number: normalized };
    default: {
      const unknown: never = districtKind;
      throw new RangeError(`validateAccountNumber: unknown district kind ${String(unknown)}`);
    }
  }
};
