// Idle sessions: a Running session whose CPU use stays under a threshold (a share of its request when
// fixed, near zero when flexible) for long enough is flagged once, and said once.

import { dictGet } from '../domain/dict.js';
import type { Session } from '../domain/session.js';
import type { SessionIdleEvent } from './events.js';
import type { IdleInfo } from './insight.js';
import type { DaemonState } from './state.js';

/** When a session counts as idle; switchable off. */
export interface IdleSettings {
  enabled: boolean;
  /** How long its CPU use must stay under the threshold (ms). */
  afterMs: number;
  /** The threshold of a fixed session: this share of its requested cores. */
  fixedFraction: number;
  /** The threshold of a flexible session (it has no request): cores. */
  flexibleCores: number;
}

/** The defaults: under 5 % of the requested cores (0.05 cores when flexible) for 6 hours. */
export const DEFAULT_IDLE_SETTINGS: IdleSettings = { enabled: true, afterMs: 6 * 3_600_000, fixedFraction: 0.05, flexibleCores: 0.05 };

/** Pure: the CPU use (cores) under which a session counts as idle. */
export function idleThreshold(session: Session, settings: IdleSettings): number {
  const requested = session.cpu.requested;
  return session.fixed !== false && requested !== null && requested > 0 ? requested * settings.fixedFraction : settings.flexibleCores;
}

/**
 * Pure: a session's idle info after a sample at `at`: started when its use drops under the threshold,
 * flagged once it stayed there `afterMs`, gone when it is busy again or no longer Running. A sample
 * without a use figure changes nothing. Unchanged info keeps its object.
 */
export function nextIdle(idle: IdleInfo | null, session: Session, at: number, settings: IdleSettings): IdleInfo | null {
  if (!settings.enabled || session.status !== 'Running') return null;
  const used = session.cpu.used;
  if (used === null) return idle;
  const threshold = idleThreshold(session, settings);
  if (used >= threshold) return null;
  const base: IdleInfo = idle && idle.threshold === threshold ? idle : { since: idle?.since ?? at, threshold, flaggedAt: idle?.flaggedAt ?? null };
  return base.flaggedAt === null && at - base.since >= settings.afterMs ? { ...base, flaggedAt: at } : base;
}

/** Pure: session:idle for each session whose idle info was just flagged (keyed by the idle spell, so said once). */
export function idleEvents(prev: DaemonState, next: DaemonState, now: number): SessionIdleEvent[] {
  const events: SessionIdleEvent[] = [];
  for (const id of Object.keys(next.insights)) {
    const idle = next.insights[id].idle;
    const session = dictGet(next.sessions, id);
    if (!session || !idle || idle.flaggedAt === null) continue;
    const before = dictGet(prev.insights, id)?.idle;
    if (before && before.flaggedAt !== null && before.since === idle.since) continue;
    events.push({
      type: 'session:idle',
      key: `idle:${id}:${idle.since}`,
      at: now,
      session,
      since: idle.since,
      used: session.cpu.used,
      requested: session.cpu.requested,
      threshold: idle.threshold,
    });
  }
  return events;
}
