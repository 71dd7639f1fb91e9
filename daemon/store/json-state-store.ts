import { mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { AppError } from '../../src/domain/errors.js';
import type { Clock, TimerHandle } from '../../src/ports/clock.js';
import { silentLogger, type Logger } from '../../src/ports/logger.js';
import { initialState, type DaemonState } from '../../src/state/state.js';
import { sanitiseLaunchRequest } from '../../src/state/launches.js';
import { migrateState } from './migrate.js';
import { moveAside } from './move-aside.js';
import type { LoadResult, StateStore } from './state-store.js';

/** Options for JsonStateStore. */
export interface JsonStateStoreOptions {
  clock: Clock;
  logger?: Logger;
  /** Least time between two writes (default 1000 ms); the latest state always wins. */
  minIntervalMs?: number;
}

const openFiles = new Set<string>();

/** The exact text the store writes: the state with launch requests sanitised again (no secret can reach disk). */
export function serialiseState(state: DaemonState): string {
  return JSON.stringify({ ...state, launches: state.launches.map((l) => ({ ...l, request: sanitiseLaunchRequest(l.request) })) });
}

/**
 * StateStore on a lowdb JSON file: change-only, coalesced (≤ 1 write per interval), atomic
 * (steno writes a temp file and renames it). One instance per file per process.
 */
export class JsonStateStore implements StateStore {
  /** How many times the file was written (for tests and diagnostics). */
  writes = 0;
  private readonly file: string;
  private readonly db: Low<unknown>;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly minIntervalMs: number;
  private diskText: string | null = null;
  private pending: string | null = null;
  private timer: TimerHandle | null = null;
  private inflight: Promise<void> | null = null;
  private lastWriteAt = -Infinity;
  private closed = false;

  constructor(file: string, options: JsonStateStoreOptions) {
    this.file = resolve(file);
    if (openFiles.has(this.file)) {
      throw new AppError('STORE_ERROR', `state file ${this.file} is already open in this process; use one store per file`);
    }
    openFiles.add(this.file);
    // The text is serialised once by save(); the adapter writes it as is.
    this.db = new Low<unknown>(new DataFile<unknown>(this.file, { parse: JSON.parse, stringify: (text) => text as string }), null);
    this.clock = options.clock;
    this.logger = options.logger ?? silentLogger;
    this.minIntervalMs = options.minIntervalMs ?? 1000;
  }

  async load(): Promise<LoadResult> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { state: initialState(), warning: null, movedTo: null, migratedFrom: null };
      }
      return this.startClean(`it could not be read (${(error as Error).message})`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return this.startClean(text.trim() === '' ? 'it is empty' : `it is not valid JSON (${(error as Error).message})`);
    }
    const result = migrateState(raw, this.clock.now());
    if (!result.ok) return this.startClean(result.problem);
    this.diskText = result.from === result.state.schemaVersion ? serialiseState(result.state) : null;
    return { state: result.state, warning: null, movedTo: null, migratedFrom: result.from };
  }

  save(state: DaemonState): void {
    if (this.closed) {
      // A late save during shutdown must not crash the daemon; the final state was flushed.
      this.logger.warn('state save after the store was closed was ignored', { file: this.file });
      return;
    }
    const text = serialiseState(state);
    if (text === (this.pending ?? this.diskText)) {
      if (this.pending !== null) this.schedule();
      return;
    }
    if (text === this.diskText) {
      // Back to what is (being) written: nothing to do.
      this.pending = null;
      this.cancelTimer();
      return;
    }
    this.pending = text;
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

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.flush();
    } finally {
      this.closed = true;
      openFiles.delete(this.file);
    }
  }

  private async startClean(reason: string): Promise<LoadResult> {
    let movedTo: string | null = null;
    let moveNote = '';
    try {
      movedTo = await moveAside(this.file, this.clock.now());
      moveNote = `moved it to ${movedTo}`;
    } catch (error) {
      moveNote = `could not move it aside (${(error as Error).message}); it will be overwritten`;
    }
    const warning = `state file ${this.file} was not usable: ${reason}; ${moveNote}; starting with a clean state`;
    this.logger.warn(warning);
    return { state: initialState(), warning, movedTo, migratedFrom: null };
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer !== null || this.inflight) return;
    const wait = this.lastWriteAt + this.minIntervalMs - this.clock.now();
    if (wait <= 0) {
      void this.write().catch(() => undefined);
      return;
    }
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.write().catch(() => undefined);
    }, wait);
  }

  private write(): Promise<void> {
    const text = this.pending;
    if (text === null) return Promise.resolve();
    this.pending = null;
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
        this.pending ??= text;
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
