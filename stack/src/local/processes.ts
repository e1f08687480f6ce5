// A small supervisor for the stack's child processes: prefixed output, readiness, ordered stop.
import { spawn, type ChildProcess } from 'node:child_process';
import { log } from './log';

type Color = 'cyan' | 'green' | 'magenta' | 'blue' | 'yellow' | 'gray';

export type ManagedProcess = {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) when the process has exited. */
  exited: Promise<number | string | null>;
  /** Resolves when the child sends `{ type: 'ready' }` over IPC; rejects if it exits first. */
  ready: (timeoutMs?: number) => Promise<void>;
  /** SIGTERM to the whole process group, SIGKILL after the grace period. */
  stop: (graceMs?: number) => Promise<void>;
  isRunning: () => boolean;
};

type StartProcessOptions = {
  name: string;
  color: Color;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Open an IPC channel so the child can report readiness with process.send(). */
  ipc?: boolean;
  /** Print the child's output (default) or keep only its last lines for error messages. */
  quiet?: boolean;
};

const running = new Set<ManagedProcess>();

// Last resort when this process dies without its orderly shutdown: take the children with it.
process.on('exit', () => {
  for (const managed of running) {
    try {
      if (managed.child.pid) process.kill(-managed.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export const startProcess = ({ name, color, command, args, cwd, env, ipc = false, quiet = false }: StartProcessOptions): ManagedProcess => {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    // Its own process group: Ctrl-C reaches only the supervisor, which stops services in order.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? (['ipc'] as const) : [])],
  });
  const print = log.prefixed(name, color);
  const recent: string[] = [];
  const onOutput = (stream: NodeJS.ReadableStream) => {
    let buffer = '';
    stream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        recent.push(line);
        recent.splice(0, Math.max(0, recent.length - 40));
        if (!quiet) print(line);
      }
    });
  };
  if (child.stdout) onOutput(child.stdout);
  if (child.stderr) onOutput(child.stderr);

  let exitedWith: number | string | null | undefined;
  const exited = new Promise<number | string | null>((resolve) => {
    child.on('error', (error) => {
      print(`failed to start: ${error.message}`);
      exitedWith = 'spawn-error';
      resolve('spawn-error');
    });
    child.on('exit', (code, signal) => {
      exitedWith = code ?? signal;
      resolve(exitedWith);
    });
  });

  const managed: ManagedProcess = {
    name,
    child,
    exited,
    isRunning: () => exitedWith === undefined,
    ready: (timeoutMs = 120_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} did not report ready within ${timeoutMs / 1000} s`)), timeoutMs);
        child.on('message', (message: { type?: string }) => {
          if (message?.type === 'ready') {
            clearTimeout(timer);
            resolve();
          }
        });
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`${name} exited (${code}) before it was ready. Last output:\n${recent.join('\n')}`));
        });
      }),
    stop: async (graceMs = 10_000) => {
      if (exitedWith !== undefined || !child.pid) return;
      const group = -child.pid;
      try {
        process.kill(group, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        log.warn(`${name} did not stop within ${graceMs / 1000} s; killing it`);
        try {
          process.kill(group, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }, graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(managed);
  void exited.then(() => running.delete(managed));
  return managed;
};

/** Runs a command to completion (migrations, seeds, builds), output prefixed; rejects on a non-zero exit. */
export const runToCompletion = async (options: Omit<StartProcessOptions, 'ipc'>) => {
  const managed = startProcess(options);
  const code = await managed.exited;
  if (code !== 0) throw new Error(`${options.name}: \`${[options.command, ...options.args].join(' ')}\` exited with ${code}`);
};
