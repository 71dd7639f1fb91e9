import { dictGet, hasKey } from '../domain/dict.js';
import { isActive, isFinished, isInteractiveKind, type Session } from '../domain/session.js';
import type { DaemonEvent, RemovalReason } from './events.js';
import { DELETE_WINDOW_MS } from './state.js';

/** Default expiry warnings for interactive sessions, in seconds before expiresAt (1 h, 10 min). */
export const DEFAULT_EXPIRING_THRESHOLDS_SEC: readonly number[] = [3600, 600];

/** Options for diffSessions. */
export interface DiffOptions {
  /** Epoch ms of the new snapshot. */
  now: number;
  /** Seconds before expiresAt at which to warn; each fires once per expiresAt. */
  expiringThresholdsSec?: readonly number[];
  /** Session id → when a delete was requested (DaemonState.deletes). */
  deletes?: Readonly<Record<string, number>>;
  deleteWindowMs?: number;
  /** True when `prev` is not a real snapshot (first poll ever): only level events (expiring) are produced. */
  baseline?: boolean;
}

function removalReason(session: Session, options: DiffOptions): RemovalReason {
  const requested = options.deletes ? dictGet(options.deletes, session.id) : undefined;
  if (requested !== undefined && options.now - requested < (options.deleteWindowMs ?? DELETE_WINDOW_MS)) return 'deleted';
  if (isFinished(session)) return 'cleaned-up';
  // Last seen Terminating: someone deleted it elsewhere (the portal, another tool), nothing went wrong.
  if (session.status === 'Terminating') return 'deleted';
  const expires = session.expiresAt ? Date.parse(session.expiresAt) : NaN;
  return Number.isFinite(expires) && expires <= options.now ? 'expired' : 'vanished';
}

// Sessions keep their expiry from poll to poll: a poll of 1,000 would parse the same timestamps again.
const parsedExpiries = new Map<string, number>();
const MAX_PARSED_EXPIRIES = 20_000;

/** Date.parse, remembered per timestamp text. */
function expiryMs(expiresAt: string): number {
  let ms = parsedExpiries.get(expiresAt);
  if (ms === undefined) {
    ms = Date.parse(expiresAt);
    if (parsedExpiries.size >= MAX_PARSED_EXPIRIES) parsedExpiries.clear();
    parsedExpiries.set(expiresAt, ms);
  }
  return ms;
}

/** Pure: the tightest crossed expiry threshold event for an active interactive session, if any. */
export function expiringEvent(session: Session, now: number, thresholdsSec: readonly number[]): DaemonEvent | null {
  if (!isInteractiveKind(session.kind) || !isActive(session) || !session.expiresAt) return null;
  const expires = expiryMs(session.expiresAt);
  if (!Number.isFinite(expires) || expires <= now) return null;
  const left = (expires - now) / 1000;
  let thresholdSec = Infinity;
  for (const t of thresholdsSec) if (left <= t && t < thresholdSec) thresholdSec = t;
  if (thresholdSec === Infinity) return null;
  return {
    type: 'session:expiring',
    key: `expiring:${session.id}:${session.expiresAt}:${thresholdSec}`,
    at: now,
    session,
    thresholdSec,
    expiresAt: session.expiresAt,
  };
}

function changeEvents(before: Session | undefined, after: Session, now: number, events: DaemonEvent[]): void {
  const id = after.id;
  if (!before) events.push({ type: 'session:added', key: `added:${id}`, at: now, session: after });
  const from = before ? before.status : null;
  // A session first seen past Pending still reports its status, so a fast start is not missed.
  if (from !== after.status && !(from === null && after.status === 'Pending')) {
    events.push({ type: 'session:status-changed', key: `status:${id}:${after.status}`, at: now, session: after, from, to: after.status });
    if (after.kind === 'headless' && isFinished(after) && !(before && isFinished(before))) {
      events.push({ type: 'job:finished', key: `job:${id}:${after.status}`, at: now, session: after, status: after.status });
    }
  }
}

/**
 * Pure: the events between two session snapshots: added, status-changed, job:finished, removed
 * (edge-triggered, skipped for a baseline) and expiring (level-triggered; dedupe by key).
 */
export function diffSessions(prev: Readonly<Record<string, Session>>, next: Readonly<Record<string, Session>>, options: DiffOptions): DaemonEvent[] {
  const events: DaemonEvent[] = [];
  const thresholds = options.expiringThresholdsSec ?? DEFAULT_EXPIRING_THRESHOLDS_SEC;
  for (const id of Object.keys(next)) {
    const after = next[id];
    if (!options.baseline) changeEvents(dictGet(prev, id), after, options.now, events);
    const expiring = expiringEvent(after, options.now, thresholds);
    if (expiring) events.push(expiring);
  }
  if (!options.baseline) {
    for (const id of Object.keys(prev)) {
      if (hasKey(next, id)) continue;
      const before = prev[id];
      events.push({ type: 'session:removed', key: `removed:${id}`, at: options.now, session: before, reason: removalReason(before, options) });
    }
  }
  return events;
}
