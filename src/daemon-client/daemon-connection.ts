import type { ConnectionIdentity } from '../domain/connection-identity.js';
import type { ErrorJson } from '../domain/errors.js';
import type { DaemonState } from '../state/state.js';
import type { RequestMethod, RequestParams, RequestResults } from '../protocol/requests.js';
import type { EventTopic, TopicData } from '../protocol/topics.js';

/** Where the client is in reaching the daemon. */
export interface ConnectionStatus {
  state: 'connecting' | 'connected' | 'disconnected';
  /** When `state` last changed (epoch ms). */
  since: number;
  /** Consecutive failed attempts since the last good connection. */
  attempt: number;
  lastError: ErrorJson | null;
  /** When the next reconnect attempt runs, while disconnected. */
  nextRetryAt: number | null;
}

/** Callbacks a DaemonConnection user registers; all optional. */
export interface DaemonListener {
  /** The mirrored state changed: a full snapshot arrived, or a patch was applied. */
  onState?(state: DaemonState, reason: 'snapshot' | 'patch'): void;
  /** A pushed event (every topic, state ones included). */
  onEvent?<T extends EventTopic>(topic: T, data: TopicData[T]): void;
  onStatus?(status: ConnectionStatus): void;
}

/**
 * A live link to the daemon, shared by the CLI and the dashboard: it mirrors the daemon state
 * (snapshot + patches), passes on events, and carries requests. Resilient implementations
 * reconnect with back-off and resync on reconnect.
 */
export interface DaemonConnection {
  readonly status: ConnectionStatus;
  /** The mirrored daemon state; null until the first welcome. */
  readonly state: DaemonState | null;
  readonly daemonVersion: string | null;
  /** The server and credential the daemon uses (from the last welcome; never a secret); null until then, or while it has none. */
  readonly identity: ConnectionIdentity | null;
  /** Sends a request; rejects with an AppError (DAEMON_UNAVAILABLE when not connected, TIMEOUT when no answer). */
  request<M extends RequestMethod>(method: M, params: RequestParams[M], options?: { timeoutMs?: number }): Promise<RequestResults[M]>;
  /** Registers callbacks; returns a function that removes them. */
  subscribe(listener: DaemonListener): () => void;
  close(): Promise<void>;
}
