import { describe, expect, it } from 'vitest';
import { RESIDENT_COOKIE_PREFIX, residentCookies } from './cookies';

describe('residentCookies', () => {
  it('names every next-auth cookie voltpay-resident.…, so the console’s cookies on the same host never collide', () => {
    const cookies = residentCookies({ secure: false });
    const names = Object.values(cookies).map((cookie) => cookie.name);
    expect(names).toHaveLength(7);
    for (const name of names) expect(name?.startsWith(`${RESIDENT_COOKIE_PREFIX}.`)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(cookies.sessionToken?.name).toBe('voltpay-resident.session-token');
  });

  it('keeps them http-only and lax, and secure exactly when the site is served over https', () => {
    for (const secure of [false, true]) {
      for (const cookie of Object.values(residentCookies({ secure }))) {
        expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', secure });
      }
    }
  });
});
