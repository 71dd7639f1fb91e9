import type { DaemonState } from '../state/state.js';
import type { HistoryPoint, TieredHistory } from '../state/history.js';
import { appendStats, appendUsage } from '../state/usage.js';
import { WHOLE_FIELDS, type HistoryDelta, type ListDelta, type RecordDelta, type StatePatch } from './patch.js';

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Pure: the delta turning map `prev` into `next`, or undefined when equal. */
export function diffRecord<V>(prev: Readonly<Record<string, V>>, next: Readonly<Record<string, V>>): RecordDelta<V> | undefined {
  const set: Record<string, V> = {};
  const del = Object.keys(prev).filter((k) => !Object.hasOwn(next, k));
  for (const [k, v] of Object.entries(next)) if (!Object.hasOwn(prev, k) || !same(prev[k], v)) set[k] = v;
  const delta: RecordDelta<V> = {};
  if (Object.keys(set).length > 0) delta.set = set;
  if (del.length > 0) delta.del = del;
  return delta.set || delta.del ? delta : undefined;
}

/** Pure: the delta turning bounded list `prev` into `next` (drop from the front, append), or undefined when equal. */
export function diffList<T>(prev: readonly T[], next: readonly T[]): ListDelta<T> | undefined {
  const a = prev.map((x) => JSON.stringify(x));
  const b = next.map((x) => JSON.stringify(x));
  for (let drop = 0; drop <= a.length; drop++) {
    const kept = a.length - drop;
    if (kept > b.length) continue;
    let match = true;
    for (let i = 0; i < kept && match; i++) match = a[drop + i] === b[i];
    if (!match) continue;
    if (drop === 0 && kept === b.length) return undefined;
    return { drop, append: next.slice(kept) as T[] };
  }
  return { drop: a.length, append: [...next] };
}

/**
 * Whether two histories are equal as JSON, compared point by point: successive histories share most
 * point objects, so this is a pass of reference checks instead of serialising a day of points twice.
 */
function sameHistory<P extends HistoryPoint>(a: TieredHistory<P>, b: TieredHistory<P>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j] && !same(x[j], y[j])) return false;
  }
  return true;
}

/** Pure: one appended sample when replaying it reproduces `next`, else the whole history; undefined when equal. */
export function diffHistory<P extends HistoryPoint>(
  prev: TieredHistory<P> | undefined,
  next: TieredHistory<P>,
  append: (history: TieredHistory<P> | undefined, point: P) => TieredHistory<P>,
): HistoryDelta<P, TieredHistory<P>> | undefined {
  if (prev === next || (prev && sameHistory(prev, next))) return undefined;
  const newest = next[0]?.[next[0].length - 1];
  if (newest && sameHistory(append(prev, newest), next)) return { append: newest };
  return { set: next };
}

function usageDelta(prev: DaemonState['usage'], next: DaemonState['usage']): StatePatch['usage'] {
  const out: NonNullable<StatePatch['usage']> = {};
  for (const [id, history] of Object.entries(next)) {
    const delta = diffHistory(prev[id], history, (h, p) => appendUsage(h, p, p.t));
    if (!delta) continue;
    if ('append' in delta) (out.append ??= {})[id] = delta.append;
    else (out.set ??= {})[id] = delta.set;
  }
  const del = Object.keys(prev).filter((id) => !Object.hasOwn(next, id));
  if (del.length > 0) out.del = del;
  return out.append || out.set || out.del ? out : undefined;
}

/** Pure: what changed from `prev` to `next` as a StatePatch (emitted keys left out), or null when nothing did. */
export function makePatch(prev: DaemonState, next: DaemonState): StatePatch | null {
  const patch: StatePatch = {};
  const sessions = diffRecord(prev.sessions, next.sessions);
  if (sessions) patch.sessions = sessions;
  const usage = usageDelta(prev.usage, next.usage);
  if (usage) patch.usage = usage;
  const stats = diffHistory(prev.statsHistory, next.statsHistory, (h, p) => appendStats(h, p, p.t));
  if (stats) patch.statsHistory = stats;
  const deletes = diffRecord(prev.deletes, next.deletes);
  if (deletes) patch.deletes = deletes;
  const notifications = diffList(prev.notifications, next.notifications);
  if (notifications) patch.notifications = notifications;
  const launches = diffList(prev.launches, next.launches);
  if (launches) patch.launches = launches;
  const fields: Record<string, unknown> = {};
  for (const field of WHOLE_FIELDS) if (!same(prev[field], next[field])) fields[field] = next[field];
  if (Object.keys(fields).length > 0) patch.fields = fields as StatePatch['fields'];
  return Object.keys(patch).length > 0 ? patch : null;
}
