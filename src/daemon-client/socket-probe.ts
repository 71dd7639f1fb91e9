import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { assertTrustedSocket } from './socket-trust.js';

/** What is at a daemon socket path: something accepting ('live'), a file nobody serves ('stale'), or nothing ('absent'). */
export type SocketProbe = 'live' | 'stale' | 'absent';

/**
 * Probes a Unix socket with a bare connect (no websocket); a connect that hangs past `timeoutMs` counts as live.
 * Rejects with DAEMON_UNTRUSTED, without connecting, when the socket or its folder could be someone else's.
 */
export function probeDaemonSocket(socketPath: string, timeoutMs = 500): Promise<SocketProbe> {
  try {
    assertTrustedSocket(socketPath);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    const done = (result: SocketProbe) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done('live'), timeoutMs);
    socket.once('connect', () => done('live'));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ENOENT' ? 'absent' : 'stale'));
  });
}

/** The pid in the daemon's pid file, or null when there is none or it is garbage. */
export function readDaemonPid(pidFile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
