import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOmskDate, formatOmskDateTime, formatOmskDateTimeLong, formatOmskTime, omskDay, omskDayStart, OMSK_TIME_ZONE } from './omsk-time';

// Omsk has kept UTC+6 with no DST since 2014: the oracle is the plain shift.
const shifted = (ms: number) => new Date(ms + 6 * 3_600_000).toISOString();
const SINCE_2015 = { min: Date.UTC(2015, 0, 1), max: Date.UTC(2100, 0, 1) };

describe('Omsk time', () => {
  it('is a zone this Node knows', () => {
    expect(new Intl.DateTimeFormat('ru', { timeZone: OMSK_TIME_ZONE }).resolvedOptions().timeZone).toBe('Asia/Omsk');
  });

  it('turns the day at 18:00 UTC, midnight in Omsk, across months, years and a leap day', () => {
    expect(omskDay(new Date('2026-01-05T17:59:59.999Z'))).toBe('2026-01-05');
    expect(omskDay(new Date('2026-01-05T18:00:00.000Z'))).toBe('2026-01-06');
    expect(omskDay('2026-12-31T18:30:00Z')).toBe('2027-01-01');
    expect(omskDay(new Date('2028-02-28T18:00:00Z'))).toBe('2028-02-29');
    expect(() => omskDay(new Date('nonsense'))).toThrow(RangeError);
  });

  it('finds the instant an Omsk day begins', () => {
    expect(omskDayStart('2026-01-06').toISOString()).toBe('2026-01-05T18:00:00.000Z');
    expect(omskDayStart('2027-01-01').toISOString()).toBe('2026-12-31T18:00:00.000Z');
    expect(() => omskDayStart('06.01.2026')).toThrow(RangeError);
  });

  it('prints the shapes the product uses, the same in both languages but for the zone word', () => {
    const instant = '2026-01-05T18:05:07Z';
    expect(formatOmskDateTime(instant, 'ru', { zone: true })).toBe('06.01.2026 00:05 (Омск)');
    expect(formatOmskDateTime(new Date('2026-01-05T08:30:00Z'), 'en', { zone: true })).toBe('05.01.2026 14:30 (Omsk time)');
    expect(formatOmskDateTime(instant, 'ru', { seconds: true })).toBe('06.01.2026 00:05:07');
    expect(formatOmskDate(instant, 'en')).toBe('06.01.2026');
    expect(formatOmskTime(instant, 'ru')).toBe('00:05');
    expect(formatOmskTime(instant, 'en', { seconds: true, zone: true })).toBe('00:05:07 (Omsk time)');
  });

  it('writes prose dates in the reader’s language, on the Omsk clock', () => {
    expect(formatOmskDateTimeLong('2026-01-05T18:05:07Z', 'ru')).toMatch(/^6 января 2026 г\.,? (в )?00:05$/);
    expect(formatOmskDateTimeLong('2026-01-05T18:05:07Z', 'en', { seconds: true })).toMatch(/^6 January 2026,? (at )?00:05:07$/);
  });

  it('agrees with the fixed UTC+6 shift for any instant since 2015, and a day starts where it should', () => {
    fc.assert(
      fc.property(fc.integer(SINCE_2015), (ms) => {
        const iso = shifted(ms);
        expect(omskDay(ms)).toBe(iso.slice(0, 10));
        expect(formatOmskDateTime(ms, 'ru', { seconds: true })).toBe(`${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 19)}`);
        const start = omskDayStart(omskDay(ms)).getTime();
        expect(start <= ms && ms < start + 86_400_000).toBe(true);
      }),
    );
  });
});
