import { describe, expect, it } from 'vitest';
import { clientAddress, createRateLimiter } from './rate-limit';

const clock = (start = 1_000_000) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('createRateLimiter', () => {
  it('allows a burst of `capacity`, then refuses with the wait until the next token', () => {
    const time = clock();
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 0.5, now: time.now });
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    time.advance(1_000);
    // Half a token after one second: one more second to go.
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    time.advance(1_000);
    expect(limiter.take('a')).toMatchObject({ allowed: true });
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('refills no further than the capacity', () => {
    const time = clock();
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1, now: time.now });
    limiter.take('a');
    time.advance(60 * 60_000);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, false]);
  });

  it('counts every key apart', () => {
    const time = clock();
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0.1, now: time.now });
    expect(limiter.take('10.0.0.1').allowed).toBe(true);
    expect(limiter.take('10.0.0.1').allowed).toBe(false);
    expect(limiter.take('10.0.0.2').allowed).toBe(true);
  });

  it('drops buckets that refilled once it holds too many, and never forgets a busy one first', () => {
    const time = clock();
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1, now: time.now, maxKeys: 3 });
    limiter.take('idle-1');
    limiter.take('idle-2');
    time.advance(5_000); // both refilled: as good as new
    limiter.take('busy');
    limiter.take('busy');
    limiter.take('new'); // the 4th key: prunes the refilled ones
    expect(limiter.size()).toBe(2);
    expect(limiter.take('busy').allowed).toBe(false);
  });

  it('stays within maxKeys under a flood of distinct keys', () => {
    const limiter = createRateLimiter({ capacity: 5, refillPerSecond: 0.01, maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) limiter.take(`k${i}`);
    expect(limiter.size()).toBeLessThanOrEqual(101);
  });

  it('refuses nonsense settings', () => {
    expect(() => createRateLimiter({ capacity: 0, refillPerSecond: 1 })).toThrow(RangeError);
    expect(() => createRateLimiter({ capacity: 1, refillPerSecond: 0 })).toThrow(RangeError);
  });
});

describe('clientAddress', () => {
  it('takes the address the nearest proxy appended', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.9, 10.0.0.5' }))).toBe('10.0.0.5');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '::1' }))).toBe('::1');
  });

  it('falls back to X-Real-IP, then to one shared bucket', () => {
    expect(clientAddress(new Headers({ 'x-real-ip': '198.51.100.7' }))).toBe('198.51.100.7');
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});
