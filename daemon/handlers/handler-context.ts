import type { Clock } from '../../src/ports/clock.js';
import type { DaemonMetrics } from '../../src/protocol/daemon-metrics.js';
import type { Logger } from '../../src/ports/logger.js';
import type { SkahaApi } from '../../src/ports/skaha-api.js';
import type { Action } from '../../src/state/actions.js';
import type { DaemonState } from '../../src/state/state.js';
import type { RequestMethod, RequestParams, RequestResults } from '../../src/protocol/requests.js';
import type { Image, ResourceContext, SessionEvent } from '../../src/domain/platform.js';
import type { PollOutcome } from '../runtime/session-poller.js';
import type { BulkResult } from '../../src/protocol/requests.js';
import type { KeptLog } from '../../src/protocol/kept-log.js';

/** The client a request came from. */
export interface RequestClient {
  /** Daemon-unique id (log subscriptions are keyed by it). */
  id: string;
  /** The name from its hello. */
  name: string;
}

/** Everything a request handler may use; handlers do no wiring of their own. */
export interface HandlerContext {
  clock: Clock;
  logger: Logger;
  state(): DaemonState;
  /** Reduces actions into the state at once; the promise covers reporting (never rejects). */
  apply(...actions: Action[]): Promise<void>;
  /** The Skaha API; throws the connection failure while there is none. */
  api(): SkahaApi;
  /** Most requests one bulk operation runs at once. */
  concurrency(): number;
  /** Whether the connection has private-registry credentials (never which). */
  registryConfigured(): boolean;
  /** A poll that starts after this call, awaited: its outcome (null when the daemon stopped first). */
  refresh(): Promise<PollOutcome | null>;
  /** Polls as soon as possible without waiting (after launch, delete, renew). */
  pollSoon(): void;
  /** The image catalogue (cached when fresh). */
  images(kind?: string): Promise<Image[]>;
  /** The resource context (a read of the last few seconds is reused). */
  context(): Promise<ResourceContext>;
  /** A session's Kubernetes events (a read of the last few seconds is reused). */
  events(sessionId: string): Promise<SessionEvent[]>;
  /** Renews each id, reads the sessions again and says per id whether the expiry moved (see renewAndCheck). */
  renewAndCheck(ids: readonly string[]): Promise<BulkResult[]>;
  /** The last copy of a session's log the daemon kept, or null. */
  keptLog(sessionId: string): KeptLog | null;
  /** Whether `sessionId` is one of the user's sessions, after one fresh poll when the state does not hold it. */
  knownSession(sessionId: string): Promise<boolean>;
  /** Log subscriptions: subscribe sends `logs:reset` to the client before returning the line count. */
  logs: {
    subscribe(sessionId: string, clientId: string): number;
    unsubscribe(sessionId: string, clientId: string): void;
  };
  /** The effective config, secrets removed. */
  effectiveConfig(): Record<string, unknown>;
  /** The daemon process's memory, handles and event-loop delay, plus its client and session counts. */
  metrics(): DaemonMetrics;
  /** Starts the one shutdown path (after the current response went out). */
  shutdown(reason: string): void;
  /** A new unique id with a prefix (launch ids). */
  newId(prefix: string): string;
}

/** A request handler: typed params in, typed result out; failures reject with an AppError. */
export type Handler<M extends RequestMethod> = (params: RequestParams[M], ctx: HandlerContext, client: RequestClient) => Promise<RequestResults[M]>;
