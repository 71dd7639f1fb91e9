import { initialState, type DaemonState } from '../../src/state/state.js';
import { reviveState, type DaemonStateWire } from '../../src/state/revive.js';
import type { LoadResult, StateStore } from './state-store.js';

/** A deep copy through JSON, as a file would hold it (histories revived). */
function jsonCopy(state: DaemonState): DaemonState {
  return reviveState(JSON.parse(JSON.stringify(state)) as DaemonStateWire);
}

/** A StateStore in memory, for daemon tests: keeps the last saved state and counts saves. */
export class MemoryStateStore implements StateStore {
  /** The last state saved (a JSON copy, as a file would hold). */
  saved: DaemonState | null;
  /** How many saves changed the stored state. */
  writes = 0;

  constructor(initial: DaemonState | null = null) {
    this.saved = initial ? jsonCopy(initial) : null;
  }

  async load(): Promise<LoadResult> {
    const state = this.saved ? jsonCopy(this.saved) : initialState();
    return { state, warning: null, movedTo: null, migratedFrom: this.saved ? this.saved.schemaVersion : null };
  }

  save(state: DaemonState): void {
    const copy = jsonCopy(state);
    if (JSON.stringify(copy) === JSON.stringify(this.saved)) return;
    this.saved = copy;
    this.writes++;
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}
}
