// Pure steps that keep the per-session insights (why Pending, why Failed, renew outcomes) and the
// wait history in step with polls, events reads and renews.

import { dictFrom, dictGet, emptyDict, type Dict } from '../domain/dict.js';
import type { SessionEvent } from '../domain/platform.js';
import { isFinished, type Session } from '../domain/session.js';
import { historyPoints } from './history.js';
import { clueFromEvents, failureOf, strongerClue } from './failure-cause.js';
import { emptyInsight, isEmptyInsight, type PendingInfo, type RenewCheck, type SessionInsight, type WaitRecord } from './insight.js';
import { PENDING_TEXT, pendingReason } from './pending-reason.js';
import type { DaemonState } from './state.js';
import { appendWait, waitRecord } from './wait-estimate.js';
import { DEFAULT_IDLE_SETTINGS, nextIdle, type IdleSettings } from './idle.js';

/** How far back memory samples count as "just before it failed". */
const RECENT_SAMPLES_MS = 5 * 60_000;
const RECENT_SAMPLES = 3;

/** What one read of a session's events gave: its events, or null when the events view answered 404 (no pod). */
export interface EventsObservation {
  id: string;
  events: SessionEvent[] | null;
}

function launchedAt(state: DaemonState, id: string): number | null {
  for (let i = state.launches.length - 1; i >= 0; i--) {
    const record = state.launches[i];
    if (record.results?.some((r) => 'id' in r && r.id === id)) return record.at;
  }
  return null;
}

function startPending(state: DaemonState, session: Session, before: Session | undefined, at: number): PendingInfo {
  const requeued = before?.status === 'Running';
  const launched = requeued ? null : launchedAt(state, session.id);
  // A session new in a later poll started waiting between two polls; one first seen already waiting waited longer.
  const exact = requeued || launched !== null || (before === undefined && state.lastPollAt !== null);
  const since = launched !== null ? Math.min(launched, at) : at;
  const reason = PENDING_TEXT.unknown;
  return { code: 'unknown', reason, since, exact, requeued, detail: null };
}

function recentRam(state: DaemonState, id: string, at: number): (number | null)[] {
  return historyPoints(dictGet(state.usage, id), RECENT_SAMPLES)
    .filter((p) => at - p.t <= RECENT_SAMPLES_MS)
    .map((p) => p.ram);
}

// The insight of every session with nothing to say, shared (never changed: changes are copies) so a poll of 1,000 such sessions allocates none.
const NO_INSIGHT: SessionInsight = emptyInsight();

function nextInsight(state: DaemonState, session: Session, at: number, waits: { list: WaitRecord[] }): SessionInsight {
  const before = dictGet(state.sessions, session.id);
  const insight = dictGet(state.insights, session.id) ?? NO_INSIGHT;
  if (session.status === 'Pending') {
    const continues = insight.pending !== null && before?.status === 'Pending';
    return continues ? insight : { ...insight, pending: startPending(state, session, before, at), failure: null };
  }
  if (session.status === 'Running') {
    const waited = insight.pending;
    // A queue wait: from launch, or from a preemption; a crashed container's back-off is no queue.
    if (waited && before?.status === 'Pending' && waited.exact && (!waited.requeued || waited.code === 'preempted')) {
      waits.list = appendWait(waits.list, waitRecord(session, at - waited.since, at));
    }
    return waited || insight.failure ? { ...insight, pending: null, failure: null } : insight;
  }
  if (session.status === 'Failed' || session.status === 'Error') {
    if (insight.failure && before && isFinished(before)) return insight.pending ? { ...insight, pending: null } : insight;
    const context = state.context;
    const witness = { before: before ?? null, recentRamGB: recentRam(state, session.id, at), flexibleLimitGiB: context?.ramGB.defaultLimit ?? null };
    return { ...insight, pending: null, failure: failureOf(session, insight.clue, witness, at) };
  }
  return insight.pending || insight.failure ? { ...insight, pending: null, failure: null } : insight;
}

/** Pure: the insights and the wait history after a poll listed `sessions` at `at` (insights of gone sessions dropped; idle spells per `idle`). */
export function insightsAfterPoll(
  state: DaemonState,
  sessions: Readonly<Record<string, Session>>,
  at: number,
  idle: IdleSettings = DEFAULT_IDLE_SETTINGS,
): { insights: Dict<SessionInsight>; waits: WaitRecord[] } {
  const out = emptyDict<SessionInsight>();
  const waits = { list: state.waits };
  // Unchanged insights keep their object (the store and the patches compare by reference).
  let same = true;
  let count = 0;
  for (const id of Object.keys(sessions)) {
    let insight = nextInsight(state, sessions[id], at, waits);
    const idleNow = nextIdle(insight.idle, sessions[id], at, idle);
    if (idleNow !== insight.idle) insight = { ...insight, idle: idleNow };
    if (isEmptyInsight(insight)) continue;
    out[id] = insight;
    count++;
    if (dictGet(state.insights, id) !== insight) same = false;
  }
  if (same && count === Object.keys(state.insights).length) return { insights: state.insights, waits: waits.list };
  return { insights: out, waits: waits.list };
}

/** Pure: the insights after reading the events of some sessions at `at`: their pending reasons and clues. */
export function insightsAfterEvents(state: DaemonState, observations: readonly EventsObservation[], at: number): Dict<SessionInsight> {
  let out: Dict<SessionInsight> | null = null;
  for (const { id, events } of observations) {
    const session = dictGet(state.sessions, id);
    if (!session) continue;
    const insight = dictGet(state.insights, id) ?? emptyInsight();
    const clue = events === null ? insight.clue : strongerClue(insight.clue, clueFromEvents(events, at));
    let next: SessionInsight = clue === insight.clue ? insight : { ...insight, clue };
    if (session.status === 'Pending' && insight.pending)
      next = { ...next, pending: { ...insight.pending, ...pendingReason(events, insight.pending.requeued) } };
    // An observed cause read after the failure replaces "cause unknown".
    if (next.failure?.code === 'unknown' && clue && clue.code !== 'unschedulable')
      next = { ...next, failure: { code: clue.code, cause: clue.cause, inferred: false, detail: clue.detail } };
    if (next === insight) continue;
    out ??= dictFrom(state.insights);
    out[id] = next;
  }
  return out ?? state.insights;
}

/** Pure: the insights after renews were checked. */
export function insightsAfterRenew(state: DaemonState, checks: readonly { id: string; check: RenewCheck }[]): Dict<SessionInsight> {
  const out = dictFrom(state.insights);
  for (const { id, check } of checks) {
    if (!dictGet(state.sessions, id)) continue;
    out[id] = { ...(dictGet(state.insights, id) ?? emptyInsight()), renew: check };
  }
  return out;
}
