// Runs the Prisma CLI for this package with the right schema engine:
//   node --import tsx engine/cli.ts <prisma args...>
// Works from any working directory: the CLI runs in the package folder, where it finds
// prisma.config.ts (so relative paths in <prisma args> are relative to prisma/, too).
// stdio and exit code are the CLI's own.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PRISMA_PACKAGE_DIR, prismaCliEnv, resolveSchemaEngine } from './index';

const prismaBin = createRequire(import.meta.url).resolve('prisma/build/index.js');

const engine = await resolveSchemaEngine();
if (engine.kind === 'wasm') {
  process.stderr.write(`prisma: native schema-engine not installed; using the wasm fallback (${path.relative(process.cwd(), engine.path) || engine.path})\n`);
}

const child = spawn(process.execPath, [prismaBin, ...process.argv.slice(2)], {
  cwd: PRISMA_PACKAGE_DIR,
  env: prismaCliEnv(engine),
  stdio: 'inherit',
});

// A terminal's Ctrl-C reaches both processes; a signal sent to us alone (a test runner, a
// supervisor) must reach Prisma too, and we exit only once it has.
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);

child.on('exit', (code, signal) => {
  if (signal) {
    // Die of the same signal, as a shell expects; drop our handlers first or they would swallow it.
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
    process.kill(process.pid, signal);
  } else {
    process.exit(code ?? 1);
  }
});
