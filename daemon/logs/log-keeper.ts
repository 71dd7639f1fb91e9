import { readFile } from 'node:fs/promises';
import { isFinished, type Session } from '../../src/domain/session.js';
import type { Clock, TimerHandle } from '../../src/ports/clock.js';
import { silentLogger, type Logger } from '../../src/ports/logger.js';
import type { SkahaApi } from '../../src/ports/skaha-api.js';
import type { KeptLog } from '../../src/protocol/kept-log.js';
import { settleConcurrently } from '../../src/client/limit-concurrency.js';
import { writePrivateFile } from '../store/write-private-file.js';

/** How the log keeper is bounded. */
export interface LogKeeperLimits {
  /** How long a copy is kept after its session left the listing (default 24 h). */
  keepMs: number;
  /** The most characters one copy holds (its end is kept). */
  maxChars: number;
  /** The most copies kept (those of sessions gone longest go first). */
  maxLogs: number;
}

/** The defaults: a day, 256 KiB of text per session, 100 sessions. */
export const DEFAULT_KEEP_LIMITS: LogKeeperLimits = { keepMs: 24 * 3600_000, maxChars: 256 * 1024, maxLogs: 100 };

/** The most captures one poll starts (a flood of finished jobs drains over a few polls). */
export const CAPTURES_PER_ROUND = 5;
const WRITE_DELAY_MS = 30_000;

/** What the log keeper needs. */
export interface LogKeeperOptions {
  clock: Clock;
  logger?: Logger;
  api: () => Pick<SkahaApi, 'getLogs'>;
  limits?: Partial<LogKeeperLimits>;
  /** Where the copies are persisted (null: memory only). */
  file: string | null;
}

interface Entry extends KeptLog {
  /** Lines of a followed log, joined only when read (the follower refreshes them every few seconds). */
  lines?: readonly string[];
}

/**
 * Keeps the last copy of session logs for a while after Skaha drops them (a finished job leaves the
 * listing after an hour, an expired session's pod is deleted at once): a copy is taken when a session
 * finishes or goes back to Pending, and whenever a followed log changes. Bounded in size, count and
 * time; persisted to a private file (written at most every 30 s, and at close).
 */
export class LogKeeper {
  private readonly entries = new Map<string, Entry>();
  private readonly statuses = new Map<string, string>();
  private readonly limits: LogKeeperLimits;
  private timer: TimerHandle | null = null;
  private capturing: Promise<void> | null = null;

  constructor(private readonly options: LogKeeperOptions) {
    this.limits = { ...DEFAULT_KEEP_LIMITS, ...options.limits };
  }

  /** Reads the persisted copies (a missing or unusable file gives none). */
  async load(): Promise<void> {
    if (!this.options.file) return;
    try {
      const raw = JSON.parse(await readFile(this.options.file, 'utf8')) as unknown;
      for (const item of Array.isArray(raw) ? raw : []) {
        const e = item as KeptLog;
        if (typeof e?.sessionId === 'string' && typeof e.text === 'string' && typeof e.takenAt === 'number') {
          this.entries.set(e.sessionId, {
            sessionId: e.sessionId,
            name: String(e.name ?? ''),
            text: e.text,
            takenAt: e.takenAt,
            truncated: Boolean(e.truncated),
            goneAt: typeof e.goneAt === 'number' ? e.goneAt : null,
          });
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        (this.options.logger ?? silentLogger).warn('kept logs could not be read; starting without them', { error: (error as Error).message });
    }
  }

  /** The kept copy of a session's log, or null. */
  get(sessionId: string): KeptLog | null {
    const e = this.entries.get(sessionId);
    if (!e) return null;
    const { lines: _lines, ...copy } = this.materialise(e);
    return copy;
  }

  /** A followed log changed: its buffered lines are now the latest copy. */
  keepLines(sessionId: string, name: string, lines: readonly string[]): void {
    if (lines.length === 0) return;
    const before = this.entries.get(sessionId);
    this.entries.set(sessionId, { sessionId, name, text: '', lines, takenAt: this.options.clock.now(), truncated: false, goneAt: before?.goneAt ?? null });
    this.scheduleWrite();
  }

  /** After a poll: copies the logs of sessions that finished or went back to Pending; marks gone ones; forgets old copies. */
  check(sessions: readonly Session[]): void {
    const now = this.options.clock.now();
    const listed = new Set(sessions.map((s) => s.id));
    const due: Session[] = [];
    for (const s of sessions) {
      const before = this.statuses.get(s.id);
      this.statuses.set(s.id, s.status);
      const finished = isFinished(s) && (before === undefined || !isFinished({ status: before }));
      if (finished || (before === 'Running' && s.status === 'Pending')) due.push(s);
    }
    for (const id of [...this.statuses.keys()]) if (!listed.has(id)) this.statuses.delete(id);
    let changed = false;
    for (const e of this.entries.values()) {
      const goneAt = listed.has(e.sessionId) ? null : (e.goneAt ?? now);
      if (goneAt === e.goneAt) continue;
      e.goneAt = goneAt;
      changed = true;
    }
    changed = this.prune(now) || changed;
    if (changed) this.scheduleWrite();
    if (due.length > 0 && !this.capturing) this.capturing = this.capture(due.slice(0, CAPTURES_PER_ROUND)).finally(() => (this.capturing = null));
  }

  /** Resolves when no capture runs. */
  async idle(): Promise<void> {
    await this.capturing;
  }

  /** Writes the copies now and stops the write timer. */
  async close(): Promise<void> {
    await this.capturing;
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    await this.write();
  }

  private async capture(sessions: Session[]): Promise<void> {
    // Per session, so no connection (shutting down, credentials gone) can turn into an unhandled rejection.
    const settled = await settleConcurrently(sessions, 2, (s) => this.options.api().getLogs(s.id));
    settled.forEach((outcome, i) => {
      const s = sessions[i];
      // An empty answer (the pod is gone) never replaces a copy.
      if (outcome.status !== 'fulfilled' || outcome.value.text === '') return;
      const before = this.entries.get(s.id);
      this.entries.set(s.id, {
        sessionId: s.id,
        name: s.name,
        text: outcome.value.text,
        takenAt: this.options.clock.now(),
        truncated: outcome.value.truncated,
        goneAt: before?.goneAt ?? null,
      });
    });
    this.prune(this.options.clock.now());
    this.scheduleWrite();
  }

  /** Bounds each copy's text, drops copies kept past their time, and the oldest-gone beyond the count. */
  private prune(now: number): boolean {
    let changed = false;
    for (const [id, e] of this.entries) {
      if (e.goneAt !== null && now - e.goneAt > this.limits.keepMs) {
        this.entries.delete(id);
        changed = true;
      }
    }
    if (this.entries.size > this.limits.maxLogs) {
      const order = [...this.entries.values()].sort((a, b) => (a.goneAt ?? Infinity) - (b.goneAt ?? Infinity) || a.takenAt - b.takenAt);
      for (const e of order.slice(0, this.entries.size - this.limits.maxLogs)) this.entries.delete(e.sessionId);
      changed = true;
    }
    return changed;
  }

  private materialise(e: Entry): Entry {
    let text = e.lines ? `${e.lines.join('\n')}\n` : e.text;
    let truncated = e.truncated;
    if (text.length > this.limits.maxChars) {
      const cut = text.length - this.limits.maxChars;
      const newline = text.indexOf('\n', cut);
      text = text.slice(newline >= 0 && newline < text.length - 1 ? newline + 1 : cut);
      truncated = true;
    }
    return { ...e, text, truncated, lines: undefined };
  }

  private scheduleWrite(): void {
    if (!this.options.file || this.timer !== null) return;
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      void this.write();
    }, WRITE_DELAY_MS);
  }

  private async write(): Promise<void> {
    if (!this.options.file) return;
    const copies = [...this.entries.values()].map((e) => this.get(e.sessionId));
    try {
      await writePrivateFile(this.options.file, JSON.stringify(copies));
    } catch (error) {
      (this.options.logger ?? silentLogger).warn('kept logs could not be written', { error: (error as Error).message });
    }
  }
}
