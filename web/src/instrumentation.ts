// Runs once when the server starts. The Node-only work lives in its own module so that the
// Edge build of this file never sees it.
export const register = async () => {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkStartUp } = await import('./instrumentation-node');
    await checkStartUp();
  }
};
