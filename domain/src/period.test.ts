import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, isPeriod, MAX_PERIOD_AGE_MONTHS, monthsBetween, periodOf, periodStart, selectablePeriods, validatePeriod } from './period';

// Instants between 1971 and 2099, as the JS engine would print them: the oracle for periodOf.
const instantArb = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) });
const offsetArb = fc.integer({ min: -12 * 60, max: 14 * 60 });

const withOffset = (ms: number, offsetMinutes: number): string => {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};
const omskPeriodOracle = (ms: number) => new Date(ms + 6 * 3_600_000).toISOString().slice(0, 7);

describe('isPeriod', () => {
  it.each(['2026-01', '2026-12', '1999-07'])('accepts %s', (p) => expect(isPeriod(p)).toBe(true));
  it.each(['2026-00', '2026-13', '2026-1', '26-01', '2026-01-01', ' 2026-01', '0000-01', '', 202601, null])('refuses %j', (p) =>
    expect(isPeriod(p)).toBe(false),
  );
});

describe('periodStart and addMonths', () => {
  it('gives the first day of the period', () => {
    expect(periodStart('2026-07')).toBe('2026-07-01');
    expect(() => periodStart('2026-7')).toThrow(RangeError);
  });

  it('crosses year boundaries both ways', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-03', -36)).toBe('2023-03');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
    expect(addMonths('2026-11', 14)).toBe('2028-01');
    expect(() => addMonths('2026-01', 0.5)).toThrow(RangeError);
  });

  it('is the inverse of monthsBetween', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -600, max: 600 }), (y, m, n) => {
        const p = `${y}-${String(m).padStart(2, '0')}`;
        const q = addMonths(p, n);
        expect(isPeriod(q)).toBe(true);
        expect(monthsBetween(p, q)).toBe(n);
        expect(addMonths(q, -n)).toBe(p);
      }),
    );
  });
});

describe('periodOf', () => {
  it('takes a calendar date as it is', () => {
    expect(periodOf('2026-03-31')).toBe('2026-03');
    expect(periodOf('2024-02-29')).toBe('2024-02');
    expect(() => periodOf('2025-02-29')).toThrow(RangeError);
    expect(() => periodOf('2026-04-31')).toThrow(RangeError);
  });

  it('moves an instant to Omsk time (UTC+6, no DST) before taking its month', () => {
    expect(periodOf('2026-03-31T17:59:59Z')).toBe('2026-03');
    expect(periodOf('2026-03-31T18:00:00Z')).toBe('2026-04');
    expect(periodOf('2026-12-31T18:00:00.000Z')).toBe('2027-01');
    expect(periodOf('2026-07-31T23:30:00+03:00')).toBe('2026-08'); // 02:30 in Omsk
    expect(periodOf('2026-08-01T00:30:00+07:00')).toBe('2026-07'); // 23:30 in Omsk
    expect(periodOf('2026-03-01T05:59:00+06:00')).toBe('2026-03');
    expect(periodOf('2026-02-28T20:00:00-05:00')).toBe('2026-03'); // 1 March 07:00 in Omsk
    expect(periodOf('2024-02-28T20:00:00-05:00')).toBe('2024-02'); // leap year: still 29 February
  });

  it('agrees with the JS date library for any instant and offset', () => {
    fc.assert(
      fc.property(instantArb, offsetArb, (ms, offset) => {
        expect(periodOf(withOffset(ms, offset))).toBe(omskPeriodOracle(ms));
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['2026-03-31T12:00:00', '2026-03-31 12:00Z', 'yesterday', '2026-03-31T24:00:00Z', '2026-13-01T00:00:00Z'])(
    'refuses %j (no offset, or not a date)',
    (s) => expect(() => periodOf(s)).toThrow(RangeError),
  );
});

describe('selectablePeriods', () => {
  it('lists the Omsk current month and the 11 before it, newest first', () => {
    const periods = selectablePeriods('2026-11-26T08:00:00Z');
    expect(periods).toHaveLength(12);
    expect(periods[0]).toBe('2026-11');
    expect(periods[1]).toBe('2026-10');
    expect(periods[11]).toBe('2025-12');
  });

  it('already shows the new month in Omsk while it is still the old one in UTC', () => {
    expect(selectablePeriods('2026-11-30T19:00:00Z', 3)).toEqual(['2026-12', '2026-11', '2026-10']);
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => selectablePeriods('2026-11-26T08:00:00Z', 0)).toThrow(RangeError);
    expect(() => selectablePeriods('2026-11-26T08:00:00Z', 1.5)).toThrow(RangeError);
  });
});

describe('validatePeriod', () => {
  const now = '2026-11-26T08:00:00Z';
  it('allows the current month and the past up to the limit', () => {
    expect(validatePeriod('2026-11', now)).toBeNull();
    expect(validatePeriod('2026-01', now)).toBeNull();
    expect(validatePeriod(addMonths('2026-11', -MAX_PERIOD_AGE_MONTHS), now)).toBeNull();
  });
  it('refuses a malformed, future or too old period', () => {
    expect(validatePeriod('2026-13', now)).toBe('PERIOD_INVALID');
    expect(validatePeriod(undefined, now)).toBe('PERIOD_INVALID');
    expect(validatePeriod('2026-12', now)).toBe('PERIOD_IN_FUTURE');
    expect(validatePeriod(addMonths('2026-11', -MAX_PERIOD_AGE_MONTHS - 1), now)).toBe('PERIOD_TOO_OLD');
  });
  it('uses the Omsk month: December is already current at 00:30 on 1 December in Omsk', () => {
    expect(validatePeriod('2026-12', '2026-11-30T18:30:00Z')).toBeNull();
    expect(validatePeriod('2026-12', '2026-11-30T17:30:00Z')).toBe('PERIOD_IN_FUTURE');
  });
});
