import { dirname } from 'node:path';
import type { Paths } from '../../src/config/paths.js';
import { toAppError, type ErrorJson } from '../../src/domain/errors.js';
import { connectDaemon } from '../../src/daemon-client/connect-daemon.js';
import { probeDaemonSocket, type SocketProbe } from '../../src/daemon-client/socket-probe.js';
import { socketTrustProblem, untrustedSocketError } from '../../src/daemon-client/socket-trust.js';
import { PROTOCOL_VERSION } from '../../src/protocol/version.js';
import type { DaemonState } from '../../src/state/state.js';
import { isProcessAlive } from '../instance/pid-file.js';
import { readDaemonPid } from '../../src/daemon-client/socket-probe.js';

/** What is known about the local daemon: its socket, its pid file, and what it says about itself. */
export interface DaemonReport {
  /** Something accepts connections on the socket. */
  running: boolean;
  /** What is at the socket; 'untrusted' when it (or its folder) could be another user's, and was not touched. */
  socket: SocketProbe | 'untrusted';
  /** The pid file's pid while that process runs; null otherwise. */
  pid: number | null;
  /** The pid file's pid when that process is gone (a leftover). */
  stalePid: number | null;
  socketPath: string;
  pidFile: string;
  logFile: string;
  daemonVersion: string | null;
  protocol: number | null;
  /** The daemon's state from its welcome; null when it could not be read. */
  state: DaemonState | null;
  /** Why the daemon could not be talked to although its socket is live. */
  error: ErrorJson | null;
}

/** Bounds for the handshake with a running daemon. */
export interface InspectOptions {
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Acknowledge the daemon's notices once read (`daemon status` shows them, so it says each one once). */
  acknowledgeNotices?: boolean;
}

/**
 * Probes the socket and the pid file, and, when the socket is live, says hello to read versions and state.
 * A socket another user could own is reported as 'untrusted' with the reason, and neither it nor the pid file is read.
 */
export async function inspectDaemon(paths: Pick<Paths, 'socketPath' | 'pidFile' | 'daemonLog'>, options: InspectOptions = {}): Promise<DaemonReport> {
  const problem = socketTrustProblem(paths.socketPath);
  const socket = problem === null ? await probeDaemonSocket(paths.socketPath) : 'untrusted';
  const filePid = problem === null ? readDaemonPid(paths.pidFile) : null;
  const alive = filePid !== null && isProcessAlive(filePid);
  const report: DaemonReport = {
    running: socket === 'live',
    socket,
    pid: alive ? filePid : null,
    stalePid: filePid !== null && !alive ? filePid : null,
    socketPath: paths.socketPath,
    pidFile: paths.pidFile,
    logFile: paths.daemonLog,
    daemonVersion: null,
    protocol: null,
    state: null,
    error: problem === null ? null : untrustedSocketError(problem, dirname(paths.socketPath)).toJSON(),
  };
  if (socket !== 'live') return report;
  try {
    const conn = await connectDaemon({
      socketPath: paths.socketPath,
      clientName: 'skaha-tui status',
      connectTimeoutMs: options.connectTimeoutMs ?? 2_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 5_000,
    });
    report.daemonVersion = conn.daemonVersion;
    report.protocol = PROTOCOL_VERSION;
    report.state = conn.state;
    const keys = conn.state?.notices.map((n) => n.key) ?? [];
    if (options.acknowledgeNotices && keys.length > 0) await conn.request('notices.ack', { keys });
    await conn.close();
  } catch (error) {
    report.error = toAppError(error).toJSON();
  }
  return report;
}
