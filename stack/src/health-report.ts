// What a health check found, and the part of it the public may see. Apart from health.ts so it
// can be tested without a database: the probe's answer must never grow the details back.
export type ComponentHealth = { ok: true; latencyMs: number } | { ok: false; latencyMs: number; error: string };

export type HealthReport = {
  status: 'ok' | 'unavailable';
  service: string;
  checkedAt: string;
  checks: { database: ComponentHealth; temporal: ComponentHealth };
};

/** What an unauthenticated probe is told: up or not, nothing an outsider could map the system with. */
export type PublicHealth = { status: HealthReport['status'] };

/** 200 when everything answers, 503 otherwise, never cached; `{ status }` only (details: the console's dashboard). */
export const publicHealthResponse = (report: HealthReport): Response =>
  Response.json({ status: report.status } satisfies PublicHealth, {
    status: report.status === 'ok' ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
