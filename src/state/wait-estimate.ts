// How much longer a Pending session may wait, from the user's own past waits (skaha-api.md §9.4:
// Skaha gives no queue position or priority, so any estimate is the client's own).

import type { Session } from '../domain/session.js';
import { MAX_WAITS, type WaitRecord } from './insight.js';

/** The fewest similar past waits an estimate is made from. */
export const MIN_WAITS_FOR_ESTIMATE = 3;

/** How many of the most recent similar waits count (the platform's load changes). */
const RECENT_WAITS = 30;

/** An estimate of the remaining wait, or why there is none. */
export type WaitEstimate =
  { kind: 'estimate'; remainingMs: number; basis: number } | { kind: 'longer'; longestMs: number; basis: number } | { kind: 'none'; basis: number };

/** Pure: the wait history with one more wait, bounded to MAX_WAITS (oldest dropped). */
export function appendWait(waits: readonly WaitRecord[], record: WaitRecord): WaitRecord[] {
  const next = [...waits, record];
  return next.length > MAX_WAITS ? next.slice(next.length - MAX_WAITS) : next;
}

/** The record of a wait that ended when `session` started to run at `at`. */
export function waitRecord(session: Session, waitedMs: number, at: number): WaitRecord {
  return { kind: session.kind, cores: session.cpu.requested, ramGB: session.ramGB.requested, waitedMs: Math.max(0, waitedMs), at };
}

function near(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return hi <= Math.max(lo * 2, lo + 1);
}

/** Whether a past wait is of the same kind and a similar size (within a factor 2 of cores and RAM; flexible with flexible). */
export function similarWait(record: WaitRecord, session: Pick<Session, 'kind' | 'cpu' | 'ramGB'>): boolean {
  return record.kind === session.kind && near(record.cores, session.cpu.requested) && near(record.ramGB, session.ramGB.requested);
}

/**
 * Pure: the remaining wait of a session Pending for `waitedMs`: the median of the similar past waits
 * that lasted longer than that, minus what it waited already. "longer" when it has waited longer
 * than any of them; "none" with fewer than MIN_WAITS_FOR_ESTIMATE similar waits.
 */
export function estimateWait(waits: readonly WaitRecord[], session: Pick<Session, 'kind' | 'cpu' | 'ramGB'>, waitedMs: number): WaitEstimate {
  const similar = waits.filter((w) => similarWait(w, session)).slice(-RECENT_WAITS);
  const basis = similar.length;
  if (basis < MIN_WAITS_FOR_ESTIMATE) return { kind: 'none', basis };
  const longer = similar
    .map((w) => w.waitedMs)
    .filter((ms) => ms > waitedMs)
    .sort((a, b) => a - b);
  if (longer.length === 0) return { kind: 'longer', longestMs: Math.max(...similar.map((w) => w.waitedMs)), basis };
  const mid = longer.length / 2;
  const median = longer.length % 2 === 1 ? longer[Math.floor(mid)] : (longer[mid - 1] + longer[mid]) / 2;
  return { kind: 'estimate', remainingMs: Math.max(0, median - waitedMs), basis };
}
