import { initialState, type DaemonState } from '../../src/state/state.js';
import type { LoadResult, StateStore } from './state-store.js';

/** A StateStore in memory, for daemon tests: keeps the last saved state and counts saves. */
export class MemoryStateStore implements StateStore {
  /** The last state saved (a JSON copy, as a file would hold). */
  saved: DaemonState | null;
  /** How many saves changed the stored state. */
  writes = 0;

  constructor(initial: DaemonState | null = null) {
    this.saved = initial ? structuredClone(initial) : null;
  }

  async load(): Promise<LoadResult> {
    const state = this.saved ? structuredClone(this.saved) : initialState();
    return { state, warning: null, movedTo: null, migratedFrom: this.saved ? this.saved.schemaVersion : null };
  }

  save(state: DaemonState): void {
    const copy = JSON.parse(JSON.stringify(state)) as DaemonState;
    if (JSON.stringify(copy) === JSON.stringify(this.saved)) return;
    this.saved = copy;
    this.writes++;
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}
}
