import net from 'node:net';

/** A port the OS says is free right now (the test stack uses these so it can run beside `npm start`). */
export const findFreePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const isPortFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** Fails with the variable to change when a fixed port is taken, instead of a confusing EADDRINUSE later. */
export const assertPortFree = async (port: number, what: string, variable: string) => {
  if (!(await isPortFree(port))) {
    throw new Error(`Port ${port} (${what}) is already in use. Stop whatever holds it, or set ${variable} to another port.`);
  }
};

/** Resolves once something accepts TCP connections on host:port, or rejects after the timeout. */
export const waitForPort = async (port: number, { host = '127.0.0.1', timeoutMs = 60_000 } = {}) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ port, host });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`Nothing answered on ${host}:${port} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
};
