import type { DaemonState } from '../../src/state/state.js';

/** What loading the state gave: the state to start from, and a warning for the log when the file was bad. */
export interface LoadResult {
  state: DaemonState;
  /** Set when the file was corrupt, unreadable or from a newer version and was moved aside. */
  warning: string | null;
  /** Where a bad file was moved, when it was. */
  movedTo: string | null;
  /** The schema version the file had before migration (null for a fresh state). */
  migratedFrom: number | null;
}

/** The daemon's persistent state: load once at start, save often (the store coalesces), flush at shutdown. */
export interface StateStore {
  /** Reads the persisted state; never rejects for a bad file (it starts clean and warns). */
  load(): Promise<LoadResult>;
  /** Queues `state` to be written if it differs from what was written; writes are coalesced. */
  save(state: DaemonState): void;
  /** Writes the latest queued state now and waits for it (histories may wait for their own, slower schedule). */
  flush(): Promise<void>;
  /** Flushes everything, histories included, and releases the store. */
  close(): Promise<void>;
}
