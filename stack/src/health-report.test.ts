import { describe, expect, it } from 'vitest';
import { publicHealthResponse, type HealthReport } from './health-report';

const report = (ok: boolean): HealthReport => ({
  status: ok ? 'ok' : 'unavailable',
  service: 'web',
  checkedAt: '2026-01-01T00:00:00.000Z',
  checks: {
    database: ok ? { ok: true, latencyMs: 3 } : { ok: false, latencyMs: 3000, error: "Can't reach database server at db.internal:5432" },
    temporal: { ok: true, latencyMs: 1 },
  },
});

describe('publicHealthResponse (the public probe)', () => {
  it('answers 200 {status:"ok"} and nothing else when everything answers', async () => {
    const response = publicHealthResponse(report(true));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 {status:"unavailable"} without latency, host names or error text', async () => {
    const response = publicHealthResponse(report(false));
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: 'unavailable' });
    expect(text).not.toMatch(/db\.internal|latency|reach|service/i);
  });
});
