import { describe, expect, it } from 'vitest';
import { formatDate, formatPeriod, formatRate, formatReading } from './format';

describe('how the payment pages print things', () => {
  it('periods and dates in both languages', () => {
    expect(formatPeriod('2026-03', 'ru')).toBe('Март 2026');
    expect(formatPeriod('2026-12', 'en')).toBe('December 2026');
    expect(formatPeriod('nonsense', 'ru')).toBe('nonsense');
    expect(formatDate('2025-07-01', 'ru')).toBe('01.07.2025');
    expect(formatDate('2025-07-01T00:00:00.000Z', 'en')).toBe('1 July 2025');
  });

  it('rates in hundredths of a kopeck as roubles, with the decimals they have', () => {
    expect(formatRate(58_340, 'ru')).toBe('5,834\u00A0₽');
    expect(formatRate(65_699, 'ru')).toBe('6,5699\u00A0₽');
    expect(formatRate(50_000, 'en')).toBe('₽5.00');
    expect(formatRate(123, 'ru')).toBe('0,0123\u00A0₽');
  });

  it('readings with the meter’s digits', () => {
    expect(formatReading(120)).toBe('00120');
    expect(formatReading(99_950)).toBe('99950');
  });
});
