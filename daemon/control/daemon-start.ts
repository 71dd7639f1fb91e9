import type { Paths } from '../../src/config/paths.js';
import type { Output } from '../../src/cli/command-context.js';
import { DaemonStartError, ensureDaemon } from '../../src/daemon-client/ensure-daemon.js';
import { probeDaemonSocket } from '../../src/daemon-client/socket-probe.js';
import { isProcessAlive } from '../instance/pid-file.js';
import { readDaemonPid } from '../../src/daemon-client/socket-probe.js';
import { CONTROL_TEXT } from './control-text.js';
import type { ControlOptions } from './control-options.js';

/** `daemon start`: exit 0 when a daemon runs afterwards (already or newly), 1 with the log's last lines when it would not start. */
export async function daemonStart(paths: Paths, out: Output, env: NodeJS.ProcessEnv, options: ControlOptions): Promise<number> {
  if ((await probeDaemonSocket(paths.socketPath)) === 'live') {
    out.print(`${CONTROL_TEXT.alreadyRunning(runningPid(paths.pidFile), paths.socketPath)}\n`);
    return 0;
  }
  try {
    const result = await ensureDaemon({ paths, autoStart: true, waitMs: options.startWaitMs, spawnCommand: options.spawnCommand, env });
    const pid = result.pid === undefined ? '?' : String(result.pid);
    out.print(`${result.started ? CONTROL_TEXT.started(pid, paths.daemonLog) : CONTROL_TEXT.alreadyRunning(pid, paths.socketPath)}\n`);
    return 0;
  } catch (error) {
    out.error(error);
    if (error instanceof DaemonStartError) {
      out.note(error.logLines.length > 0 ? CONTROL_TEXT.logTail(error.logFile) : CONTROL_TEXT.logEmpty(error.logFile));
      for (const line of error.logLines) out.note(`  ${line}`);
    }
    return 1;
  }
}

/** The pid file's pid as text when that process runs, else "?". */
export function runningPid(pidFile: string): string {
  const pid = readDaemonPid(pidFile);
  return pid !== null && isProcessAlive(pid) ? String(pid) : '?';
}
