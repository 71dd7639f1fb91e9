// The dashboard's histories: the welcome carries none, so the Resources pane asks the daemon for the
// platform's once per connection and for the selected session's when it is not held yet. The daemon
// link puts each answer into the mirrored state and keeps it in step from then on.

import type { DaemonState } from '../../src/state/state.js';
import type { HistoryParams, HistoryResult } from '../../src/protocol/history-result.js';

/** Sends a `history` request (the daemon link applies its result to the state). */
export type HistoryRequest = (params: HistoryParams) => Promise<HistoryResult>;

const STATS = '\u0000stats';

/** Asks for the histories the dashboard draws, each once per connection. */
export class HistorySync {
  private readonly asked = new Set<string>();

  constructor(private readonly request: HistoryRequest) {}

  /** A snapshot arrived (a new connection's welcome, or a state:snapshot): the state holds no history. */
  reset(): void {
    this.asked.clear();
  }

  /** Asks for what `state` lacks of what is drawn: the platform history, and session `id`'s usage. */
  want(state: DaemonState | null, id: string | null): void {
    if (!state) return;
    const ids = id !== null && Object.hasOwn(state.sessions, id) && !Object.hasOwn(state.usage, id) && !this.asked.has(id) ? [id] : [];
    const stats = !this.asked.has(STATS);
    if (ids.length === 0 && !stats) return;
    void this.ask({ ids, stats });
  }

  private async ask(params: Required<HistoryParams>): Promise<void> {
    const keys = params.stats ? [...params.ids, STATS] : params.ids;
    for (const key of keys) this.asked.add(key);
    try {
      let result = await this.request(params);
      // One response carries a bounded amount: ask again for what did not fit.
      while (result.rest.length > 0) result = await this.request({ ids: result.rest });
    } catch {
      // Not drawn this time; asked again on the next change (a reconnect resets everything anyway).
      for (const key of keys) this.asked.delete(key);
    }
  }
}
