import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** Writes this process's pid (0600). */
export function writePidFile(file: string, pid = process.pid): void {
  writeFileSync(file, `${pid}\n`, { mode: 0o600 });
}

/** The pid in a pid file, or null when there is none or it is garbage. */
export function readPidFile(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether a process with this pid exists. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the pid file if it still names `pid` (another daemon may have replaced it). */
export function removePidFile(file: string, pid = process.pid): void {
  if (readPidFile(file) === pid) rmSync(file, { force: true });
}
