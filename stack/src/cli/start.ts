// `npm start` (production builds) and `npm run dev` (hot reload): the whole stack, until Ctrl-C.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { log, repoRoot, startStack, type StackMode } from '../local';
import { runSelfCheck } from '../self-check';
import { onStopRequest } from './signals';

/**
 * The console's start-up sign-in line, from the console's own script (admin/src/cli): the stack
 * runs it rather than importing the console, which depends on the stack. Never throws.
 */
const describeStaffSignInLink = async (env: Record<string, string>): Promise<string> => {
  const adminDir = path.join(repoRoot, 'admin');
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(adminDir, 'src', 'cli', 'staff-sign-in-link.ts')], {
      cwd: adminDir,
      env: { ...env, PATH: process.env.PATH ?? '' },
      timeout: 60_000,
    });
    return stdout.trim() || 'Staff sign-in: (no link: the console’s script printed nothing)';
  } catch (error) {
    return `Staff sign-in: (no link: ${error instanceof Error ? error.message : String(error)})`;
  }
};

const mode: StackMode = process.argv[2] === 'dev' ? 'dev' : 'start';

let resolveStop: (signal: string) => void = () => {};
let started = false;
const stopRequested = new Promise<string>((resolve) => {
  resolveStop = resolve;
});
onStopRequest((signal) => {
  // Ctrl-C while starting: the supervisor's exit hook takes the started services down with us.
  if (!started) process.exit(130);
  resolveStop(signal);
});

try {
  const stack = await startStack({ mode });
  started = true;

  const check = await runSelfCheck({
    address: stack.env.TEMPORAL_ADDRESS!,
    namespace: stack.env.TEMPORAL_NAMESPACE!,
    taskQueue: stack.env.TEMPORAL_TASK_QUEUE!,
    payloadEncryptionKey: stack.env.PAYLOAD_ENCRYPTION_KEY!,
    message: `${mode} at ${new Date().toISOString()}`,
  });
  log.ok(`Self-check: workflow ${check.workflowId} wrote and read back its row through the worker`);
  const staffSignIn = await describeStaffSignInLink(stack.env);

  console.log(`
${log.bold('Voltpay is running')}
  Residents’ site   ${stack.urls.web}
  Staff console     ${stack.urls.admin}
  Sandbox acquirer  ${stack.urls.acquirer ? `${stack.urls.acquirer} (test cards: README, “Sandbox acquirer and test cards”)` : `(not started: ACQUIRER_URL=${stack.env.ACQUIRER_URL})`}
  Temporal Web UI   ${stack.urls.temporalUi ?? '(external Temporal: see your cluster’s UI)'}
  Health            ${stack.urls.web}/api/health · ${stack.urls.admin}/api/health${stack.urls.acquirer ? ` · ${stack.urls.acquirer}/health` : ''}
  ${staffSignIn}
Press Ctrl-C to stop.
`);

  const signal = await Promise.race([stopRequested, stack.crashed]).catch((error: Error) => {
    log.error(error.message);
    return undefined;
  });
  log.step(signal ? 'Stopping Voltpay…' : 'A service died; stopping the rest…');
  await stack.stop();
  log.ok('Stopped.');
  process.exit(signal ? 0 : 1);
} catch (error) {
  log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
