import { describe, expect, it } from 'vitest';
import { deriveAuthSecret, pinAuthUrl } from './auth-config';

const SECRET = 'a'.repeat(43);

describe('auth configuration', () => {
  it('gives each app its own secret, stable for one AUTH_SECRET', () => {
    const web = deriveAuthSecret({ secret: SECRET, app: 'web' });
    const admin = deriveAuthSecret({ secret: SECRET, app: 'admin' });
    expect(web).not.toBe(admin);
    expect(web).not.toBe(SECRET);
    expect(admin).not.toBe(SECRET);
    expect(deriveAuthSecret({ secret: SECRET, app: 'admin' })).toBe(admin);
    expect(deriveAuthSecret({ secret: 'b'.repeat(43), app: 'admin' })).not.toBe(admin);
    expect(Buffer.from(admin, 'base64url')).toHaveLength(32);
  });

  it('pins AUTH_URL to the public URL and drops AUTH_TRUST_HOST', () => {
    const env: NodeJS.ProcessEnv = { AUTH_TRUST_HOST: 'true' };
    expect(pinAuthUrl({ publicUrl: 'https://console.example/', env })).toBe('https://console.example/api/auth');
    expect(env.AUTH_URL).toBe('https://console.example/api/auth');
    expect(env.AUTH_TRUST_HOST).toBeUndefined();
  });

  it('accepts an AUTH_URL that agrees and stops on one that does not', () => {
    expect(() => pinAuthUrl({ publicUrl: 'https://console.example', env: { AUTH_URL: 'https://console.example/api/auth/' } })).not.toThrow();
    expect(() => pinAuthUrl({ publicUrl: 'https://console.example', env: { AUTH_URL: 'https://evil.example/api/auth' } })).toThrow(/AUTH_URL/);
    expect(() => pinAuthUrl({ publicUrl: 'https://console.example', env: { NEXTAUTH_URL: 'http://localhost:3001' } })).toThrow(/NEXTAUTH_URL/);
  });
});
