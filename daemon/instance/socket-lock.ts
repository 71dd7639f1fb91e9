import { chmodSync, unlinkSync } from 'node:fs';
import type { Server } from 'node:http';
import { AppError } from '../../src/domain/errors.js';
import { probeDaemonSocket } from '../../src/daemon-client/socket-probe.js';

function listenOnce(server: Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(socketPath);
  });
}

/**
 * Listens on the daemon socket as the single instance: a live daemon there means DAEMON_ALREADY_RUNNING;
 * a stale socket file left by a crash is removed and the listen retried. The socket is made 0600.
 */
export async function listenExclusive(server: Server, socketPath: string): Promise<void> {
  // Only the owner may connect, even for the instant before chmod runs.
  const previousMask = process.umask(0o177);
  try {
    await listenOnce(server, socketPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if ((await probeDaemonSocket(socketPath, 1_000)) === 'live') {
      throw new AppError('DAEMON_ALREADY_RUNNING', `a skaha-tui daemon is already running on ${socketPath}`);
    }
    unlinkSync(socketPath);
    await listenOnce(server, socketPath);
  } finally {
    process.umask(previousMask);
  }
  chmodSync(socketPath, 0o600);
}
