// Start-up check of every app server: an invalid or missing variable stops the process at once,
// by name, instead of surfacing later as failed requests. Next only logs an error thrown from
// instrumentation's register() and keeps serving, so the exit is ours.
export const refuseToStartWithoutEnv = async (loadEnv: () => Promise<unknown>) => {
  try {
    await loadEnv();
  } catch (error) {
    // The env module has already printed which variables are invalid and why.
    console.error('Refusing to start:', error instanceof Error ? error.message : error);
    process.exit(1);
  }
};
