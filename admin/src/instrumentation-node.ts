// Start-up checks of the Node server: an invalid or missing variable stops the process here, by
// name, instead of surfacing later as failed requests. Next only logs an error thrown from
// register() and keeps serving, so the exit is ours.
export const checkStartUp = async () => {
  try {
    await import('./env');
  } catch (error) {
    // The env module has already printed which variables are invalid and why.
    console.error('Refusing to start:', error instanceof Error ? error.message : error);
    process.exit(1);
  }
};
