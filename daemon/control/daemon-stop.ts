import { rmSync, unlinkSync } from 'node:fs';
import type { Paths } from '../../src/config/paths.js';
import type { Output } from '../../src/cli/command-context.js';
import { AppError, toAppError } from '../../src/domain/errors.js';
import { connectDaemon } from '../../src/daemon-client/connect-daemon.js';
import { probeDaemonSocket } from '../../src/daemon-client/socket-probe.js';
import { isProcessAlive } from '../instance/pid-file.js';
import { readDaemonPid } from '../../src/daemon-client/socket-probe.js';
import { CONTROL_TEXT } from './control-text.js';
import type { ControlOptions } from './control-options.js';
import { looksLikeDaemon, waitForExit } from './process-check.js';

/** Default bound on each wait for a stopping daemon. */
export const DEFAULT_STOP_WAIT_MS = 5_000;

/**
 * `daemon stop`: asks the daemon to shut down; if it will not (or does not go), SIGTERMs the pid-file process;
 * waits until the socket and the process are gone, then removes leftovers. Exit 0 when nothing runs afterwards
 * ("not running" included), 1 when it is still running.
 */
export async function daemonStop(paths: Paths, out: Output, options: ControlOptions): Promise<number> {
  const waitMs = options.stopWaitMs ?? DEFAULT_STOP_WAIT_MS;
  // First: the probe refuses (DAEMON_UNTRUSTED) a folder another user could have filled with a socket and a pid to signal.
  const socket = await probeDaemonSocket(paths.socketPath);
  const filePid = readDaemonPid(paths.pidFile);
  const pid = filePid !== null && isProcessAlive(filePid) ? filePid : null;

  if (socket !== 'live' && (pid === null || !looksLikeDaemon(pid))) {
    if (pid !== null) out.note(CONTROL_TEXT.foreignPid(pid, paths.pidFile));
    out.print(`${CONTROL_TEXT.notRunning}\n`);
    await cleanLeftovers(paths, out);
    return 0;
  }

  const shown = pid === null ? '?' : String(pid);
  out.print(`${CONTROL_TEXT.stopping(shown)}\n`);
  let gone = false;
  if (socket === 'live') {
    try {
      const conn = await connectDaemon({ socketPath: paths.socketPath, clientName: 'skaha-tui daemon stop', requestTimeoutMs: 3_000 });
      try {
        await conn.request('shutdown', {});
      } finally {
        await conn.close();
      }
      gone = await waitForExit(paths.socketPath, pid, waitMs);
    } catch (error) {
      out.note(CONTROL_TEXT.shutdownRefused(toAppError(error).message));
    }
  }
  if (!gone) {
    if (pid === null) {
      out.error(new AppError('DAEMON_ALREADY_RUNNING', CONTROL_TEXT.liveWithoutPid(paths.socketPath)));
      return 1;
    }
    out.note(CONTROL_TEXT.sigterm(pid));
    signal(pid, 'SIGTERM');
    gone = await waitForExit(paths.socketPath, pid, waitMs);
  }
  if (!gone) {
    out.error(new AppError('DAEMON_ALREADY_RUNNING', CONTROL_TEXT.notStopped(shown, Math.round((2 * waitMs) / 1000))));
    return 1;
  }
  await cleanLeftovers(paths, out);
  out.print(`${CONTROL_TEXT.stopped(shown)}\n`);
  return 0;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // it went away on its own in the meantime
  }
}

/** Removes a socket file nobody serves and a pid file naming a dead process; says what it removed. */
export async function cleanLeftovers(paths: Pick<Paths, 'socketPath' | 'pidFile'>, out: Pick<Output, 'note'>): Promise<void> {
  const pid = readDaemonPid(paths.pidFile);
  if (pid !== null && !isProcessAlive(pid)) {
    rmSync(paths.pidFile, { force: true });
    out.note(CONTROL_TEXT.removedStalePid(paths.pidFile, pid));
  }
  if ((await probeDaemonSocket(paths.socketPath)) !== 'stale') return;
  try {
    unlinkSync(paths.socketPath);
    out.note(CONTROL_TEXT.removedStaleSocket(paths.socketPath));
  } catch {
    // removed by someone else in the meantime
  }
}
