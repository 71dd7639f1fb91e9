import { dictFrom, emptyDict, isDict } from '../domain/dict.js';
import type { DaemonState } from './state.js';
import { Series } from './series.js';
import type { SeriesJson } from './tier-json.js';
import { STATS_KIND, USAGE_KIND, type StatsHistory, type UsageHistory } from './usage.js';
import { AccountHours, type HourRow } from './account-hours.js';
import type { UsageAccount } from './usage-accounts.js';

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

/** A usage account as it arrives: its hours and days as AccountHours in-process, as rows in JSON. */
export type AccountWire = Omit<UsageAccount, 'hours' | 'days'> & { hours: AccountHours | HourRow[]; days?: AccountHours | HourRow[] };

/** A usage account from either form. */
export function reviveAccount(value: AccountWire): UsageAccount {
  if (value.hours instanceof AccountHours && value.days instanceof AccountHours) return value as UsageAccount;
  const rows = (part: AccountHours | HourRow[] | undefined) => (part instanceof AccountHours ? part : AccountHours.fromRows(part ?? []));
  return { ...value, hours: rows(value.hours), days: rows(value.days) };
}

/** A DaemonState whose histories and accounts may still be in their JSON form (a decoded snapshot). */
export type DaemonStateWire = Omit<DaemonState, 'usage' | 'statsHistory' | 'accounts'> & {
  usage: Record<string, HistoryWire<UsageHistory>>;
  statsHistory: HistoryWire<StatsHistory>;
  /** Absent from states written before schema 4. */
  accounts?: Record<string, AccountWire>;
};

/**
 * Pure: the state with every history as a Series and every map keyed by ids or keys a null-prototype
 * map (decoded JSON has Object.prototype under it); a state that already has both is returned as is.
 */
export function reviveState(state: DaemonStateWire): DaemonState {
  const maps = isDict(state.sessions) && isDict(state.insights) && isDict(state.usage) && isDict(state.deletes) && isDict(state.emitted);
  let changed = !maps || !(state.statsHistory instanceof Series) || !state.accounts || !isDict(state.accounts);
  const usage = emptyDict<UsageHistory>();
  for (const [id, history] of Object.entries(state.usage)) {
    usage[id] = reviveUsage(history);
    if (usage[id] !== history) changed = true;
  }
  const accounts = emptyDict<UsageAccount>();
  for (const [id, account] of Object.entries(state.accounts ?? {})) {
    accounts[id] = reviveAccount(account);
    if (accounts[id] !== account) changed = true;
  }
  if (!changed) return state as DaemonState;
  return {
    ...state,
    sessions: dictFrom(state.sessions),
    insights: dictFrom(state.insights),
    usage,
    accounts,
    deletes: dictFrom(state.deletes),
    emitted: dictFrom(state.emitted),
    statsHistory: reviveStats(state.statsHistory),
  };
}
