import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Clock, TimerHandle } from '../../src/ports/clock.js';
import { silentLogger, type Logger } from '../../src/ports/logger.js';
import { decodeHistories, historyChunks, type DecodedHistories, type Histories } from './history-codec.js';
import { moveAside } from './move-aside.js';
import { writePrivateFileChunks } from './write-private-file.js';

/** Options for HistoryFile. */
export interface HistoryFileOptions {
  clock: Clock;
  logger?: Logger;
  /** How long a change waits before it is written (default 5 min): histories are only charts. */
  intervalMs?: number;
}

/** What loading the history file gave: the histories (null when there were none; `format` says which the file had) and a warning for a bad file. */
export interface HistoryLoad {
  histories: DecodedHistories | null;
  warning: string | null;
}

/** Whether a map of series or accounts differs from the one written (compared by reference: the reducer keeps unchanged ones). */
function changedEntries<V>(latest: Readonly<Record<string, V>>, written: Readonly<Record<string, V>>): boolean {
  if (latest === written) return false;
  const ids = Object.keys(latest);
  return ids.length !== Object.keys(written).length || ids.some((id) => latest[id] !== written[id]);
}

/** The default time between history writes. */
export const DEFAULT_HISTORY_INTERVAL_MS = 5 * 60_000;

/**
 * The usage and platform histories and the usage accounts in their own binary file, apart from the
 * state file: a day of history for many sessions is megabytes, so it is written every few minutes (atomically: a temp
 * file renamed over it) and at shutdown, never on each poll. A kill loses at most that interval.
 */
export class HistoryFile {
  /** How many times the file was written (for tests and diagnostics). */
  writes = 0;
  private readonly file: string;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly intervalMs: number;
  private latest: Histories | null = null;
  private written: Histories | null = null;
  private timer: TimerHandle | null = null;
  private inflight: Promise<void> | null = null;
  private closed = false;

  constructor(file: string, options: HistoryFileOptions) {
    this.file = resolve(file);
    this.clock = options.clock;
    this.logger = options.logger ?? silentLogger;
    this.intervalMs = options.intervalMs ?? DEFAULT_HISTORY_INTERVAL_MS;
  }

  /** Reads the file; a missing file gives no histories, an unusable one (unreadable, a folder, corrupt) is moved aside with a warning. */
  async load(): Promise<HistoryLoad> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { histories: null, warning: null };
      return this.setAside(`it could not be read (${(error as Error).message})`);
    }
    try {
      const histories = decodeHistories(bytes);
      this.written = histories;
      return { histories, warning: null };
    } catch (error) {
      return this.setAside((error as Error).message);
    }
  }

  private async setAside(reason: string): Promise<HistoryLoad> {
    let note: string;
    try {
      note = `moved it to ${await moveAside(this.file, this.clock.now())}`;
    } catch (moveError) {
      note = `could not move it aside (${(moveError as Error).message}); it will be overwritten`;
    }
    const warning = `history file ${this.file} was not usable: ${reason}; ${note}; starting without history`;
    this.logger.warn(warning);
    return { histories: null, warning };
  }

  /** Notes the current histories; a change is written after the interval (unchanged ones are not written). */
  save(histories: Histories): void {
    if (this.closed) return;
    this.latest = histories;
    if (this.timer !== null || !this.changed()) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.write();
    }, this.intervalMs);
  }

  /** Writes the latest histories now if they changed, and waits for it. */
  async flush(): Promise<void> {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    while (this.inflight) await this.inflight;
    await this.write();
  }

  /** The last write (one attempt: a failure is logged, never retried) and no timer left behind, so shutdown ends. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private changed(): boolean {
    const latest = this.latest;
    const written = this.written;
    if (!latest) return false;
    if (!written) return true;
    if (latest.statsHistory !== written.statsHistory) return true;
    return changedEntries(latest.usage, written.usage) || changedEntries(latest.accounts, written.accounts);
  }

  private write(): Promise<void> {
    if (this.inflight || !this.changed()) return this.inflight ?? Promise.resolve();
    const histories = this.latest!;
    const run = (async () => {
      try {
        await writePrivateFileChunks(this.file, historyChunks(histories));
        this.written = histories;
        this.writes++;
      } catch (error) {
        if (this.closed) {
          this.logger.error('history file write failed at shutdown; the history since the last write is lost', {
            file: this.file,
            error: (error as Error).message,
          });
          return;
        }
        this.logger.error('history file write failed; will retry', { file: this.file, error: (error as Error).message });
        if (this.timer === null && this.latest) this.save(this.latest);
      }
    })();
    this.inflight = run.finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }
}
