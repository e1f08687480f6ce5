import { describe, expect, it } from 'vitest';
import { parseStaffDate } from './staff-date';

describe('parseStaffDate', () => {
  it('reads the Russian day.month.year a clerk types, with or without leading zeros', () => {
    expect(parseStaffDate('07.12.2026')).toBe('2026-12-07');
    expect(parseStaffDate('7.1.2026')).toBe('2026-01-07');
    expect(parseStaffDate(' 01/03/2026 ')).toBe('2026-03-01');
    expect(parseStaffDate('31-12-2025')).toBe('2025-12-31');
  });

  it('reads the ISO form links carry', () => {
    expect(parseStaffDate('2026-12-07')).toBe('2026-12-07');
  });

  it('refuses what is not a calendar day, and the American order when the month would be over 12', () => {
    expect(parseStaffDate('31.02.2026')).toBeNull();
    expect(parseStaffDate('12/31/2026')).toBeNull();
    expect(parseStaffDate('2026-13-01')).toBeNull();
    expect(parseStaffDate('07.12.26')).toBeNull();
    expect(parseStaffDate('')).toBeNull();
    expect(parseStaffDate('вчера')).toBeNull();
  });
});
