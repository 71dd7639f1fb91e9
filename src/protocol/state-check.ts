import { arrayOf, bool, nullable, num, object, oneOf, optional, recordOf, str, type Check } from './check.js';
import { errorCheck } from './error-check.js';
import { statsHistoryCheck, usageHistoryCheck } from './history-check.js';

const time = nullable(num(0, Number.MAX_SAFE_INTEGER));

/** Check for a Session (the fields clients index and sort by). */
export const sessionCheck: Check = object({ id: str(1, 200), name: str(0, 200), kind: str(), status: str() });

const pendingCheck: Check = object({ code: str(1, 40), reason: str(0, 5000), since: num(), exact: bool, requeued: bool, detail: nullable(str()) });
const failureCheck: Check = object({ code: str(1, 40), cause: str(0, 5000), inferred: bool, detail: nullable(str()) });

/** Check for a SessionInsight (why Pending, why Failed, the last renew). */
export const insightCheck: Check = object({
  pending: nullable(pendingCheck),
  failure: nullable(failureCheck),
  clue: nullable(object({ code: str(1, 40), cause: str(), at: num() })),
  renew: nullable(object({ outcome: oneOf(['renewed', 'not-needed', 'not-renewed', 'failed']), at: num(), expiresAt: nullable(str()), why: nullable(str()) })),
  idle: nullable(object({ since: num(), threshold: num(0), flaggedAt: nullable(num()) })),
});

const bytes = nullable(num(0));

/** Check for the home storage status (the header and `storage` read every field). */
export const storageCheck: Check = object({
  usedBytes: bytes,
  quotaBytes: bytes,
  nodeDate: nullable(str(0, 100)),
  node: nullable(str(0, 2000)),
  user: nullable(str(0, 200)),
  readAt: time,
  checkedAt: num(0),
  unknown: nullable(str(0, 5000)),
  high: bool,
});

/** Check for one past wait. */
export const waitCheck: Check = object({ kind: str(0, 200), cores: nullable(num()), ramGB: nullable(num()), waitedMs: num(0), at: num() });

/** Check for Health. */
export const healthCheck: Check = object({
  state: oneOf(['ok', 'degraded', 'down', 'refused', 'unknown']),
  since: time,
  lastError: nullable(errorCheck),
  lastSuccessAt: time,
  failingSince: time,
  statsFailing: bool,
  stale: bool,
});

/** Check for a Notification (the log's entries add `at`). */
export const notificationCheck: Check = object({
  key: str(1, 500),
  title: str(0, 1000),
  body: str(0, 10_000),
  urgency: oneOf(['low', 'normal', 'critical']),
});

const launchCheck: Check = object({ id: str(1, 200), request: object({ name: str(), image: str() }), at: num() });

/** The checks of each DaemonState field (shallow where the daemon is trusted, exact where clients index by it). */
export const STATE_FIELD_CHECKS: Record<string, Check> = {
  schemaVersion: num(0, Number.MAX_SAFE_INTEGER, true),
  sessions: recordOf(sessionCheck),
  insights: recordOf(insightCheck),
  waits: arrayOf(waitCheck, 10_000),
  usage: recordOf(usageHistoryCheck),
  accounts: recordOf(object({ name: str(), kind: str() })),
  storage: nullable(storageCheck),
  stats: nullable(object({})),
  statsHistory: statsHistoryCheck,
  health: healthCheck,
  credentials: nullable(object({ kind: str(), source: str(), expiresAt: nullable(str()), user: optional(str(1, 200)) })),
  context: nullable(object({})),
  launches: arrayOf(launchCheck),
  deletes: recordOf(num()),
  notifications: arrayOf(notificationCheck),
  emitted: recordOf(num()),
  lastPollAt: time,
  lastStatsAt: time,
  lastActivityAt: time,
  config: object({ changedAt: time, warning: nullable(str()) }),
  settings: object({ downAfterMs: num(0) }),
  notices: arrayOf(object({ key: str(1, 500), message: str(0, 10_000), at: num() })),
};

const stateCheck = object(STATE_FIELD_CHECKS);

/** The first problem that keeps `value` from being a DaemonState, or null. */
export function stateProblem(value: unknown, path = 'state'): string | null {
  return stateCheck(value, path);
}

/** Whether a value has the DaemonState shape. */
export function isDaemonState(value: unknown): boolean {
  return stateProblem(value) === null;
}
