import { emptyDict } from '../domain/dict.js';
import type { Session } from '../domain/session.js';
import type { DaemonState, LaunchRecord, NotificationRecord } from '../state/state.js';
import type { SessionInsight, WaitRecord } from '../state/insight.js';
import type { StatsHistory, StatsPoint, UsageHistory, UsagePoint } from '../state/usage.js';
import type { HistoryWire } from '../state/revive.js';
import { emptyStats } from '../state/usage.js';
import { arrayOf, isRecord, num, object, optional, recordOf, str, type Check } from './check.js';
import { statsHistoryCheck, usageHistoryCheck } from './history-check.js';
import { insightCheck, sessionCheck, STATE_FIELD_CHECKS, waitCheck } from './state-check.js';

/** Changes to a map: entries to set (whole values) and keys to delete. */
export interface RecordDelta<V> {
  set?: Record<string, V>;
  del?: string[];
}

/** Changes to a bounded list: drop this many from the front, then append these. */
export interface ListDelta<T> {
  drop: number;
  append: T[];
}

/** Changes to the sessions: new ones whole, changed ones by their changed top-level fields, removed ones by id. */
export interface SessionsDelta extends RecordDelta<Session> {
  update?: Record<string, Partial<Session>>;
}

/** Changes to one bounded history: one appended sample (replayed with the same pure append), or the whole history. */
export type HistoryDelta<P, H> = { append: P } | { set: HistoryWire<H> };

/**
 * Changes to the usage histories: `poll` says the daemon ran usageAfterPoll for a poll at that time
 * (the client replays it over the patched sessions, so no usage figure is sent twice); otherwise
 * appended samples, whole histories and removed ids.
 */
export interface UsageDelta {
  poll?: number;
  append?: Record<string, UsagePoint>;
  set?: Record<string, HistoryWire<UsageHistory>>;
  del?: string[];
}

/** DaemonState fields a patch replaces whole when they change. */
export const WHOLE_FIELDS = [
  'schemaVersion',
  'stats',
  'health',
  'credentials',
  'context',
  'lastPollAt',
  'lastStatsAt',
  'lastActivityAt',
  'config',
  'settings',
  'notices',
  'storage',
] as const;

/** A field a patch replaces whole. */
export type WholeField = (typeof WHOLE_FIELDS)[number];

/** What changed between two states; `emitted` (daemon bookkeeping) is never sent to clients. */
export interface StatePatch {
  sessions?: SessionsDelta;
  insights?: RecordDelta<SessionInsight>;
  waits?: ListDelta<WaitRecord>;
  usage?: UsageDelta;
  statsHistory?: HistoryDelta<StatsPoint, StatsHistory>;
  deletes?: RecordDelta<number>;
  notifications?: ListDelta<NotificationRecord>;
  launches?: ListDelta<LaunchRecord>;
  fields?: Partial<Pick<DaemonState, WholeField>>;
}

/**
 * The state as sent to clients: without the daemon's emitted-keys bookkeeping, and without the
 * histories (a day of them for thousands of sessions is over 100 MB) and the usage accounts: clients
 * ask `history` for the histories they draw and `usage` for the accounting.
 */
export function clientSnapshot(state: DaemonState): DaemonState {
  return { ...state, emitted: emptyDict(), usage: emptyDict(), accounts: emptyDict(), statsHistory: emptyStats() };
}

const ids = arrayOf(str(1, 200));
const point = object({ t: num() });

function recordDelta(value: Check): Check {
  return object({ set: optional(recordOf(value)), del: optional(ids) }, true);
}

function listDelta(item: Check): Check {
  return object({ drop: num(0, Number.MAX_SAFE_INTEGER, true), append: arrayOf(item) }, true);
}

const historyDelta: Check = (v, p) => {
  if (isRecord(v) && 'append' in v) return object({ append: point }, true)(v, p);
  return object({ set: statsHistoryCheck }, true)(v, p);
};

const fieldsCheck: Check = (v, p) => {
  if (!isRecord(v)) return `${p} must be an object`;
  for (const [k, item] of Object.entries(v)) {
    if (!(WHOLE_FIELDS as readonly string[]).includes(k)) return `${p} has an unknown field "${k.slice(0, 40)}"`;
    const problem = STATE_FIELD_CHECKS[k](item, `${p}.${k}`);
    if (problem) return problem;
  }
  return null;
};

const patchCheck = object(
  {
    sessions: optional(object({ set: optional(recordOf(sessionCheck)), update: optional(recordOf(object({}))), del: optional(ids) }, true)),
    insights: optional(recordDelta(insightCheck)),
    waits: optional(listDelta(waitCheck)),
    usage: optional(
      object(
        {
          poll: optional(num(0, Number.MAX_SAFE_INTEGER)),
          append: optional(recordOf(point)),
          set: optional(recordOf(usageHistoryCheck)),
          del: optional(ids),
        },
        true,
      ),
    ),
    statsHistory: optional(historyDelta),
    deletes: optional(recordDelta(num())),
    notifications: optional(listDelta(object({ key: str(1, 500), at: num() }))),
    launches: optional(listDelta(object({ id: str(1, 200) }))),
    fields: optional(fieldsCheck),
  },
  true,
);

/** The first problem that keeps `value` from being a StatePatch, or null. */
export function patchProblem(value: unknown, path = 'patch'): string | null {
  return patchCheck(value, path);
}

/** Whether a value has the StatePatch shape. */
export function isStatePatch(value: unknown): value is StatePatch {
  return patchProblem(value) === null;
}
