import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../../src/domain/errors.js';
import type { Clock, TimerHandle } from '../../src/ports/clock.js';
import { silentLogger, type Logger } from '../../src/ports/logger.js';
import type { DaemonState } from '../../src/state/state.js';
import { HistoryFile } from './history-file.js';
import type { DecodedHistories } from './history-codec.js';
import { accountsFromHistories } from '../../src/state/usage-seed.js';
import { PrivateTextFile } from './write-private-file.js';
import { readStateFile } from './read-state-file.js';
import type { LoadResult, StateStore } from './state-store.js';
import { hasLastingChange, serialiseState } from './state-file-text.js';

/** The exact text the state file holds (see state-file-text.ts). */
export { serialiseState } from './state-file-text.js';

/** Options for JsonStateStore. */
export interface JsonStateStoreOptions {
  clock: Clock;
  logger?: Logger;
  /** Least time between two writes (default 1000 ms); the latest state always wins. */
  minIntervalMs?: number;
  /** How long a change of only live fields (sessions, usage, health, poll times) may wait (default 30 s). */
  volatileIntervalMs?: number;
  /** The history file (default `history.bin` beside the state file). */
  historyFile?: string;
  /** Time between history writes (default 5 min). */
  historyIntervalMs?: number;
}

const openFiles = new Set<string>();

/**
 * The state with the history file's contents. Without accounts from a file of format 2 (a file of
 * format 1, or histories migrated from an old state file), they start from the usage histories.
 */
function withHistories(state: DaemonState, histories: DecodedHistories | null): DaemonState {
  const { usage, statsHistory } = histories ?? state;
  const accounts = histories && histories.format >= 2 ? histories.accounts : accountsFromHistories(usage, state.sessions);
  return { ...state, usage, statsHistory, accounts };
}

/**
 * StateStore on a lowdb JSON file: change-only, coalesced (≤ 1 write per interval; changes of live
 * fields only wait longer), atomic and 0600 (a private temp file renamed over it), serialised when
 * written rather than on every save. The histories go to their own HistoryFile. One instance per file per process.
 */
export class JsonStateStore implements StateStore {
  /** How many times the file was written (for tests and diagnostics). */
  writes = 0;
  private readonly file: string;
  private readonly db: Low<string>;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly minIntervalMs: number;
  private readonly volatileIntervalMs: number;
  private readonly history: HistoryFile;
  private diskText: string | null = null;
  /** The newest state saved and not yet written. */
  private pending: DaemonState | null = null;
  private lastSaved: DaemonState | null = null;
  private pendingLasting = false;
  private pendingSince: number | null = null;
  private timer: TimerHandle | null = null;
  private dueAt = Infinity;
  private inflight: Promise<void> | null = null;
  private lastWriteAt = -Infinity;
  private closed = false;

  constructor(file: string, options: JsonStateStoreOptions) {
    this.file = resolve(file);
    if (openFiles.has(this.file)) {
      throw new AppError('STORE_ERROR', `state file ${this.file} is already open in this process; use one store per file`);
    }
    openFiles.add(this.file);
    // The text is serialised once by save(); the adapter writes it as is, 0600 (it holds session URLs with their tokens).
    this.db = new Low<string>(new PrivateTextFile(this.file), '');
    this.clock = options.clock;
    this.logger = options.logger ?? silentLogger;
    this.minIntervalMs = options.minIntervalMs ?? 1000;
    this.volatileIntervalMs = Math.max(this.minIntervalMs, options.volatileIntervalMs ?? 30_000);
    const historyFile = options.historyFile ?? join(dirname(this.file), 'history.bin');
    this.history = new HistoryFile(historyFile, { clock: this.clock, logger: this.logger, intervalMs: options.historyIntervalMs });
  }

  async load(): Promise<LoadResult> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const { diskText, ...result } = await readStateFile(this.file, this.clock, this.logger);
    this.diskText = diskText;
    const history = await this.history.load();
    const state = withHistories(result.state, history.histories);
    this.lastSaved = state;
    const warning = [result.warning, history.warning].filter((w) => w !== null).join('; ');
    return { ...result, state, warning: warning === '' ? null : warning };
  }

  save(state: DaemonState): void {
    if (this.closed) {
      // A late save during shutdown must not crash the daemon; the final state was flushed.
      this.logger.warn('state save after the store was closed was ignored', { file: this.file });
      return;
    }
    this.history.save({ usage: state.usage, statsHistory: state.statsHistory, accounts: state.accounts });
    if (this.lastSaved === null || hasLastingChange(this.lastSaved, state)) this.pendingLasting = true;
    this.lastSaved = state;
    this.pendingSince ??= this.clock.now();
    this.pending = state;
    this.schedule();
  }

  async flush(): Promise<void> {
    for (;;) {
      this.cancelTimer();
      if (!this.inflight) break;
      await this.inflight;
    }
    if (this.pending !== null) await this.write();
  }

  /** Resolves once no write is in flight (does not force a queued one; see flush). */
  async idle(): Promise<void> {
    while (this.inflight) await this.inflight;
  }

  /** Flushes the state file, then makes the history file's last write, even when the state write failed; no timer survives it. */
  async close(): Promise<void> {
    if (this.closed) return;
    let failure: unknown = null;
    try {
      await this.flush();
    } catch (error) {
      failure = error;
    }
    this.closed = true;
    this.cancelTimer();
    openFiles.delete(this.file);
    await this.history.close();
    // oxlint-disable-next-line typescript/only-throw-error -- rethrows what flush threw, unchanged
    if (failure) throw failure;
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = Infinity;
  }

  /** Sets the write for the pending state: soon for a lasting change, later for live fields only. */
  private schedule(): void {
    if (this.pending === null || this.inflight || this.closed) return;
    const now = this.clock.now();
    const earliest = this.lastWriteAt + this.minIntervalMs;
    const due = this.pendingLasting ? earliest : Math.max(earliest, (this.pendingSince ?? now) + this.volatileIntervalMs);
    if (this.timer !== null && this.dueAt <= due) return;
    this.cancelTimer();
    if (due <= now) {
      void this.write().catch(() => undefined);
      return;
    }
    this.dueAt = due;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.dueAt = Infinity;
      void this.write().catch(() => undefined);
    }, due - now);
  }

  private write(): Promise<void> {
    const state = this.pending;
    if (state === null) return Promise.resolve();
    this.pending = null;
    this.pendingLasting = false;
    this.pendingSince = null;
    const text = serialiseState(state);
    // Back to what is (being) written: nothing to do.
    if (text === this.diskText) return Promise.resolve();
    this.lastWriteAt = this.clock.now();
    this.diskText = text;
    this.db.data = text;
    const run = this.db.write().then(
      () => {
        this.writes++;
      },
      (error: unknown) => {
        // Requeued (unless a newer state is queued) and retried after the interval, or by flush.
        this.diskText = null;
        if (this.pending === null) {
          this.pending = state;
          this.pendingLasting = true;
          this.pendingSince = this.clock.now();
        }
        this.logger.error('state file write failed', { file: this.file, error: (error as Error).message });
        throw new AppError('STORE_ERROR', `could not write state file ${this.file}: ${(error as Error).message}`, { cause: error });
      },
    );
    this.inflight = run
      .catch(() => undefined)
      .then(() => {
        this.inflight = null;
        if (this.pending !== null && !this.closed) this.schedule();
      });
    return run;
  }
}
