import type { Session } from '../domain/session.js';
import type { LaunchRecord, NotificationRecord } from './state.js';
import { DELETE_WINDOW_MS, EMITTED_KEY_TTL_MS, MAX_EMITTED_KEYS, MAX_LAUNCHES, MAX_NOTIFICATIONS } from './state.js';
import { appendUsage, usageSample, type UsageHistory } from './usage.js';

/** Pure: sessions keyed by id (a later duplicate id wins). */
export function sessionsById(sessions: readonly Session[]): Record<string, Session> {
  const out: Record<string, Session> = {};
  for (const session of sessions) out[session.id] = session;
  return out;
}

/** Pure: usage histories after a poll at `at`: one sample per reporting session, histories of gone sessions dropped. */
export function usageAfterPoll(
  usage: Readonly<Record<string, UsageHistory>>,
  sessions: Readonly<Record<string, Session>>,
  at: number,
): Record<string, UsageHistory> {
  const out: Record<string, UsageHistory> = {};
  for (const [id, session] of Object.entries(sessions)) {
    const sample = usageSample(session, at);
    if (sample) out[id] = appendUsage(usage[id], sample, at);
    else if (usage[id]) out[id] = usage[id];
  }
  return out;
}

/** Pure: delete requests still within the window at `at` (the same object when none expired). */
export function recentDeletes(deletes: Readonly<Record<string, number>>, at: number): Record<string, number> {
  const entries = Object.entries(deletes);
  if (entries.every(([, when]) => at - when < DELETE_WINDOW_MS)) return deletes as Record<string, number>;
  const out: Record<string, number> = {};
  for (const [id, when] of entries) if (at - when < DELETE_WINDOW_MS) out[id] = when;
  return out;
}

/** Pure: records emitted keys (first time wins) and forgets the oldest beyond the TTL and the cap. */
export function markEmitted(
  emitted: Readonly<Record<string, number>>,
  keys: readonly string[],
  at: number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, when] of Object.entries(emitted)) if (at - when <= EMITTED_KEY_TTL_MS) out[key] = when;
  for (const key of keys) if (!Object.hasOwn(out, key)) out[key] = at;
  const entries = Object.entries(out);
  if (entries.length <= MAX_EMITTED_KEYS) return out;
  entries.sort((a, b) => a[1] - b[1]);
  return Object.fromEntries(entries.slice(entries.length - MAX_EMITTED_KEYS));
}

/** Pure: the notification log with one more entry, bounded to MAX_NOTIFICATIONS. */
export function appendNotification(log: readonly NotificationRecord[], entry: NotificationRecord): NotificationRecord[] {
  const next = [...log, entry];
  return next.length > MAX_NOTIFICATIONS ? next.slice(next.length - MAX_NOTIFICATIONS) : next;
}

/** Pure: the launch list with one more record, bounded to MAX_LAUNCHES. */
export function appendLaunch(launches: readonly LaunchRecord[], record: LaunchRecord): LaunchRecord[] {
  const next = [...launches.filter((l) => l.id !== record.id), record];
  return next.length > MAX_LAUNCHES ? next.slice(next.length - MAX_LAUNCHES) : next;
}

/** Pure: the launch list with one record changed by `update` (unknown ids leave it as is). */
export function updateLaunch(
  launches: readonly LaunchRecord[],
  id: string,
  update: (record: LaunchRecord) => LaunchRecord,
): LaunchRecord[] {
  return launches.map((record) => (record.id === id ? update(record) : record));
}
