// Temporal's time-skipping test server, for workflow tests whose timers span minutes to days
// (draft expiry, 3-D Secure timeouts, re-check schedules) and must run in seconds.
// Resolution: TEMPORAL_TEST_SERVER (an executable) → our cached launcher of the Java test server
// from Maven Central → building that launcher with Maven when Java and Maven are installed → the
// Temporal SDK's own download (machines with internet access).
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EphemeralServerExecutable } from '@temporalio/testing';
import { findOnPath, isExecutable } from './executables';
import { log } from './log';
import { cacheDir } from './paths';

export const TEMPORAL_TEST_SERVER_ARTIFACT = 'io.temporal:temporal-test-server';
export const TEMPORAL_TEST_SERVER_VERSION = '1.32.1';

export const cachedTestServerPath = () => path.join(cacheDir(), 'temporal-test-server', TEMPORAL_TEST_SERVER_VERSION, 'test-server');

const javaBinary = (env: NodeJS.ProcessEnv) => {
  const fromHome = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : undefined;
  return fromHome && isExecutable(fromHome) ? fromHome : findOnPath('java', env.PATH);
};

const pom = () => `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by Voltpay to resolve the Temporal test server's classpath; nothing is built from it. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>voltpay.local</groupId>
  <artifactId>temporal-test-server-classpath</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>${TEMPORAL_TEST_SERVER_ARTIFACT.split(':')[0]}</groupId>
      <artifactId>${TEMPORAL_TEST_SERVER_ARTIFACT.split(':')[1]}</artifactId>
      <version>${TEMPORAL_TEST_SERVER_VERSION}</version>
    </dependency>
  </dependencies>
</project>
`;

/** Resolves the test server and its dependencies from Maven Central and writes a launcher script. */
const buildLauncher = async ({ java, mvn, target }: { java: string; mvn: string; target: string }) => {
  log.step(`Fetching Temporal's time-skipping test server ${TEMPORAL_TEST_SERVER_VERSION} from Maven Central (once per machine)…`);
  await mkdir(path.dirname(target), { recursive: true });
  const work = await mkdtemp(path.join(path.dirname(target), 'resolve-'));
  try {
    await writeFile(path.join(work, 'pom.xml'), pom());
    const result = spawnSync(mvn, ['-q', '-B', 'dependency:build-classpath', `-Dmdep.outputFile=${path.join(work, 'classpath.txt')}`], {
      cwd: work,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`mvn dependency:build-classpath failed:\n${`${result.stdout}${result.stderr}`.trim().slice(-3000)}`);
    const classpath = (await readFile(path.join(work, 'classpath.txt'), 'utf8')).trim();
    // The SDK runs `<launcher> <port> [extra args]` and locks and unlocks time skipping itself
    // around each awaited result. No --enable-time-skipping: with it the clock runs free from the
    // start and races past workflow-task and execution timeouts while a worker is still busy.
    const script = `#!/bin/sh\n# Temporal test server ${TEMPORAL_TEST_SERVER_VERSION}, launched by Voltpay's tests.\nexec "${java}" -cp "${classpath}" io.temporal.testserver.TestServer "$@"\n`;
    const staged = path.join(work, 'test-server');
    await writeFile(staged, script);
    await chmod(staged, 0o755);
    await rename(staged, target);
    log.ok(`Temporal test server launcher cached at ${target}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
};

/** What to hand `TestWorkflowEnvironment.createTimeSkipping({ server: { executable } })`. */
export const ensureTemporalTestServer = async (env: NodeJS.ProcessEnv = process.env): Promise<EphemeralServerExecutable> => {
  if (env.TEMPORAL_TEST_SERVER) {
    if (!isExecutable(env.TEMPORAL_TEST_SERVER)) throw new Error(`TEMPORAL_TEST_SERVER=${env.TEMPORAL_TEST_SERVER} is not an executable file`);
    return { type: 'existing-path', path: env.TEMPORAL_TEST_SERVER };
  }
  const target = cachedTestServerPath();
  if (isExecutable(target)) return { type: 'existing-path', path: target };
  const java = javaBinary(env);
  const mvn = findOnPath('mvn', env.PATH);
  if (java && mvn) {
    await buildLauncher({ java, mvn, target });
    return { type: 'existing-path', path: target };
  }
  log.warn('No TEMPORAL_TEST_SERVER and no Java with Maven: the Temporal SDK will download its test server.');
  return { type: 'cached-download', downloadDir: path.join(cacheDir(), 'temporal-sdk-download') };
};
