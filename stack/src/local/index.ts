export { startStack, buildApps, runTurbo, type Stack, type StackMode, type StackPids, type StackUrls } from './stack';
export { ensureChromium, findChromium } from './chromium';
export { log, timedStep } from './log';
export { repoRoot } from './paths';
export { resolveTemporalSource, cachedCliPath, TEMPORAL_CLI_VERSION } from './temporal-server';
export { ensureTemporalTestServer, TEMPORAL_TEST_SERVER_VERSION } from './temporal-test-server';
