import type { DaemonState } from '../state/state.js';
import type { HistoryPoint, TieredHistory } from '../state/history.js';
import { appendStats, appendUsage } from '../state/usage.js';
import type { HistoryDelta, ListDelta, RecordDelta, StatePatch } from './patch.js';

/** Pure: a map with a RecordDelta applied. */
export function applyRecord<V>(base: Readonly<Record<string, V>>, delta: RecordDelta<V> | undefined): Record<string, V> {
  if (!delta) return base as Record<string, V>;
  const out: Record<string, V> = { ...base };
  for (const k of delta.del ?? []) delete out[k];
  for (const [k, v] of Object.entries(delta.set ?? {})) out[k] = v;
  return out;
}

/** Pure: a list with a ListDelta applied. */
export function applyList<T>(base: readonly T[], delta: ListDelta<T> | undefined): T[] {
  return delta ? [...base.slice(delta.drop), ...delta.append] : (base as T[]);
}

function applyHistory<P extends HistoryPoint>(
  base: TieredHistory<P> | undefined,
  delta: HistoryDelta<P, TieredHistory<P>>,
  append: (history: TieredHistory<P> | undefined, point: P) => TieredHistory<P>,
): TieredHistory<P> {
  return 'append' in delta ? append(base, delta.append) : delta.set;
}

function applyUsage(base: DaemonState['usage'], delta: StatePatch['usage']): DaemonState['usage'] {
  if (!delta) return base;
  const out = applyRecord(base, { set: delta.set, del: delta.del });
  for (const [id, point] of Object.entries(delta.append ?? {})) {
    out[id] = applyHistory(out[id], { append: point }, (h, p) => appendUsage(h, p, p.t));
  }
  return out;
}

/** Pure: the client's state after a patch from the daemon (a snapshot resets it; a patch moves it on). */
export function applyPatch(state: DaemonState, patch: StatePatch): DaemonState {
  return {
    ...state,
    ...patch.fields,
    sessions: applyRecord(state.sessions, patch.sessions),
    usage: applyUsage(state.usage, patch.usage),
    statsHistory: patch.statsHistory
      ? applyHistory(state.statsHistory, patch.statsHistory, (h, p) => appendStats(h, p, p.t))
      : state.statsHistory,
    deletes: applyRecord(state.deletes, patch.deletes),
    notifications: applyList(state.notifications, patch.notifications),
    launches: applyList(state.launches, patch.launches),
  };
}
