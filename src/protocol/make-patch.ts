import { dictGet, emptyDict, hasKey } from '../domain/dict.js';
import type { Session } from '../domain/session.js';
import type { DaemonState } from '../state/state.js';
import type { HistoryPoint } from '../state/history.js';
import { EMPTY_SERIES_ID, type Series } from '../state/series.js';
import { hasUsage, isUsageSample } from '../state/usage.js';
import { sameJson } from './same-json.js';
import { WHOLE_FIELDS, type HistoryDelta, type ListDelta, type RecordDelta, type SessionsDelta, type StatePatch, type UsageDelta } from './patch.js';

/** Pure: the delta turning map `prev` into `next`, or undefined when equal. */
export function diffRecord<V>(prev: Readonly<Record<string, V>>, next: Readonly<Record<string, V>>): RecordDelta<V> | undefined {
  if (prev === next) return undefined;
  const delta: RecordDelta<V> = {};
  for (const k of Object.keys(next)) {
    const v = next[k];
    if (!hasKey(prev, k) || !sameJson(prev[k], v)) (delta.set ??= emptyDict())[k] = v;
  }
  const del = Object.keys(prev).filter((k) => !hasKey(next, k));
  if (del.length > 0) delta.del = del;
  return delta.set || delta.del ? delta : undefined;
}

/** Pure: the delta turning bounded list `prev` into `next` (drop from the front, append), or undefined when equal. */
export function diffList<T>(prev: readonly T[], next: readonly T[]): ListDelta<T> | undefined {
  if (prev === next) return undefined;
  const a = prev.map((x) => JSON.stringify(x));
  const b = next.map((x) => JSON.stringify(x));
  for (let drop = 0; drop <= a.length; drop++) {
    const kept = a.length - drop;
    if (kept > b.length) continue;
    let match = true;
    for (let i = 0; i < kept && match; i++) match = a[drop + i] === b[i];
    if (!match) continue;
    if (drop === 0 && kept === b.length) return undefined;
    return { drop, append: next.slice(kept) };
  }
  return { drop: a.length, append: [...next] };
}

/** The changed top-level fields of a session; undefined when none did, null when a field went away (the session is then sent whole). */
function changedFields(before: Session, after: Session): Partial<Session> | null | undefined {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  let count = 0;
  for (const key in b) {
    count++;
    const x = a[key];
    const y = b[key];
    // Most fields are equal strings or numbers: no call for them.
    if (x !== y && !sameJson(x, y)) (out ??= {})[key] = y;
  }
  for (const _key in a) count--;
  // A field that went away cannot be said with a partial: send the session whole.
  if (count !== 0) return null;
  return out;
}

/** Pure: new sessions whole, changed ones by their changed fields, removed ones by id; undefined when equal. */
export function diffSessionRecords(prev: Readonly<Record<string, Session>>, next: Readonly<Record<string, Session>>): SessionsDelta | undefined {
  if (prev === next) return undefined;
  const delta: SessionsDelta = {};
  for (const id of Object.keys(next)) {
    const after = next[id];
    const before = dictGet(prev, id);
    if (before === after) continue;
    const fields = before ? changedFields(before, after) : null;
    if (fields === null) (delta.set ??= emptyDict())[id] = after;
    else if (fields !== undefined) (delta.update ??= emptyDict())[id] = fields;
  }
  const del = Object.keys(prev).filter((id) => !hasKey(next, id));
  if (del.length > 0) delta.del = del;
  return delta.set || delta.update || delta.del ? delta : undefined;
}

/** The sample `next` was made from by appending to `prev` at the sample's own time, if it was. */
function appendedTo<P extends HistoryPoint>(prev: Series<P> | undefined, next: Series<P>): P | null {
  const appended = next.appended;
  if (!appended || next.parent !== (prev?.id ?? EMPTY_SERIES_ID) || appended.now !== appended.point.t) return null;
  return appended.point;
}

/** Pure: one appended sample when replaying it reproduces `next`, else the whole history; undefined when equal. */
export function diffHistory<P extends HistoryPoint>(prev: Series<P> | undefined, next: Series<P>): HistoryDelta<P, Series<P>> | undefined {
  if (prev === next) return undefined;
  const point = appendedTo(prev, next);
  return point ? { append: point } : { set: next };
}

/** Whether `next.usage` is exactly what usageAfterPoll makes of `prev.usage` for `next`'s sessions and poll time. */
function replaysPoll(prev: DaemonState, next: DaemonState): boolean {
  const at = next.lastPollAt;
  if (at === null || at === prev.lastPollAt) return false;
  let kept = 0;
  for (const id of Object.keys(next.sessions)) {
    const session = next.sessions[id];
    const before = dictGet(prev.usage, id);
    const after = dictGet(next.usage, id);
    if (after) kept++;
    if (!hasUsage(session)) {
      if (after !== before) return false;
      continue;
    }
    const point = after ? appendedTo(before, after) : null;
    if (!point || after!.appended!.now !== at || !isUsageSample(point, session, at)) return false;
  }
  return kept === Object.keys(next.usage).length;
}

function usageDelta(prev: DaemonState, next: DaemonState): UsageDelta | undefined {
  if (prev.usage === next.usage) return undefined;
  if (replaysPoll(prev, next)) return { poll: next.lastPollAt! };
  const out: UsageDelta = {};
  for (const [id, history] of Object.entries(next.usage)) {
    const delta = diffHistory(dictGet(prev.usage, id), history);
    if (!delta) continue;
    if ('append' in delta) (out.append ??= emptyDict())[id] = delta.append;
    else (out.set ??= emptyDict())[id] = delta.set;
  }
  const del = Object.keys(prev.usage).filter((id) => !hasKey(next.usage, id));
  if (del.length > 0) out.del = del;
  return out.append || out.set || out.del ? out : undefined;
}

/** Pure: what changed from `prev` to `next` as a StatePatch (emitted keys left out), or null when nothing did. */
export function makePatch(prev: DaemonState, next: DaemonState): StatePatch | null {
  const patch: StatePatch = {};
  const sessions = diffSessionRecords(prev.sessions, next.sessions);
  if (sessions) patch.sessions = sessions;
  const insights = diffRecord(prev.insights, next.insights);
  if (insights) patch.insights = insights;
  const waits = diffList(prev.waits, next.waits);
  if (waits) patch.waits = waits;
  const usage = usageDelta(prev, next);
  if (usage) patch.usage = usage;
  const stats = diffHistory(prev.statsHistory, next.statsHistory);
  if (stats) patch.statsHistory = stats;
  const deletes = diffRecord(prev.deletes, next.deletes);
  if (deletes) patch.deletes = deletes;
  const notifications = diffList(prev.notifications, next.notifications);
  if (notifications) patch.notifications = notifications;
  const launches = diffList(prev.launches, next.launches);
  if (launches) patch.launches = launches;
  const fields: Record<string, unknown> = {};
  for (const field of WHOLE_FIELDS) if (prev[field] !== next[field] && !sameJson(prev[field], next[field])) fields[field] = next[field];
  if (Object.keys(fields).length > 0) patch.fields = fields as StatePatch['fields'];
  return Object.keys(patch).length > 0 ? patch : null;
}
