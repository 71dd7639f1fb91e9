import { AppError, toAppError } from '../domain/errors.js';
import type { ConnectionIdentity } from '../domain/connection-identity.js';
import type { Clock, TimerHandle } from '../ports/clock.js';
import type { AnyEvent } from '../protocol/messages/event.js';
import type { RequestMethod, RequestParams, RequestResults } from '../protocol/requests.js';
import type { DaemonState } from '../state/state.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { CLIENT_TEXT } from './client-text.js';
import { linkOptions, type ConnectOptions } from './connect-daemon.js';
import type { ConnectionStatus, DaemonConnection, DaemonListener } from './daemon-connection.js';
import type { DaemonLink } from './daemon-link.js';
import { ListenerSet } from './listener-set.js';
import { openLink, type LinkOptions } from './open-link.js';

/** Options of createResilientConnection: connectDaemon's, plus the back-off and a hook run before each attempt. */
export interface ResilientOptions extends ConnectOptions {
  backoff?: BackoffOptions;
  /** Runs before every attempt, e.g. ensureDaemon to auto-start; a rejection counts as a failed attempt. */
  beforeAttempt?: () => Promise<unknown>;
}

/**
 * A DaemonConnection for long-lived clients (the dashboard): connects at once and reconnects with
 * exponential back-off whenever the link drops, keeps the last state while disconnected, resyncs from
 * the welcome snapshot, and reports every status change. Its loop never throws; close() stops it.
 */
export function createResilientConnection(options: ResilientOptions): DaemonConnection {
  return new ResilientConnection(options);
}

class ResilientConnection implements DaemonConnection {
  status: ConnectionStatus;
  state: DaemonState | null = null;
  daemonVersion: string | null = null;
  identity: ConnectionIdentity | null = null;
  private readonly listeners = new ListenerSet();
  private readonly options: LinkOptions;
  private readonly clock: Clock;
  private link: DaemonLink | null = null;
  private timer: TimerHandle | null = null;
  private stopped = false;
  private attempt = 0;

  constructor(private readonly resilient: ResilientOptions) {
    this.options = linkOptions(resilient);
    this.clock = this.options.clock;
    this.status = { state: 'connecting', since: this.clock.now(), attempt: 0, lastError: null, nextRetryAt: null };
    void this.connect();
  }

  request<M extends RequestMethod>(method: M, params: RequestParams[M], options: { timeoutMs?: number } = {}): Promise<RequestResults[M]> {
    if (!this.link) return Promise.reject(new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.notConnected));
    return this.link.request(method, params, options.timeoutMs);
  }

  subscribe(listener: DaemonListener): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    const link = this.link;
    this.link = null;
    this.listeners.clear();
    this.status = { ...this.status, state: 'disconnected', since: this.clock.now(), nextRetryAt: null };
    await link?.close();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.setStatus({ state: 'connecting', attempt: this.attempt, nextRetryAt: null });
    // Callbacks name their own link, so a late frame from a dropped link never touches the current one.
    let mine: DaemonLink | null = null;
    try {
      await this.resilient.beforeAttempt?.();
      if (this.stopped) return;
      const opened = await openLink(this.options, {
        onOpen: (link) => {
          mine = link;
          this.adopt(link);
        },
        onState: (state, reason) => this.onState(mine, state, reason),
        onEvent: (event) => this.onEvent(mine, event),
        onClose: (error) => this.onClose(mine, error),
      });
      if (this.stopped) await opened.close();
    } catch (error) {
      this.retryLater(toAppError(error));
    }
  }

  /** Runs inside the welcome handler, before any later frame, so the snapshot and what follows stay in order. */
  private adopt(link: DaemonLink): void {
    if (this.stopped) return;
    this.link = link;
    this.attempt = 0;
    this.state = link.state;
    this.daemonVersion = link.daemonVersion;
    this.identity = link.identity;
    this.setStatus({ state: 'connected', attempt: 0, lastError: null, nextRetryAt: null });
    this.listeners.state(link.state, 'snapshot');
  }

  private isCurrent(link: DaemonLink | null): boolean {
    return !this.stopped && link !== null && link === this.link;
  }

  private onState(link: DaemonLink | null, state: DaemonState, reason: 'snapshot' | 'patch'): void {
    if (!this.isCurrent(link)) return;
    this.state = state;
    this.listeners.state(state, reason);
  }

  private onEvent(link: DaemonLink | null, event: AnyEvent): void {
    if (this.isCurrent(link)) this.listeners.event(event);
  }

  private onClose(link: DaemonLink | null, error: AppError): void {
    if (!this.isCurrent(link)) return;
    this.link = null;
    this.retryLater(error);
  }

  private retryLater(error: AppError): void {
    if (this.stopped) return;
    this.attempt += 1;
    const delay = backoffDelay(this.attempt, this.resilient.backoff);
    this.setStatus({ state: 'disconnected', attempt: this.attempt, lastError: error.toJSON(), nextRetryAt: this.clock.now() + delay });
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, delay);
  }

  private setStatus(change: Partial<ConnectionStatus>): void {
    const next = { ...this.status, ...change };
    if (next.state !== this.status.state) next.since = this.clock.now();
    this.status = next;
    this.listeners.status(next);
  }
}
