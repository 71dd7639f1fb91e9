import type { AppError } from '../domain/errors.js';
import type { ConnectionIdentity } from '../domain/connection-identity.js';
import { systemClock, type Clock } from '../ports/clock.js';
import type { RequestMethod, RequestParams, RequestResults } from '../protocol/requests.js';
import type { DaemonState } from '../state/state.js';
import type { ConnectionStatus, DaemonConnection, DaemonListener } from './daemon-connection.js';
import type { DaemonLink } from './daemon-link.js';
import type { DaemonAddress } from './daemon-target.js';
import { ListenerSet } from './listener-set.js';
import { openLink, type LinkOptions } from './open-link.js';

/** Default bound on reaching the daemon: short, so a CLI without a daemon falls back at once. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 2_000;

/** Default bound on each request (and on the welcome): refresh waits for a whole poll. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Options of connectDaemon: where the daemon is, who we are, and how long to wait. */
export interface ConnectOptions extends DaemonAddress {
  /** Shown in the daemon's log, e.g. `skaha-tui ps`. */
  clientName: string;
  /** Default 2000 ms. */
  connectTimeoutMs?: number;
  /** Default 30000 ms; each request may override it. */
  requestTimeoutMs?: number;
  /** Timers for the timeouts (tests pass a fake). */
  clock?: Clock;
}

/** The full link options for connect options, defaults filled in. */
export function linkOptions(options: ConnectOptions): LinkOptions {
  return {
    socketPath: options.socketPath,
    tcp: options.tcp,
    clientName: options.clientName,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    clock: options.clock ?? systemClock(),
  };
}

/**
 * Connects once (for the CLI): resolves after the welcome with the state mirrored; rejects fast with
 * DAEMON_UNAVAILABLE (no daemon, stale socket, refused) or DAEMON_PROTOCOL_ERROR (version mismatch).
 * The connection does not reconnect: after a close, requests reject with DAEMON_UNAVAILABLE.
 */
export async function connectDaemon(options: ConnectOptions): Promise<DaemonConnection> {
  const full = linkOptions(options);
  const connection = new DirectConnection(full.clock);
  await openLink(full, connection.handlers);
  return connection;
}

/** A DaemonConnection over one link, no reconnects. */
class DirectConnection implements DaemonConnection {
  status: ConnectionStatus;
  state: DaemonState | null = null;
  daemonVersion: string | null = null;
  identity: ConnectionIdentity | null = null;
  private link: DaemonLink | null = null;
  private readonly listeners = new ListenerSet();

  constructor(private readonly clock: Clock) {
    this.status = { state: 'connecting', since: clock.now(), attempt: 0, lastError: null, nextRetryAt: null };
  }

  readonly handlers = {
    onOpen: (link: DaemonLink) => {
      this.link = link;
      this.state = link.state;
      this.daemonVersion = link.daemonVersion;
      this.identity = link.identity;
      this.status = { ...this.status, state: 'connected', since: this.clock.now() };
    },
    onState: (state: DaemonState, reason: 'snapshot' | 'patch') => {
      this.state = state;
      this.listeners.state(state, reason);
    },
    onEvent: (event: Parameters<ListenerSet['event']>[0]) => this.listeners.event(event),
    onClose: (error: AppError) => {
      this.status = { ...this.status, state: 'disconnected', since: this.clock.now(), lastError: error.toJSON() };
      this.listeners.status(this.status);
    },
  };

  request<M extends RequestMethod>(method: M, params: RequestParams[M], options: { timeoutMs?: number } = {}): Promise<RequestResults[M]> {
    return this.link!.request(method, params, options.timeoutMs);
  }

  subscribe(listener: DaemonListener): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    await this.link?.close();
    this.listeners.clear();
  }
}
