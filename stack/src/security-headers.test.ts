import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, perRequestSecurityHeaders, STATIC_SECURITY_HEADERS } from './security-headers';
import { sharedNextConfig } from './next-config';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('security headers', () => {
  it('allows scripts by nonce only, no framing, forms to us and the acquirer', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc', formTargets: ['http://localhost:3002/api/v1'] }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'", 'http://localhost:3002']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });

  it('makes a new nonce per request, and HSTS only over https', () => {
    const local = perRequestSecurityHeaders({ publicUrl: 'http://localhost:3000', dev: false });
    const other = perRequestSecurityHeaders({ publicUrl: 'http://localhost:3000', dev: false });
    expect(local.nonce).not.toBe(other.nonce);
    expect(local.request['Content-Security-Policy']).toContain(`'nonce-${local.nonce}'`);
    expect(local.request['x-nonce']).toBe(local.nonce);
    expect(local.response).not.toHaveProperty('Strict-Transport-Security');
    expect(local.response['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
    const deployed = perRequestSecurityHeaders({ publicUrl: 'https://pay.example', dev: false });
    expect(deployed.response['Strict-Transport-Security']).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(deployed.response['Content-Security-Policy']).toContain('upgrade-insecure-requests');
  });

  it('puts the fixed headers on every path of both apps, without X-Powered-By', async () => {
    expect(sharedNextConfig.poweredByHeader).toBe(false);
    const rules = await sharedNextConfig.headers();
    expect(rules).toEqual([{ source: '/:path*', headers: STATIC_SECURITY_HEADERS }]);
    const byName = Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]));
    expect(byName['X-Content-Type-Options']).toBe('nosniff');
    expect(byName['Referrer-Policy']).toBe('no-referrer');
    expect(byName['Permissions-Policy']).toContain('camera=()');
  });
});
