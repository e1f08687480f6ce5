// Start-up check of every app server: an invalid or missing variable stops the process at once,
// by name, instead of surfacing later as failed requests. Next only logs an error thrown from
// instrumentation's register() and keeps serving, so the exit is ours.
import { createLogger } from '@voltpay/logger';

export const refuseToStartWithoutEnv = async (loadEnv: () => Promise<unknown>) => {
  try {
    await loadEnv();
  } catch (error) {
    // The env module has already printed which variables are invalid and why.
    createLogger({ name: 'startup' }).fatal({ error: error instanceof Error ? error.message : String(error) }, 'Refusing to start');
    process.exit(1);
  }
};
