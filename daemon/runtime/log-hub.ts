import type { Clock } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import type { DaemonFrame } from '../../src/protocol/codec.js';
import { makeEvent } from '../../src/protocol/messages/event.js';
import { LogFollower, type LogUpdate } from '../logs/log-follower.js';
import { readLogBytes } from '../../src/logs/read-log-bytes.js';
import type { ApiHolder } from './api-holder.js';

/** What the log hub needs. */
export interface LogHubDeps {
  clock: Clock;
  logger: Logger;
  connection: ApiHolder;
  refreshMs: number;
  bufferLines: number;
  /** Sends a frame to one client. */
  send: (clientId: string, frame: DaemonFrame) => void;
  /** Hears the buffered lines of a followed log whenever they change (the kept copy). */
  keep?: (sessionId: string, lines: readonly string[]) => void;
}

/** Per-session log subscriptions of websocket clients, on top of one LogFollower: each update goes only to its subscribers. */
export class LogHub {
  private readonly follower: LogFollower;
  private readonly subscribers = new Map<string, Set<string>>();

  constructor(private readonly deps: LogHubDeps) {
    this.follower = new LogFollower({
      api: {
        getLogs: (id) => deps.connection.api().getLogs(id),
        getLogBytes: (id) => readLogBytes(deps.connection.api(), id),
      },
      clock: deps.clock,
      refreshMs: deps.refreshMs,
      bufferLines: deps.bufferLines,
      onUpdate: (update) => this.route(update),
      onError: (sessionId, error) => deps.logger.debug('log fetch failed', { session: sessionId, code: error.code, error: error.message }),
    });
  }

  /** Subscribes a client: sends it `logs:reset` with the buffered lines at once; returns how many. */
  subscribe(sessionId: string, clientId: string): number {
    const lines = this.follower.subscribe(sessionId, clientId);
    const set = this.subscribers.get(sessionId) ?? new Set<string>();
    set.add(clientId);
    this.subscribers.set(sessionId, set);
    const data = lines.length >= this.deps.bufferLines ? { sessionId, lines, truncated: true } : { sessionId, lines };
    this.deps.send(clientId, makeEvent('logs:reset', data));
    return lines.length;
  }

  /** Ends one client's subscription; fetching stops when nobody listens. */
  unsubscribe(sessionId: string, clientId: string): void {
    this.follower.unsubscribe(sessionId, clientId);
    const set = this.subscribers.get(sessionId);
    set?.delete(clientId);
    if (set?.size === 0) this.subscribers.delete(sessionId);
  }

  /** Ends every subscription of a client that went away. */
  dropClient(clientId: string): void {
    for (const sessionId of [...this.subscribers.keys()]) this.unsubscribe(sessionId, clientId);
  }

  /** Sessions whose logs are being fetched now. */
  activeSessions(): string[] {
    return this.follower.activeSessions();
  }

  /** Stops every fetch. */
  stop(): void {
    this.follower.stop();
    this.subscribers.clear();
  }

  private route(update: LogUpdate): void {
    const topic = update.kind === 'reset' ? 'logs:reset' : 'logs:append';
    const frame = makeEvent(topic, { sessionId: update.sessionId, lines: update.lines });
    for (const clientId of this.subscribers.get(update.sessionId) ?? []) this.deps.send(clientId, frame);
    this.deps.keep?.(update.sessionId, this.follower.buffered(update.sessionId));
  }
}
