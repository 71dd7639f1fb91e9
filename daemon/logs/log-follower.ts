import type { SkahaApi } from '../../src/ports/skaha-api.js';
import type { Clock } from '../../src/ports/clock.js';
import { toAppError, type AppError } from '../../src/domain/errors.js';
import { RepeatingTask } from '../poll/repeating-task.js';
import { backoffDelay } from '../poll/poll-interval.js';
import { diffLogBytes, logRefreshInterval, type LogCursor } from '../../src/logs/log-diff.js';
import { readLogBytes } from '../../src/logs/read-log-bytes.js';
import { LineBuffer } from '../../src/logs/line-buffer.js';

/** New lines for a session's subscribers: appended, or the whole buffer after a reset. */
export interface LogUpdate {
  sessionId: string;
  kind: 'append' | 'reset';
  lines: string[];
}

/** Options of a LogFollower. */
export interface LogFollowerOptions {
  /** Where logs come from: as bytes when the API can (only what is new gets decoded), else as text. */
  api: Pick<SkahaApi, 'getLogs' | 'getLogBytes'>;
  clock: Clock;
  refreshMs: number;
  bufferLines: number;
  onUpdate: (update: LogUpdate) => void;
  onError?: (sessionId: string, error: AppError) => void;
  /** Idle buffers kept for quick re-subscription (least recently used go first). */
  idleBuffers?: number;
}

interface Followed {
  subscribers: Set<string>;
  buffer: LineBuffer;
  cursor: LogCursor | null;
  lastBytes: number;
  failures: number;
  task: RepeatingTask;
}

/** Refetches the logs of sessions someone subscribed to, and passes on only what is new. */
export class LogFollower {
  private readonly followed = new Map<string, Followed>();

  constructor(private readonly options: LogFollowerOptions) {}

  /** Adds a subscriber; returns the buffered lines at once and starts fetching if nobody was. */
  subscribe(sessionId: string, subscriber: string): string[] {
    const entry = this.followed.get(sessionId) ?? this.create(sessionId);
    this.followed.delete(sessionId);
    this.followed.set(sessionId, entry);
    const wasIdle = entry.subscribers.size === 0;
    entry.subscribers.add(subscriber);
    if (wasIdle) entry.task.start(0);
    return entry.buffer.lines();
  }

  /** Removes a subscriber; fetching stops when nobody listens. */
  unsubscribe(sessionId: string, subscriber: string): void {
    const entry = this.followed.get(sessionId);
    if (!entry || !entry.subscribers.delete(subscriber)) return;
    if (entry.subscribers.size === 0) {
      entry.task.stop();
      this.evictIdle();
    }
  }

  /** Removes a subscriber from every session (a client went away). */
  unsubscribeAll(subscriber: string): void {
    for (const sessionId of [...this.followed.keys()]) this.unsubscribe(sessionId, subscriber);
  }

  /** Sessions being fetched now. */
  activeSessions(): string[] {
    return [...this.followed].filter(([, e]) => e.subscribers.size > 0).map(([id]) => id);
  }

  /** The lines buffered for a session (empty when it is not followed). */
  buffered(sessionId: string): string[] {
    return this.followed.get(sessionId)?.buffer.lines() ?? [];
  }

  /** Forgets a session (it is gone). */
  forget(sessionId: string): void {
    this.followed.get(sessionId)?.task.stop();
    this.followed.delete(sessionId);
  }

  /** Stops every fetch. */
  stop(): void {
    for (const entry of this.followed.values()) entry.task.stop();
    this.followed.clear();
  }

  private create(sessionId: string): Followed {
    const entry: Followed = {
      subscribers: new Set(),
      buffer: new LineBuffer(this.options.bufferLines),
      cursor: null,
      lastBytes: 0,
      failures: 0,
      task: new RepeatingTask({
        clock: this.options.clock,
        run: () => this.fetch(sessionId, entry),
        nextDelay: (outcome) =>
          outcome.ok ? logRefreshInterval(this.options.refreshMs, entry.lastBytes) : backoffDelay(entry.failures, this.options.refreshMs, 60_000),
      }),
    };
    return entry;
  }

  private async fetch(sessionId: string, entry: Followed): Promise<void> {
    try {
      const log = await readLogBytes(this.options.api, sessionId);
      entry.failures = 0;
      entry.lastBytes = log.length;
      // A log that turns empty lost its pod (the platform deleted it: expiry, a job's clean-up), or a
      // restarted container has not written yet: the last lines stay until new ones come.
      if (log.length === 0 && entry.buffer.length > 0) return;
      const change = diffLogBytes(entry.cursor, log);
      entry.cursor = change.cursor;
      if (change.kind === 'reset') entry.buffer.clear();
      entry.buffer.push(change.lines);
      if (change.kind === 'reset' || change.lines.length > 0) {
        const lines = change.kind === 'reset' ? entry.buffer.lines() : change.lines;
        this.options.onUpdate({ sessionId, kind: change.kind, lines });
      }
    } catch (error) {
      entry.failures++;
      this.options.onError?.(sessionId, toAppError(error));
      throw error;
    }
  }

  private evictIdle(): void {
    const limit = this.options.idleBuffers ?? 16;
    const idle = [...this.followed].filter(([, e]) => e.subscribers.size === 0);
    for (const [id] of idle.slice(0, Math.max(0, idle.length - limit))) this.followed.delete(id);
  }
}
