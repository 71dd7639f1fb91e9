import { dictGet, emptyDict, type Dict } from '../domain/dict.js';
import type { Session } from '../domain/session.js';
import type { LaunchRecord, NotificationRecord } from './state.js';
import { DELETE_WINDOW_MS, EMITTED_KEY_TTL_MS, MAX_EMITTED_KEYS, MAX_LAUNCHES, MAX_NOTIFICATIONS } from './state.js';
import { appendUsage, usageSample, type UsageHistory } from './usage.js';
import { isLevelKey } from './events.js';

/** Pure: sessions keyed by id (a later duplicate id wins), in a null-prototype map. */
export function sessionsById(sessions: readonly Session[]): Dict<Session> {
  const out = emptyDict<Session>();
  for (const session of sessions) out[session.id] = session;
  return out;
}

/** Pure: usage histories after a poll at `at`: one sample per reporting session, histories of gone sessions dropped. */
export function usageAfterPoll(usage: Readonly<Record<string, UsageHistory>>, sessions: Readonly<Record<string, Session>>, at: number): Dict<UsageHistory> {
  const out = emptyDict<UsageHistory>();
  for (const id of Object.keys(sessions)) {
    const sample = usageSample(sessions[id], at);
    const before = dictGet(usage, id);
    if (sample) out[id] = appendUsage(before, sample, at);
    else if (before) out[id] = before;
  }
  return out;
}

/** Pure: delete requests still within the window at `at` (the same object when none expired). */
export function recentDeletes(deletes: Readonly<Record<string, number>>, at: number): Dict<number> {
  const entries = Object.entries(deletes);
  if (entries.every(([, when]) => at - when < DELETE_WINDOW_MS)) return deletes;
  const out = emptyDict<number>();
  for (const [id, when] of entries) if (at - when < DELETE_WINDOW_MS) out[id] = when;
  return out;
}

/**
 * Pure: records emitted keys (first time wins) and forgets the oldest beyond the TTL and the cap;
 * over the cap, keys of level-triggered events go last (forgetting one would report it again, e.g.
 * after a flood of sessions). One pass over the old keys plus the new ones (a sort only when over
 * the cap): call it once per batch.
 */
export function markEmitted(emitted: Readonly<Record<string, number>>, keys: readonly string[], at: number): Dict<number> {
  const out = emptyDict<number>();
  let size = 0;
  for (const key of Object.keys(emitted)) {
    const when = emitted[key];
    if (at - when <= EMITTED_KEY_TTL_MS) {
      out[key] = when;
      size++;
    }
  }
  for (const key of keys) {
    if (Object.hasOwn(out, key)) continue;
    out[key] = at;
    size++;
  }
  if (size <= MAX_EMITTED_KEYS) return out;
  const rank = (key: string) => (isLevelKey(key) ? 1 : 0);
  const entries = Object.entries(out).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]);
  const kept = emptyDict<number>();
  for (const [key, when] of entries.slice(entries.length - MAX_EMITTED_KEYS)) kept[key] = when;
  return kept;
}

/** Pure: the notification log with more entries, bounded to MAX_NOTIFICATIONS. */
export function appendNotification(log: readonly NotificationRecord[], ...entries: NotificationRecord[]): NotificationRecord[] {
  const next = [...log, ...entries];
  return next.length > MAX_NOTIFICATIONS ? next.slice(next.length - MAX_NOTIFICATIONS) : next;
}

/** Pure: the launch list with one more record, bounded to MAX_LAUNCHES. */
export function appendLaunch(launches: readonly LaunchRecord[], record: LaunchRecord): LaunchRecord[] {
  const next = [...launches.filter((l) => l.id !== record.id), record];
  return next.length > MAX_LAUNCHES ? next.slice(next.length - MAX_LAUNCHES) : next;
}

/** Pure: the launch list with one record changed by `update` (unknown ids leave it as is). */
export function updateLaunch(launches: readonly LaunchRecord[], id: string, update: (record: LaunchRecord) => LaunchRecord): LaunchRecord[] {
  return launches.map((record) => (record.id === id ? update(record) : record));
}
