import type { DaemonState } from './state.js';
import { Series } from './series.js';
import type { SeriesJson } from './tier-json.js';
import { STATS_KIND, USAGE_KIND, type StatsHistory, type UsageHistory } from './usage.js';

/** A history as it arrives: a Series in-process, its JSON form over the websocket. */
export type HistoryWire<H> = H | SeriesJson;

/** A usage history from either form. */
export function reviveUsage(value: HistoryWire<UsageHistory>): UsageHistory {
  return value instanceof Series ? value : Series.fromJSON(USAGE_KIND, value);
}

/** A platform stats history from either form. */
export function reviveStats(value: HistoryWire<StatsHistory>): StatsHistory {
  return value instanceof Series ? value : Series.fromJSON(STATS_KIND, value);
}

/** A DaemonState whose histories may still be in their JSON form (a decoded snapshot). */
export type DaemonStateWire = Omit<DaemonState, 'usage' | 'statsHistory'> & {
  usage: Record<string, HistoryWire<UsageHistory>>;
  statsHistory: HistoryWire<StatsHistory>;
};

/** Pure: the state with every history as a Series (a state that already has them is returned as is). */
export function reviveState(state: DaemonStateWire): DaemonState {
  const usage: Record<string, UsageHistory> = {};
  let changed = !(state.statsHistory instanceof Series);
  for (const [id, history] of Object.entries(state.usage)) {
    usage[id] = reviveUsage(history);
    if (usage[id] !== history) changed = true;
  }
  return changed ? { ...state, usage, statsHistory: reviveStats(state.statsHistory) } : (state as DaemonState);
}
