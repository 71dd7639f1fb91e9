import { dictFrom, dictGet, emptyDict, hasKey, type Dict } from '../domain/dict.js';
import type { Session } from '../domain/session.js';
import type { DaemonState } from '../state/state.js';
import { usageAfterPoll } from '../state/records.js';
import { reviveStats, reviveUsage } from '../state/revive.js';
import { appendStats, appendUsage } from '../state/usage.js';
import type { ListDelta, RecordDelta, SessionsDelta, StatePatch } from './patch.js';

/** Pure: a null-prototype map with a RecordDelta applied (a delta's own entries only: ids such as "__proto__" are plain keys). */
export function applyRecord<V>(base: Readonly<Record<string, V>>, delta: RecordDelta<V> | undefined): Dict<V> {
  if (!delta) return base;
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
  if (!delta) return base;
  const out = applyRecord(base, delta);
  for (const [id, fields] of Object.entries(delta.update ?? {})) {
    const session = dictGet(out, id);
    if (session) out[id] = { ...session, ...fields };
  }
  return out;
}

/** How a client applies patches. */
export interface ApplyOptions {
  /**
   * True for a client that holds only the usage histories it asked for (`history`): usage changes
   * then touch only those, instead of starting short histories for every session.
   */
  heldUsageOnly?: boolean;
}

function heldSessions(usage: DaemonState['usage'], sessions: Dict<Session>): Dict<Session> {
  const out = emptyDict<Session>();
  for (const id of Object.keys(usage)) if (hasKey(sessions, id)) out[id] = sessions[id];
  return out;
}

function applyUsage(state: DaemonState, sessions: Dict<Session>, delta: StatePatch['usage'], heldOnly: boolean): DaemonState['usage'] {
  if (!delta) return state.usage;
  if (delta.poll !== undefined) return usageAfterPoll(state.usage, heldOnly ? heldSessions(state.usage, sessions) : sessions, delta.poll);
  const out = dictFrom(state.usage);
  const wanted = (id: string) => !heldOnly || hasKey(state.usage, id);
  for (const id of delta.del ?? []) delete out[id];
  for (const [id, history] of Object.entries(delta.set ?? {})) if (wanted(id)) out[id] = reviveUsage(history);
  for (const [id, point] of Object.entries(delta.append ?? {})) if (wanted(id)) out[id] = appendUsage(dictGet(out, id), point, point.t);
  return out;
}

/** Pure: the client's state after a patch from the daemon (a snapshot resets it; a patch moves it on). */
export function applyPatch(state: DaemonState, patch: StatePatch, options: ApplyOptions = {}): DaemonState {
  const sessions = applySessions(state.sessions, patch.sessions);
  const stats = patch.statsHistory;
  return {
    ...state,
    ...patch.fields,
    sessions,
    insights: applyRecord(state.insights, patch.insights),
    waits: applyList(state.waits, patch.waits),
    usage: applyUsage(state, sessions, patch.usage, options.heldUsageOnly === true),
    statsHistory: !stats ? state.statsHistory : 'append' in stats ? appendStats(state.statsHistory, stats.append, stats.append.t) : reviveStats(stats.set),
    deletes: applyRecord(state.deletes, patch.deletes),
    notifications: applyList(state.notifications, patch.notifications),
    launches: applyList(state.launches, patch.launches),
  };
}
