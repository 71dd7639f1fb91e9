import { mkdirSync } from 'node:fs';
import { AppError } from '../domain/errors.js';
import type { Paths } from '../config/paths.js';
import { CLIENT_TEXT } from './client-text.js';
import { defaultDaemonCommand, type SpawnCommand } from './daemon-command.js';
import { fileSize, readLogTail } from './log-tail.js';
import { probeDaemonSocket, readDaemonPid } from './socket-probe.js';
import { spawnDetachedDaemon } from './spawn-daemon.js';

/** Options of ensureDaemon. */
export interface EnsureDaemonOptions {
  paths: Pick<Paths, 'socketPath' | 'pidFile' | 'daemonLog' | 'stateDir'>;
  /** Start a daemon when none runs; when false, a missing daemon is DAEMON_UNAVAILABLE. */
  autoStart: boolean;
  /** How long to wait for a started daemon to accept connections (default 5000 ms). */
  waitMs?: number;
  /** What to run (default: this node, the built binary, `daemon`). */
  spawnCommand?: SpawnCommand;
  /** The daemon's environment (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** What ensureDaemon found or did; `pid` is the started process, or the pid file's when one already ran. */
export interface EnsureDaemonResult {
  started: boolean;
  pid?: number;
}

/** Default bound on waiting for a started daemon. */
export const DEFAULT_START_WAIT_MS = 5_000;

const POLL_MS = 50;

/** An ensureDaemon failure, with the daemon log's lines written by this start attempt and the pid it started. */
export class DaemonStartError extends AppError {
  override readonly name = 'DaemonStartError';
  constructor(
    message: string,
    readonly logFile: string,
    readonly logLines: string[],
    readonly pid: number | null,
  ) {
    super('DAEMON_UNAVAILABLE', message);
  }
}

/**
 * Makes sure a daemon answers on the socket: probes it; if nothing serves it and `autoStart` is set, spawns
 * a detached daemon (log appended to paths.daemonLog) and polls the socket until it accepts, within `waitMs`.
 * Fails with DAEMON_UNAVAILABLE (a DaemonStartError naming the log file when a start failed).
 */
export async function ensureDaemon(options: EnsureDaemonOptions): Promise<EnsureDaemonResult> {
  const { paths } = options;
  if ((await probeDaemonSocket(paths.socketPath)) === 'live') return withPid({ started: false }, readDaemonPid(paths.pidFile));
  if (!options.autoStart) throw new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.notRunningNoAutoStart(paths.socketPath));

  const waitMs = options.waitMs ?? DEFAULT_START_WAIT_MS;
  mkdirSync(paths.stateDir, { recursive: true, mode: 0o700 });
  const logStart = fileSize(paths.daemonLog);
  const spawned = spawnDetachedDaemon(options.spawnCommand ?? defaultDaemonCommand(), paths.daemonLog, options.env ?? process.env, paths.stateDir);
  const fail = (reason: string) => {
    const lines = readLogTail(paths.daemonLog, 20, logStart);
    return new DaemonStartError(CLIENT_TEXT.startFailed(reason, paths.daemonLog), paths.daemonLog, lines, spawned.exit ? null : (spawned.child.pid ?? null));
  };

  const deadline = Date.now() + waitMs;
  for (;;) {
    if ((await probeDaemonSocket(paths.socketPath, 250)) === 'live') {
      // Another start may have won the race: then ours exited and the pid file names the winner.
      return spawned.exit ? withPid({ started: false }, readDaemonPid(paths.pidFile)) : withPid({ started: true }, spawned.child.pid ?? null);
    }
    if (spawned.exit) {
      const { code, signal, error } = spawned.exit;
      throw fail(error ? error.message : CLIENT_TEXT.exitedEarly(code, signal));
    }
    if (Date.now() >= deadline) throw fail(CLIENT_TEXT.neverCameUp(waitMs));
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function withPid(result: EnsureDaemonResult, pid: number | null): EnsureDaemonResult {
  return pid === null ? result : { ...result, pid };
}
