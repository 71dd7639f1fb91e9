import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU milliseconds (user + system) a process has used so far, from /proc (10 ms clock ticks); with
 * `withReaped`, also what its children that have exited and been waited for used. Null when it is gone.
 */
export function processCpuMs(pid: number, withReaped = false): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]) + (withReaped ? Number(fields[13]) + Number(fields[14]) : 0);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds of a process and all its descendants, from /proc: each live process's threads to
 * the nanosecond (scheduler statistics), plus, in clock ticks, what children they already reaped used.
 */
export function processTreeCpuMs(rootPid: number): number | null {
  let total = 0;
  let found = false;
  for (const pid of processTree(rootPid)) {
    const ns = processCpuNs(pid);
    const all = processCpuMs(pid, true);
    const own = processCpuMs(pid);
    if (ns === null || all === null || own === null) continue;
    found = true;
    total += ns / 1e6 + (all - own);
  }
  return found ? total : null;
}

/** CPU nanoseconds of every thread of a process (scheduler statistics: much finer than clock ticks); null when it is gone. */
export function processCpuNs(pid: number): number | null {
  try {
    let total = 0;
    for (const tid of readdirNumbers(`/proc/${pid}/task`)) {
      try {
        total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // the thread ended meanwhile
      }
    }
    return total;
  } catch {
    return null;
  }
}

/** Resident memory of a process in MB, from /proc; null when it is gone. */
export function processRssMB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** The pids of a process and all its descendants, from /proc. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirNumbers('/proc')) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), entry]);
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = [];
  const visit = (pid: number) => {
    out.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return out;
}

function readdirNumbers(dir: string): number[] {
  return readdirSync(dir)
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}
