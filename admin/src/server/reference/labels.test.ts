import { describe, expect, it } from 'vitest';
import { formatDay, formatLastDay } from './labels';

describe('tariff period labels', () => {
  it('shows the last day a period with an exclusive end covers', () => {
    expect(formatDay('2025-07-01')).toBe('01.07.2025');
    expect(formatLastDay('2026-07-01')).toBe('30.06.2026');
    expect(formatLastDay('2028-03-01T00:00:00.000Z')).toBe('29.02.2028');
    expect(formatLastDay('2027-01-01')).toBe('31.12.2026');
  });
});
