import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from './csrf';

const publicUrl = 'http://localhost:3001';
const headers = (init: Record<string, string>) => new Headers(init);

describe('isSameOriginRequest', () => {
  it('lets reads through without an Origin', () => {
    expect(isSameOriginRequest({ method: 'GET', headers: headers({}), publicUrl })).toBe(true);
  });
  it('accepts a POST from the console itself', () => {
    expect(isSameOriginRequest({ method: 'POST', headers: headers({ origin: 'http://localhost:3001' }), publicUrl })).toBe(true);
  });
  it('refuses a POST from the residents’ site on the same host, another port', () => {
    expect(isSameOriginRequest({ method: 'POST', headers: headers({ origin: 'http://localhost:3000' }), publicUrl })).toBe(false);
  });
  it('refuses a POST without an Origin', () => {
    expect(isSameOriginRequest({ method: 'POST', headers: headers({}), publicUrl })).toBe(false);
  });
  it('refuses a look-alike origin', () => {
    expect(isSameOriginRequest({ method: 'POST', headers: headers({ origin: 'http://localhost:3001.evil.test' }), publicUrl })).toBe(false);
  });
});
