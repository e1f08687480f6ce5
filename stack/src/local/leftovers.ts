// After a crash (the supervisor killed with SIGKILL, the machine's session closed) the services it
// started keep running and hold their ports. `npm start` records what it starts in
// .data/run/processes.json and, on the next start, stops whatever of that is still running.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { log } from './log';

export type RecordedProcess = {
  name: string;
  pid: number;
  /** Started as the leader of its own process group (signal the group, not just the pid). */
  group: boolean;
  /** A part of its command line, so a recycled pid of some other program is never signalled. */
  signature: string;
  /** Postgres shuts down cleanly on SIGINT ("fast" shutdown); everything else on SIGTERM. */
  signal: 'SIGINT' | 'SIGTERM';
};

const commandLine = (pid: number) => spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).stdout?.trim() ?? '';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const signalProcess = ({ pid, group }: RecordedProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(group ? -pid : pid, signal);
  } catch {
    // gone meanwhile
  }
};

export const createRunRecord = (file: string) => {
  const entries = new Map<number, RecordedProcess>();
  const save = () => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify([...entries.values()], null, 2));
  };
  return {
    add: (entry: RecordedProcess) => {
      entries.set(entry.pid, entry);
      save();
    },
    /** Everything stopped in order: nothing is left over. */
    clear: () => rmSync(file, { force: true }),
  };
};

export const stopLeftovers = async (file: string) => {
  if (!existsSync(file)) return;
  let recorded: RecordedProcess[];
  try {
    recorded = JSON.parse(readFileSync(file, 'utf8')) as RecordedProcess[];
  } catch {
    rmSync(file, { force: true });
    return;
  }
  const alive = recorded.filter((entry) => isAlive(entry.pid) && commandLine(entry.pid).includes(entry.signature));
  if (alive.length) {
    log.warn(`A previous run did not stop cleanly; stopping what it left running: ${alive.map((e) => `${e.name} (pid ${e.pid})`).join(', ')}`);
    for (const entry of alive) signalProcess(entry, entry.signal);
    const deadline = Date.now() + 15_000;
    while (alive.some((e) => isAlive(e.pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    for (const entry of alive.filter((e) => isAlive(e.pid))) signalProcess(entry, 'SIGKILL');
  }
  rmSync(file, { force: true });
};
