// The Temporal server for the local stack. Resolution order (README "Temporal"):
//   TEMPORAL_ADDRESS (a running server or cluster: nothing to start)
//   → TEMPORAL_CLI (a `temporal` binary path) → `temporal` on PATH
//   → our cached build of the pinned Temporal CLI (built from the Go module proxy when Go is installed)
//   → the Temporal SDK's own download (machines with internet access).
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { findOnPath, isExecutable } from './executables';
import { log } from './log';
import { cacheDir } from './paths';
import { startProcess, type ManagedProcess } from './processes';

/** Pinned: from v1.6.0 the CLI's go.mod has a `replace` to an unpublished module, so `go install` cannot build it. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

export type TemporalSource =
  { kind: 'external'; address: string } | { kind: 'binary'; path: string; origin: 'TEMPORAL_CLI' | 'PATH' | 'cache' | 'go-build' } | { kind: 'sdk-download' };

export const cachedCliPath = () => path.join(cacheDir(), 'temporal-cli', TEMPORAL_CLI_VERSION, 'temporal');

/** Decides where the Temporal server comes from, without side effects (so it can be unit-tested). */
export const resolveTemporalSource = ({ env = process.env, cliCachePath = cachedCliPath() }: { env?: NodeJS.ProcessEnv; cliCachePath?: string } = {}):
  TemporalSource | { kind: 'go-build'; goPath: string } => {
  if (env.TEMPORAL_ADDRESS) return { kind: 'external', address: env.TEMPORAL_ADDRESS };
  if (env.TEMPORAL_CLI) {
    if (!isExecutable(env.TEMPORAL_CLI)) throw new Error(`TEMPORAL_CLI=${env.TEMPORAL_CLI} is not an executable file`);
    return { kind: 'binary', path: env.TEMPORAL_CLI, origin: 'TEMPORAL_CLI' };
  }
  const fromPath = findOnPath('temporal', env.PATH);
  if (fromPath) return { kind: 'binary', path: fromPath, origin: 'PATH' };
  if (isExecutable(cliCachePath)) return { kind: 'binary', path: cliCachePath, origin: 'cache' };
  const goPath = findOnPath('go', env.PATH);
  if (goPath) return { kind: 'go-build', goPath };
  return { kind: 'sdk-download' };
};

/**
 * Builds the pinned Temporal CLI with `go install` into the user cache. Minutes, once per machine;
 * `-v` prints each package as it compiles, which is the progress shown.
 */
export const buildTemporalCli = async ({ goPath, target = cachedCliPath() }: { goPath: string; target?: string }) => {
  await mkdir(path.dirname(target), { recursive: true });
  const gobin = await mkdtemp(path.join(path.dirname(target), 'build-'));
  log.step(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} from the Go module proxy (first run only, a few minutes)…`);
  const started = Date.now();
  let compiled = 0;
  const child = spawn(goPath, ['install', '-v', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], {
    env: { ...process.env, GOBIN: gobin, GOFLAGS: [process.env.GOFLAGS, '-buildvcs=false'].filter(Boolean).join(' ') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  let lastReport = 0;
  const onLine = (line: string) => {
    tail.push(line);
    tail.splice(0, Math.max(0, tail.length - 20));
    if (line.startsWith('go: downloading')) return;
    compiled += 1;
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      log.detail(`go: ${compiled} packages compiled, ${Math.round((Date.now() - started) / 1000)} s…`);
    }
  };
  let buffer = '';
  const collect = (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    lines.forEach(onLine);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    await rm(gobin, { recursive: true, force: true });
    throw new Error(
      `Building the Temporal CLI failed (go install exited ${code}). Last output:\n${tail.join('\n')}\n` +
        'Set TEMPORAL_CLI to a temporal binary, or TEMPORAL_ADDRESS to a running server, to skip the build.',
    );
  }
  // Renamed into place only when complete, so an interrupted build is never mistaken for a cached one.
  await rename(path.join(gobin, 'temporal'), target);
  await rm(gobin, { recursive: true, force: true });
  log.ok(`Temporal CLI built and cached at ${target} (${Math.round((Date.now() - started) / 1000)} s)`);
  return target;
};

export const temporalCliVersion = (binary: string) => spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim() || 'unknown version';

/** Resolves once the frontend answers its gRPC health check. */
export const waitForTemporal = async (address: string, timeoutMs = 90_000) => {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: '2s' });
      try {
        const { status } = await connection.healthService.check({});
        if (status === proto.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING) return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Temporal at ${address} did not become healthy within ${timeoutMs / 1000} s: ${String(lastError)}`);
};

export type TemporalHandle = {
  address: string;
  /** The dev server's pid, when we started it as a child process. */
  pid?: number;
  uiUrl?: string;
  source: TemporalSource;
  stop: () => Promise<void>;
};

type StartTemporalOptions = {
  port: number;
  uiPort: number;
  /** SQLite file that keeps workflow history across restarts. */
  dbFile: string;
  namespace: string;
  /** The console's codec endpoint (<ADMIN_PUBLIC_URL>/api/codec): the UI shows payloads decrypted to signed-in staff. */
  codecEndpoint?: string;
};

export const startTemporal = async ({ port, uiPort, dbFile, namespace, codecEndpoint }: StartTemporalOptions): Promise<TemporalHandle> => {
  const resolved = resolveTemporalSource();
  const source: TemporalSource =
    resolved.kind === 'go-build' ? { kind: 'binary', path: await buildTemporalCli({ goPath: resolved.goPath }), origin: 'go-build' } : resolved;

  switch (source.kind) {
    case 'external': {
      log.detail(`using the Temporal server at TEMPORAL_ADDRESS=${source.address}`);
      await waitForTemporal(source.address, 15_000);
      return { address: source.address, source, stop: async () => {} };
    }
    case 'binary': {
      log.detail(`Temporal dev server: ${source.path} (${temporalCliVersion(source.path)}, from ${source.origin})`);
      await mkdir(path.dirname(dbFile), { recursive: true });
      const address = `127.0.0.1:${port}`;
      const server: ManagedProcess = startProcess({
        name: 'temporal',
        color: 'magenta',
        command: source.path,
        args: [
          'server',
          'start-dev',
          '--ip',
          '127.0.0.1',
          '--port',
          String(port),
          '--ui-port',
          String(uiPort),
          '--db-filename',
          dbFile,
          '--namespace',
          namespace,
          '--log-level',
          'error',
          ...(codecEndpoint ? ['--ui-codec-endpoint', codecEndpoint] : []),
        ],
      });
      await Promise.race([
        waitForTemporal(address),
        server.exited.then((code) => Promise.reject(new Error(`Temporal dev server exited (${code}) while starting`))),
      ]);
      return { address, uiUrl: `http://localhost:${uiPort}`, source, stop: () => server.stop(), pid: server.child.pid };
    }
    case 'sdk-download': {
      log.step('No Temporal CLI and no Go toolchain: letting the Temporal SDK download its dev server…');
      const env = await TestWorkflowEnvironment.createLocal({
        server: {
          executable: { type: 'cached-download', downloadDir: path.join(cacheDir(), 'temporal-sdk-download') },
          ip: '127.0.0.1',
          port,
          ui: true,
          uiPort,
          dbFilename: dbFile,
          namespace,
          ...(codecEndpoint ? { extraArgs: ['--ui-codec-endpoint', codecEndpoint] } : {}),
        },
      });
      const address = env.address;
      return { address, uiUrl: `http://localhost:${uiPort}`, source, stop: () => env.teardown() };
    }
    default: {
      const unreachable: never = source;
      throw new Error(`unknown Temporal source ${JSON.stringify(unreachable)}`);
    }
  }
};
