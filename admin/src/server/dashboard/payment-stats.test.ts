import { describe, expect, it } from 'vitest';
import { lastDays, outcomeOf } from './payment-stats';

describe('lastDays', () => {
  it('counts days on Omsk time: 19:30 UTC is already the next day in Omsk (UTC+6)', () => {
    expect(lastDays({ days: 3, now: new Date('2026-03-01T19:30:00Z') })).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
  });
  it('gives exactly the number of days asked for, oldest first, without gaps or repeats', () => {
    const days = lastDays({ days: 30, now: new Date('2026-11-26T03:00:00Z') });
    expect(days).toHaveLength(30);
    expect(days[29]).toBe('2026-11-26');
    expect(days[0]).toBe('2026-10-28');
    expect(new Set(days).size).toBe(30);
  });
});

describe('outcomeOf', () => {
  it('counts a refunded payment as one that succeeded (the card was charged), and parks stuck ones apart', () => {
    expect(outcomeOf('REFUNDED')).toBe('succeeded');
    expect(outcomeOf('COMPLETED')).toBe('succeeded');
    expect(outcomeOf('UNCONFIRMED')).toBe('stuck');
    expect(outcomeOf('NEEDS_ATTENTION')).toBe('stuck');
    expect(outcomeOf('POSTING')).toBe('inProgress');
  });
});
