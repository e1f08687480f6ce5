// `GET /api/health` of every app: can this process reach its database and Temporal right now?
// The public probe says only ok or not; the details (latency, error text: host names, ports,
// driver versions) are for staff, on the console's dashboard (admin `system.getHealth`).
import proto from '@temporalio/proto';
import { prisma } from '@voltpay/prisma';
import { getTemporalConnection } from './temporal';

import { publicHealthResponse, type ComponentHealth, type HealthReport } from './health-report';

export type { ComponentHealth, HealthReport } from './health-report';

const CHECK_TIMEOUT_MS = 3_000;

/** One line a person can act on: Prisma puts the useful part ("Can't reach database server…") last. */
const summarise = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.at(-1) ?? (error instanceof Error ? error.name : 'unknown error');
};

const timed = async (probe: () => Promise<unknown>): Promise<ComponentHealth> => {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: summarise(error) };
  } finally {
    clearTimeout(timer);
  }
};

export const checkDatabase = () => timed(() => prisma.$queryRaw`SELECT 1`);

export const checkTemporal = () =>
  timed(async () => {
    const connection = await getTemporalConnection();
    // The health service answers only when the frontend is up and serving.
    const { status } = await connection.healthService.check({});
    if (status !== proto.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING) throw new Error(`Temporal frontend is not serving (status ${status})`);
  });

export const checkHealth = async ({ service }: { service: string }): Promise<HealthReport> => {
  const [database, temporal] = await Promise.all([checkDatabase(), checkTemporal()]);
  return {
    status: database.ok && temporal.ok ? 'ok' : 'unavailable',
    service,
    checkedAt: new Date().toISOString(),
    checks: { database, temporal },
  };
};

/** The HTTP response of the public probe for this process. */
export const healthResponse = async ({ service }: { service: string }): Promise<Response> => publicHealthResponse(await checkHealth({ service }));
