import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRunRecord, stopLeftovers } from './leftovers';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

const sleeper = (seconds: string) => {
  const child = spawn('sleep', [seconds], { stdio: 'ignore' });
  children.push(child);
  return child;
};

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));

describe('stopLeftovers', () => {
  it('stops recorded processes that still run, and leaves a recycled pid of another program alone', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'leftovers-')), 'run', 'processes.json');
    const leftover = sleeper('301');
    const stranger = sleeper('302');
    const record = createRunRecord(file);
    record.add({ name: 'worker', pid: leftover.pid!, group: false, signature: 'sleep 301', signal: 'SIGTERM' });
    // Same pid as a recorded one would be after recycling: the command line does not match.
    record.add({ name: 'web', pid: stranger.pid!, group: false, signature: 'next-server', signal: 'SIGTERM' });

    await stopLeftovers(file);

    await exited(leftover);
    expect(leftover.signalCode).toBe('SIGTERM');
    expect(stranger.exitCode).toBeNull();
    expect(stranger.signalCode).toBeNull();
    expect(existsSync(file)).toBe(false);
  });

  it('leaves everything alone after a run that stopped cleanly', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'leftovers-')), 'run', 'processes.json');
    const unrelated = sleeper('303');
    const record = createRunRecord(file);
    record.add({ name: 'worker', pid: unrelated.pid!, group: false, signature: 'sleep 303', signal: 'SIGTERM' });
    record.clear();

    await stopLeftovers(file);

    expect(unrelated.exitCode).toBeNull();
    expect(unrelated.signalCode).toBeNull();
  });
});
