// Fakes at the CLI's daemon and system ports: a DaemonConnection with a mirrored state, a DaemonAccess, and a CliSystem.
import type { CliSystem, Interrupt } from '../../src/cli/system.js';
import type { DaemonAccess } from '../../src/cli/daemon-access.js';
import type { ConnectionStatus, DaemonConnection, DaemonListener } from '../../src/daemon-client/daemon-connection.js';
import type { ConnectionIdentity } from '../../src/domain/connection-identity.js';
import { AppError } from '../../src/domain/errors.js';
import type { Session } from '../../src/domain/session.js';
import type { RequestMethod, RequestParams, RequestResults } from '../../src/protocol/requests.js';
import type { EventTopic, TopicData } from '../../src/protocol/topics.js';
import { initialState, type DaemonState } from '../../src/state/state.js';
import { NOW } from './cli-harness.js';

type Handlers = { [M in RequestMethod]?: (params: RequestParams[M]) => RequestResults[M] | Promise<RequestResults[M]> };

/** A fresh daemon state holding `sessions`, polled 5 s before NOW, healthy. */
export function daemonState(sessions: Session[] = [], overrides: Partial<DaemonState> = {}): DaemonState {
  const base = initialState();
  return {
    ...base,
    sessions: Object.fromEntries(sessions.map((s) => [s.id, s])),
    lastPollAt: NOW - 5_000,
    health: { ...base.health, state: 'ok', since: NOW - 60_000, lastSuccessAt: NOW - 5_000, stale: false },
    ...overrides,
  };
}

/** The connection identity the fakes share by default: the daemon's and the command's agree. */
export const FAKE_IDENTITY: ConnectionIdentity = {
  server: 'https://fake.example/skaha/v1',
  credential: { kind: 'token', source: 'env', fingerprint: 'fa4e00000000' },
};

/** A DaemonConnection double: scripted request handlers, a log of requests, and events pushed by the test. */
export class FakeDaemon implements DaemonConnection {
  status: ConnectionStatus = { state: 'connected', since: 0, attempt: 0, lastError: null, nextRetryAt: null };
  state: DaemonState;
  daemonVersion = '0.1.0';
  identity: ConnectionIdentity | null = FAKE_IDENTITY;
  requests: Array<{ method: RequestMethod; params: unknown }> = [];
  closed = false;
  readonly listeners = new Set<DaemonListener>();
  handlers: Handlers = {
    launch: (p) => ({ launchId: 'l-1', results: [{ name: p.name, id: 'new00001' }] }),
    delete: (p) => ({ results: p.ids.map((id) => ({ id, ok: true as const })) }),
    renew: (p) => ({ results: p.ids.map((id) => ({ id, ok: true as const })) }),
    refresh: () => ({ polledAt: this.state.lastPollAt ?? 0 }),
    events: () => [],
    'logs.subscribe': (p) => ({ sessionId: p.sessionId, lines: 0 }),
    'logs.unsubscribe': (p) => ({ sessionId: p.sessionId }),
  };

  constructor(sessions: Session[] = [], overrides: Partial<DaemonState> = {}) {
    this.state = daemonState(sessions, overrides);
  }

  request<M extends RequestMethod>(method: M, params: RequestParams[M]): Promise<RequestResults[M]> {
    this.requests.push({ method, params });
    const handler = this.handlers[method];
    if (!handler) return Promise.reject(new AppError('INTERNAL_ERROR', `fake daemon: ${method} not scripted`));
    try {
      return Promise.resolve(handler(params));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** The methods requested, in order. */
  methods(): string[] {
    return this.requests.map((r) => r.method);
  }

  subscribe(listener: DaemonListener): () => void {
    this.listeners.add(listener);
    this.onSubscribe();
    return () => void this.listeners.delete(listener);
  }

  /** Runs (on the next turn) each time a listener subscribes, e.g. to push events to `watch`. */
  onSubscribe: () => void = () => undefined;

  /** Pushes an event to every listener, as the daemon would. */
  emit<T extends EventTopic>(topic: T, data: TopicData[T]): void {
    for (const l of [...this.listeners]) l.onEvent?.(topic, data);
  }

  /** Drops the link, as when the daemon stops. */
  disconnect(message = 'the skaha-tui daemon is shutting down'): void {
    this.status = { ...this.status, state: 'disconnected', lastError: { code: 'DAEMON_UNAVAILABLE', message } };
    for (const l of [...this.listeners]) l.onStatus?.(this.status);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** A DaemonAccess over fakes: `running` answers connect; `startable` is what start() brings up when none runs; the command's identity is `own`. */
export function fakeAccess(
  running: FakeDaemon | null,
  startable: FakeDaemon | null = null,
  own: ConnectionIdentity | null = FAKE_IDENTITY,
): DaemonAccess & { starts: number } {
  const access = {
    starts: 0,
    identity: () => Promise.resolve(own),
    connect: () => (running ? Promise.resolve(running) : Promise.reject(new AppError('DAEMON_UNAVAILABLE', 'no skaha-tui daemon is running (fake)'))),
    async start() {
      access.starts++;
      if (running) return { connection: running, started: false };
      if (startable) return { connection: startable, started: true };
      throw new AppError('DAEMON_UNAVAILABLE', 'could not start the skaha-tui daemon (fake)');
    },
  };
  return access;
}

/** A CliSystem double: records opened URLs and sleeps, moves a clock, and lets the test press Ctrl-C. */
export class FakeSystem implements CliSystem {
  opened: string[] = [];
  openWorks = true;
  sleeps: number[] = [];
  time = NOW;
  /** Runs on every sleep (after the clock moved), e.g. to change the fakes or press Ctrl-C. */
  onSleep: (count: number) => void | Promise<void> = () => undefined;
  private controller = new AbortController();

  async openUrl(url: string): Promise<boolean> {
    this.opened.push(url);
    return this.openWorks;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
    await this.onSleep(this.sleeps.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  interrupt(): Interrupt {
    return { signal: this.controller.signal, dispose: () => undefined };
  }
  /** Ctrl-C. */
  press(): void {
    this.controller.abort();
  }
}
