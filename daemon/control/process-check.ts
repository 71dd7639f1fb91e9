import { readFileSync } from 'node:fs';
import { probeDaemonSocket } from '../../src/daemon-client/socket-probe.js';
import { isProcessAlive } from '../instance/pid-file.js';
import { pause } from './control-options.js';

/**
 * Whether pid `pid` plausibly is a skaha-tui daemon, so a recycled pid in a stale pid file is never signalled:
 * on Linux its command line must mention "daemon"; elsewhere (no /proc) it is trusted.
 */
export function looksLikeDaemon(pid: number): boolean {
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return process.platform !== 'linux';
  }
  return cmdline.split('\0').some((arg) => arg.includes('daemon'));
}

/** Waits until nothing answers on the socket and `pid` (when known) is gone; false if that takes longer than `waitMs`. */
export async function waitForExit(socketPath: string, pid: number | null, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const socketGone = (await probeDaemonSocket(socketPath, 200)) !== 'live';
    if (socketGone && (pid === null || !isProcessAlive(pid))) return true;
    if (Date.now() >= deadline) return false;
    await pause(50);
  }
}
