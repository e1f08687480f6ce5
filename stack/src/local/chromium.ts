// The browser for e2e tests: Playwright drives a system Chromium (playwright-core downloads nothing).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { chromium } from 'playwright-core';
import { findOnPath, isExecutable } from './executables';
import { log } from './log';

const require = createRequire(import.meta.url);

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

export const findChromium = (env: NodeJS.ProcessEnv = process.env): string | undefined => {
  if (env.CHROME_PATH) {
    if (!isExecutable(env.CHROME_PATH)) throw new Error(`CHROME_PATH=${env.CHROME_PATH} is not an executable file`);
    return env.CHROME_PATH;
  }
  const onPath = CANDIDATES.map((name) => findOnPath(name, env.PATH)).find(Boolean);
  if (onPath) return onPath;
  // A browser an earlier `playwright install` put in its own cache.
  const playwrights = chromium.executablePath();
  return playwrights && isExecutable(playwrights) ? playwrights : undefined;
};

// Installers' output is kept and shown only when they fail: a working install is one line.
const run = (command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`\`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal}:\n${output}`);
  }
};

/**
 * Finds Chromium, installing it when it is missing: Debian's package where we can (root + apt-get:
 * CI and this project's machines, which cannot download browser builds), else Playwright's own
 * download (a developer's machine with internet access).
 */
export const ensureChromium = (): string => {
  const found = findChromium();
  if (found) return found;
  const canApt = userInfo().uid === 0 && spawnSync('apt-get', ['--version']).status === 0;
  if (canApt) {
    log.step('Installing Chromium from Debian packages for the browser tests (once per machine)…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
  } else {
    log.step('Installing Chromium through Playwright for the browser tests (once per machine)…');
    run(process.execPath, [path.join(path.dirname(require.resolve('playwright-core/package.json')), 'cli.js'), 'install', 'chromium']);
    return chromium.executablePath();
  }
  const installed = findChromium();
  if (!installed) throw new Error('Chromium was installed but is not on PATH; set CHROME_PATH to its executable');
  log.ok(`Chromium: ${installed}`);
  return installed;
};
