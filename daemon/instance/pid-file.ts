import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { readDaemonPid } from '../../src/daemon-client/socket-probe.js';

/** Writes this process's pid (0600). */
export function writePidFile(file: string, pid = process.pid): void {
  writeFileSync(file, `${pid}\n`, { mode: 0o600 });
  // The mode above applies only to a new file; a leftover one keeps its own.
  chmodSync(file, 0o600);
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
  if (readDaemonPid(file) === pid) rmSync(file, { force: true });
}
