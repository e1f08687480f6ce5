// CPU and memory of the stack's processes, read from /proc (Linux): each named pid with all its
// descendants (Postgres backends, Next's workers), so a service's figure is the whole service.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux we run on). */
const TICKS_PER_SECOND = 100;
const hasProc = (() => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

type ProcStat = { pid: number; ppid: number; ticks: number };

const readStat = (pid: number): ProcStat | null => {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields count from after its ")".
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // utime + stime, plus cutime + cstime: the CPU of children already reaped (a Postgres backend
    // that closed) stays counted in its parent, so a service's total never goes down.
    return { pid, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
};

const allStats = (): ProcStat[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      const stat = readStat(Number(name));
      return stat ? [stat] : [];
    });

/** The pid and every process below it. */
const treeOf = (root: number, stats: ProcStat[]): number[] => {
  const children = new Map<number, number[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s.pid]);
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0 && found.length < 10_000) {
    const pid = queue.shift()!;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
};

const rssKiB = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
};

/** Busy and total ticks of the whole machine (every process, ours and anyone else's). */
const machineTicks = () => {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
};

export type CpuSnapshot = { at: number; ticks: Record<string, number>; machine: { busy: number; total: number } | null };

/** CPU used between two snapshots, in percent of one core (200 = two cores busy), per service and for the machine. */
export type CpuUsage = { perService: Record<string, number>; machineBusyPercent: number | null };

export const createProcessMeter = (pids: Record<string, number>) => {
  const snapshot = (): CpuSnapshot => {
    if (!hasProc) return { at: Date.now(), ticks: {}, machine: null };
    const stats = allStats();
    const byPid = new Map(stats.map((s) => [s.pid, s]));
    const ticks: Record<string, number> = {};
    for (const [name, pid] of Object.entries(pids)) {
      if (!byPid.has(pid)) continue;
      ticks[name] = treeOf(pid, stats).reduce((sum, p) => sum + (byPid.get(p)?.ticks ?? 0), 0);
    }
    return { at: Date.now(), ticks, machine: machineTicks() };
  };
  const usage = (from: CpuSnapshot, to: CpuSnapshot): CpuUsage => {
    const seconds = Math.max(0.001, (to.at - from.at) / 1000);
    const perService: Record<string, number> = {};
    for (const name of Object.keys(to.ticks)) {
      if (from.ticks[name] === undefined) continue;
      perService[name] = Math.round(((to.ticks[name]! - from.ticks[name]) / TICKS_PER_SECOND / seconds) * 1000) / 10;
    }
    const machineBusyPercent =
      from.machine && to.machine && to.machine.total > from.machine.total
        ? Math.round(((to.machine.busy - from.machine.busy) / (to.machine.total - from.machine.total)) * 1000) / 10
        : null;
    return { perService, machineBusyPercent };
  };
  /** Resident memory of a service (the pid and its descendants), in MiB. */
  const rssMiB = (name: string): number | null => {
    const pid = pids[name];
    if (!hasProc || pid === undefined) return null;
    const tree = treeOf(pid, allStats());
    return Math.round((tree.reduce((sum, p) => sum + rssKiB(p), 0) / 1024) * 10) / 10;
  };
  return { snapshot, usage, rssMiB, known: () => Object.keys(pids), cores: cpus().length };
};

export type ProcessMeter = ReturnType<typeof createProcessMeter>;
