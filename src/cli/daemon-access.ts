import { existsSync } from 'node:fs';
import { resolvePaths } from '../config/paths.js';
import type { DaemonConnection } from '../daemon-client/daemon-connection.js';
import { CLIENT_TEXT } from '../daemon-client/client-text.js';
import { assertTrustedSocket } from '../daemon-client/socket-trust.js';
import { AppError, toAppError } from '../domain/errors.js';
import type { ConnectionIdentity } from '../domain/connection-identity.js';
import type { GlobalFlags } from './parse-args.js';

/** How the CLI reaches the skaha-tui daemon (tests pass a fake). */
export interface DaemonAccess {
  /** Connects to a running daemon; rejects with DAEMON_UNAVAILABLE when none answers, DAEMON_UNTRUSTED when its socket could be someone else's. */
  connect(): Promise<DaemonConnection>;
  /** Starts a daemon when none runs, then connects; `started` says whether this call started it. */
  start(): Promise<{ connection: DaemonConnection; started: boolean }>;
  /** This command's own connection identity (flags > env > config), to compare with the daemon's; null when it cannot be resolved. */
  identity(): Promise<ConnectionIdentity | null>;
}

/** A short bound: a CLI without a daemon must fall back to Skaha at once. */
export const CLI_CONNECT_TIMEOUT_MS = 1_500;

/** The environment of a daemon this CLI starts: its own, plus the connection flags as SKAHA_* variables (never argv, which is logged). */
export function daemonEnv(env: Readonly<Record<string, string | undefined>>, flags: GlobalFlags): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  if (flags.url) out.SKAHA_URL = flags.url;
  if (flags.cert) {
    out.SKAHA_CERT = flags.cert;
    delete out.SKAHA_TOKEN;
    delete out.CANFAR_TOKEN;
  }
  if (flags.token) out.SKAHA_TOKEN = flags.token;
  return out;
}

/** The real access: the socket from the paths module, connectDaemon, and ensureDaemon to auto-start. */
export function processDaemonAccess(env: Readonly<Record<string, string | undefined>>, flags: GlobalFlags, clientName: string): DaemonAccess {
  const paths = () => resolvePaths(env);
  const connect = async (): Promise<DaemonConnection> => {
    let socketPath: string;
    try {
      socketPath = paths().socketPath;
    } catch (error) {
      // A socket path over the Unix limit means no daemon can listen there: the CLI goes direct (doctor explains why).
      throw new AppError('DAEMON_UNAVAILABLE', toAppError(error).message);
    }
    // A socket another user could own is refused before anything else: DAEMON_UNTRUSTED, which the CLI never falls back from.
    assertTrustedSocket(socketPath);
    // No socket file: no daemon. Saying so without loading the websocket code keeps `ps` quick.
    if (!existsSync(socketPath)) throw new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.noSocket(socketPath));
    const { connectDaemon } = await import('../daemon-client/connect-daemon.js');
    return connectDaemon({ socketPath, clientName, connectTimeoutMs: CLI_CONNECT_TIMEOUT_MS });
  };
  return {
    connect,
    async start() {
      const { ensureDaemon } = await import('../daemon-client/ensure-daemon.js');
      const result = await ensureDaemon({ paths: paths(), autoStart: true, env: daemonEnv(env, flags) });
      return { connection: await connect(), started: result.started };
    },
    async identity() {
      const { resolveIdentity } = await import('../config/connection-identity.js');
      // Unresolvable (null) means the command cannot show it is the daemon's user: it goes direct and reports why there.
      return resolveIdentity({ url: flags.url, token: flags.token, cert: flags.cert }, env);
    },
  };
}
