import type { ConnectionIdentity } from '../../../src/domain/connection-identity.js';
import { AppError } from '../../../src/domain/errors.js';
import type { ConnectionStatus, DaemonConnection, DaemonListener } from '../../../src/daemon-client/daemon-connection.js';
import type { RequestMethod, RequestParams, RequestResults } from '../../../src/protocol/requests.js';
import type { EventTopic, TopicData } from '../../../src/protocol/topics.js';
import type { DaemonState } from '../../../src/state/state.js';

/** One request the dashboard made. */
export interface SentRequest {
  method: RequestMethod;
  params: unknown;
}

type Handler = (params: unknown) => unknown;

/** A DaemonConnection driven by the test: push states, events and statuses; script request answers. */
export class FakeConnection implements DaemonConnection {
  status: ConnectionStatus;
  state: DaemonState | null;
  daemonVersion = '0.1.0';
  identity: ConnectionIdentity | null = null;
  readonly sent: SentRequest[] = [];
  private readonly listeners = new Set<DaemonListener>();
  private readonly handlers = new Map<string, Handler>();
  closed = false;

  constructor(state: DaemonState | null, now = Date.parse('2026-11-22T12:00:00Z')) {
    this.state = state;
    this.status = { state: state ? 'connected' : 'connecting', since: now, attempt: 0, lastError: null, nextRetryAt: null };
    this.handlers.set('config.get', () => ({ url: 'https://ws-uv.canfar.net/skaha' }));
    for (const m of ['logs.subscribe', 'logs.unsubscribe']) this.handlers.set(m, (p) => ({ ...(p as object), lines: 0 }));
    this.handlers.set('refresh', () => ({ polledAt: now }));
    this.handlers.set('images', () => []);
    this.handlers.set('events', () => []);
    const bulk = (p: unknown) => ({ results: (p as { ids: string[] }).ids.map((id) => ({ id, ok: true })) });
    this.handlers.set('delete', bulk);
    this.handlers.set('renew', bulk);
  }

  /** Answers `method` with `handler`'s result (a thrown error rejects the request). */
  on<M extends RequestMethod>(method: M, handler: (params: RequestParams[M]) => RequestResults[M] | Promise<RequestResults[M]>): void {
    this.handlers.set(method, handler as Handler);
  }

  request<M extends RequestMethod>(method: M, params: RequestParams[M]): Promise<RequestResults[M]> {
    this.sent.push({ method, params });
    if (this.status.state !== 'connected') return Promise.reject(new AppError('DAEMON_UNAVAILABLE', 'not connected to the daemon'));
    const handler = this.handlers.get(method);
    if (!handler) return Promise.reject(new AppError('DAEMON_PROTOCOL_ERROR', `no fake answer for ${method}`));
    try {
      return Promise.resolve(handler(params) as RequestResults[M]);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  subscribe(listener: DaemonListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
  }

  /** The methods requested, in order. */
  methods(): string[] {
    return this.sent.map((r) => r.method);
  }

  pushState(state: DaemonState, reason: 'snapshot' | 'patch' = 'patch'): void {
    this.state = state;
    for (const l of this.listeners) l.onState?.(state, reason);
  }

  pushEvent<T extends EventTopic>(topic: T, data: TopicData[T]): void {
    for (const l of this.listeners) l.onEvent?.(topic, data);
  }

  pushStatus(change: Partial<ConnectionStatus>): void {
    this.status = { ...this.status, ...change };
    for (const l of this.listeners) l.onStatus?.(this.status);
  }
}
