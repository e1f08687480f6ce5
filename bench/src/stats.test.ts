import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats';

describe('percentile', () => {
  it('is the nearest rank: p95 of 1..100 is 95, p50 of 1..4 is 2', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  });

  it('of one sample is that sample; of none, NaN', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarize', () => {
  it('sorts a copy and reports count, p50, p95, p99 and max', () => {
    const values = [30, 10, 20, 40];
    expect(summarize(values)).toEqual({ count: 4, p50: 20, p95: 40, p99: 40, max: 40 });
    expect(values).toEqual([30, 10, 20, 40]);
  });

  it('is null without samples', () => {
    expect(summarize([])).toBeNull();
  });
});
