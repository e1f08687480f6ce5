// GET /api/health on both apps: 200 while Postgres and Temporal answer, 503 otherwise; `{ status }`
// only, what is down and why is on the console's dashboard (system.getHealth, behind sign-in).
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stackEnv } from './support/stack-env';

type Report = { status: 'ok' | 'unavailable' };

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) child.kill('SIGTERM');
});

/** Another production server of the same build, pointed at a database and a Temporal that are not there. */
const startAppWithDeadServices = async (app: 'web' | 'admin') => {
  const [port, deadDb, deadTemporal] = await Promise.all([freePort(), freePort(), freePort()]);
  const cwd = path.resolve(import.meta.dirname, '..', app);
  const nextBin = createRequire(path.join(cwd, 'package.json')).resolve('next/dist/bin/next');
  const child = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd,
    env: {
      ...process.env,
      DATABASE_URL: `postgresql://nobody:nothing@127.0.0.1:${deadDb}/none`,
      TEMPORAL_ADDRESS: `127.0.0.1:${deadTemporal}`,
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
  });
  started.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const answered = await fetch(`${url}/api/health`).catch(() => undefined);
    if (answered) return answered;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${app} on port ${port} never answered`);
};

describe.each(['web', 'admin'] as const)('%s /api/health', (app) => {
  const baseUrl = app === 'web' ? stackEnv.webUrl : stackEnv.adminUrl;

  it('answers 200 with both components reachable', async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const report = (await response.json()) as Report;
    expect(report).toEqual({ status: 'ok' });
  });

  it('answers 503 without saying what is down or why', async () => {
    const response = await startAppWithDeadServices(app);
    expect(response.status).toBe(503);
    const report = (await response.json()) as Report;
    expect(report).toEqual({ status: 'unavailable' });
  });
});
