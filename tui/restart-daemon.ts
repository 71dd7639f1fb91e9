// Restarts the user's daemon with the dashboard's own environment (its server and credential).

import type { Paths } from '../src/config/paths.js';
import { ensureDaemon, probeDaemonSocket, type DaemonConnection } from '../src/daemon-client/index.js';
import { AppError } from '../src/domain/errors.js';

/** How long the old daemon may take to go away. */
const STOP_WAIT_MS = 5_000;

/** Asks the daemon to shut down, waits until its socket is gone, then starts a new one with `env`; the connection reconnects by itself. */
export async function restartDaemon(connection: DaemonConnection, paths: Paths, env: NodeJS.ProcessEnv, stopWaitMs = STOP_WAIT_MS): Promise<void> {
  await connection.request('shutdown', {}, { timeoutMs: 2_000 });
  const deadline = Date.now() + stopWaitMs;
  while ((await probeDaemonSocket(paths.socketPath, 200)) === 'live') {
    if (Date.now() > deadline)
      throw new AppError('DAEMON_UNAVAILABLE', `the daemon did not stop within ${stopWaitMs / 1000} s — try \`skaha-tui daemon restart\``);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await ensureDaemon({ paths, autoStart: true, env });
}
