#!/usr/bin/env node
// Entry of `npm start`, `npm run dev` and `npm test` on a fresh clone: plain Node, no dependencies.
// Installs the workspace's packages when package-lock.json changed since the last install, then
// hands over to the TypeScript entry (stack/src/cli/*) through tsx.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [command = 'start', ...rest] = process.argv.slice(2);
const entries = { start: 'start.ts', dev: 'start.ts', test: 'test.ts' };
if (!(command in entries)) {
  console.error(`usage: voltpay.mjs ${Object.keys(entries).join('|')} [args]`);
  process.exit(2);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Voltpay needs Node.js 20.19 or newer (this is ${process.version}).`);
  process.exit(1);
}

// Installed when npm's own record of the tree (node_modules/.package-lock.json) is newer than the
// lockfile: a fresh clone, or a pull that changed dependencies, installs; a manual `npm install` counts.
const lockfile = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lockfile).mtimeMs) {
  console.log('▸ Installing dependencies (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('✗ npm ci failed; see above.');
    process.exit(result.status ?? 1);
  }
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1' };
// The stack runs in a process group of its own, so a terminal's Ctrl-C reaches its services only
// through it, in order (Postgres, for one, would otherwise stop at once under a running worker).
// We pass on each stop signal we get; the stack treats repeats as one.
const child = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'stack', 'src', 'cli', entries[command]), ...(command === 'dev' ? ['dev'] : []), ...rest],
  { cwd: root, stdio: 'inherit', env, detached: true },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    try {
      process.kill(child.pid, signal);
    } catch {
      // already gone
    }
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
