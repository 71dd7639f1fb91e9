import { dictFrom, dictGet, type Dict } from '../domain/dict.js';
import type { Session } from '../domain/session.js';
import type { DaemonState } from '../state/state.js';
import { usageAfterPoll } from '../state/records.js';
import { reviveStats, reviveUsage } from '../state/revive.js';
import { appendStats, appendUsage } from '../state/usage.js';
import type { ListDelta, RecordDelta, SessionsDelta, StatePatch } from './patch.js';

/** Pure: a null-prototype map with a RecordDelta applied (a delta's own entries only: ids such as "__proto__" are plain keys). */
export function applyRecord<V>(base: Readonly<Record<string, V>>, delta: RecordDelta<V> | undefined): Dict<V> {
  if (!delta) return base as Dict<V>;
  const out = dictFrom(base);
  for (const k of delta.del ?? []) delete out[k];
  for (const [k, v] of Object.entries(delta.set ?? {})) out[k] = v;
  return out;
}

/** Pure: a list with a ListDelta applied. */
export function applyList<T>(base: readonly T[], delta: ListDelta<T> | undefined): T[] {
  return delta ? [...base.slice(delta.drop), ...delta.append] : (base as T[]);
}

function applySessions(base: Readonly<Record<string, Session>>, delta: SessionsDelta | undefined): Dict<Session> {
  if (!delta) return base as Dict<Session>;
  const out = applyRecord(base, delta);
  for (const [id, fields] of Object.entries(delta.update ?? {})) {
    const session = dictGet(out, id);
    if (session) out[id] = { ...session, ...fields };
  }
  return out;
}

function applyUsage(state: DaemonState, sessions: Dict<Session>, delta: StatePatch['usage']): DaemonState['usage'] {
  if (!delta) return state.usage;
  if (delta.poll !== undefined) return usageAfterPoll(state.usage, sessions, delta.poll);
  const out = dictFrom(state.usage);
  for (const id of delta.del ?? []) delete out[id];
  for (const [id, history] of Object.entries(delta.set ?? {})) out[id] = reviveUsage(history);
  for (const [id, point] of Object.entries(delta.append ?? {})) out[id] = appendUsage(dictGet(out, id), point, point.t);
  return out;
}

/** Pure: the client's state after a patch from the daemon (a snapshot resets it; a patch moves it on). */
export function applyPatch(state: DaemonState, patch: StatePatch): DaemonState {
  const sessions = applySessions(state.sessions, patch.sessions);
  const stats = patch.statsHistory;
  return {
    ...state,
    ...patch.fields,
    sessions,
    usage: applyUsage(state, sessions, patch.usage),
    statsHistory: !stats ? state.statsHistory : 'append' in stats ? appendStats(state.statsHistory, stats.append, stats.append.t) : reviveStats(stats.set),
    deletes: applyRecord(state.deletes, patch.deletes),
    notifications: applyList(state.notifications, patch.notifications),
    launches: applyList(state.launches, patch.launches),
  };
}
