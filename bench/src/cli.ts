// `npm run bench`: starts a throwaway stack the way `npm test` does (startStack, mode test:
// production builds, its own ports and temp folders), or uses the running one named by flags/env,
// runs the benchmark (run.ts) and writes bench/reports/<name>.json and .svg. `--help` lists the flags.
import { fileURLToPath } from 'node:url';
import { startStack, type Stack } from '@voltpay/stack/local';
import { parseCli, USAGE } from './options';
import { toLoopbackIp } from './resident';
import { runBench, type BenchTarget } from './run';

/** Load goes to this machine only: a URL elsewhere is refused rather than benchmarked by accident. */
const assertLoopback = (what: string, url: string) => {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1') throw new Error(`${what} ${url} is not on this machine (127.0.0.1): the benchmark only loads local stacks`);
};

const options = parseCli(process.argv.slice(2));
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

let stack: Stack | undefined;
let stopping = false;
const stopAndExit = (code: number) => {
  if (stopping) return;
  stopping = true;
  void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(code));
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAndExit(130));

let exitCode = 0;
try {
  let target: BenchTarget;
  if (options.target.webUrl) {
    const { webUrl, databaseUrl, temporalAddress, temporalNamespace = 'default', payloadEncryptionKey } = options.target;
    const missing = [
      !databaseUrl && 'DATABASE_URL (--database-url)',
      !temporalAddress && 'TEMPORAL_ADDRESS (--temporal-address)',
      !payloadEncryptionKey && 'PAYLOAD_ENCRYPTION_KEY',
    ].filter(Boolean);
    if (missing.length > 0) throw new Error(`against a running stack the benchmark also needs ${missing.join(', ')}`);
    // The console's search procedures are imported in this process; it needs only the database,
    // not the rest of the console's configuration.
    process.env.SKIP_ENV_VALIDATION ??= '1';
    target = {
      webUrl: toLoopbackIp(webUrl).origin,
      databaseUrl: databaseUrl!,
      temporal: { address: temporalAddress!, namespace: temporalNamespace, payloadEncryptionKey: payloadEncryptionKey! },
      pids: options.target.pids ?? {},
      ...(options.target.temporalDbFile ? { temporalDbFile: options.target.temporalDbFile } : {}),
      ownStack: false,
    };
  } else {
    stack = await startStack({ mode: 'test' });
    void stack.crashed.catch((error: unknown) => {
      console.error(`\n✗ ${error instanceof Error ? error.message : String(error)}`);
      stopAndExit(1);
    });
    // This process calls the console's procedures itself: it gets the same configuration as the console.
    Object.assign(process.env, stack.env);
    target = {
      webUrl: toLoopbackIp(stack.urls.web).origin,
      databaseUrl: stack.env.DATABASE_URL!,
      temporal: { address: stack.env.TEMPORAL_ADDRESS!, namespace: stack.env.TEMPORAL_NAMESPACE!, payloadEncryptionKey: stack.env.PAYLOAD_ENCRYPTION_KEY! },
      pids: stack.pids,
      ...(stack.temporalDbFile ? { temporalDbFile: stack.temporalDbFile } : {}),
      ownStack: true,
    };
  }
  assertLoopback('the site', target.webUrl);
  await runBench({
    settings: options.settings,
    target,
    outDir: options.outDir ?? fileURLToPath(new URL('../reports', import.meta.url)),
    name: options.name,
    ...(options.machineNote ? { machineNote: options.machineNote } : {}),
  });
} catch (error) {
  console.error(`\n✗ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  exitCode = 1;
} finally {
  if (!stopping) {
    stopping = true;
    await stack?.stop();
  }
}
process.exit(exitCode);
