import type { DaemonState } from '../state/state.js';
import { reviveStats, reviveUsage, type HistoryWire } from '../state/revive.js';
import { emptyUsage, type StatsHistory, type UsageHistory } from '../state/usage.js';
import { arrayOf, object, optional, recordOf, str } from './check.js';
import { statsHistoryCheck, usageHistoryCheck } from './history-check.js';
import { MAX_HISTORY_FRAME_BYTES } from './version.js';

/** The params of `history`: the sessions whose usage histories to send, and whether to send the platform stats history. */
export interface HistoryParams {
  ids?: string[];
  stats?: boolean;
}

/**
 * The result of `history`: whole histories (an empty one for a session that reported no use yet),
 * the asked ids that are not sessions, and the asked ids that did not fit in this response.
 */
export interface HistoryResult {
  usage: Record<string, HistoryWire<UsageHistory>>;
  statsHistory?: HistoryWire<StatsHistory>;
  /** Asked ids that are not among the daemon's sessions. */
  unknown: string[];
  /** Asked ids left out to keep the response under MAX_HISTORY_FRAME_BYTES: ask again for them. */
  rest: string[];
}

const encodedSize = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

/**
 * Pure: the histories asked for, in JSON form, at most `maxBytes` of them (but always at least one
 * usage history, so asking again always progresses); the ids that did not fit go to `rest`.
 */
export function historyResult(state: DaemonState, params: HistoryParams, maxBytes = MAX_HISTORY_FRAME_BYTES): HistoryResult {
  const result: HistoryResult = { usage: {}, unknown: [], rest: [] };
  const ids = [...new Set(params.ids ?? [])];
  // The ids listed back (unknown, rest) are a subset of those asked: counting them all keeps the bound.
  let bytes = encodedSize(ids);
  if (params.stats) {
    const stats = state.statsHistory.toJSON();
    result.statsHistory = stats;
    bytes += encodedSize(stats);
  }
  let sent = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (!Object.hasOwn(state.sessions, id)) {
      result.unknown.push(id);
      continue;
    }
    const history = (Object.hasOwn(state.usage, id) ? state.usage[id] : emptyUsage()).toJSON();
    const size = encodedSize(id) + encodedSize(history) + 2;
    if (sent > 0 && bytes + size > maxBytes) {
      result.rest = ids.slice(i);
      break;
    }
    result.usage[id] = history;
    bytes += size;
    sent++;
  }
  return result;
}

const resultCheck = object({
  usage: recordOf(usageHistoryCheck),
  statsHistory: optional(statsHistoryCheck),
  unknown: arrayOf(str()),
  rest: arrayOf(str()),
});

/** The first problem that keeps `value` from being a HistoryResult, or null. */
export function historyResultProblem(value: unknown): string | null {
  return resultCheck(value, 'history');
}

/**
 * Pure: a client's state with the histories of a `history` result in place. From then on the
 * client holds those histories, and `applyPatch(…, {heldUsageOnly: true})` keeps them in step.
 */
export function applyHistoryResult(state: DaemonState, result: HistoryResult): DaemonState {
  const usage = { ...state.usage };
  for (const [id, history] of Object.entries(result.usage)) if (Object.hasOwn(state.sessions, id)) usage[id] = reviveUsage(history);
  return { ...state, usage, statsHistory: result.statsHistory ? reviveStats(result.statsHistory) : state.statsHistory };
}
