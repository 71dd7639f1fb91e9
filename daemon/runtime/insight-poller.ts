import { isAppError, toAppError } from '../../src/domain/errors.js';
import type { SessionEvent } from '../../src/domain/platform.js';
import type { Session } from '../../src/domain/session.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import { settleConcurrently } from '../../src/client/limit-concurrency.js';
import type { EventsObservation } from '../../src/state/insights.js';
import type { StateRuntime } from './state-runtime.js';

/** What the insight poller needs. */
export interface InsightPollerDeps {
  clock: Clock;
  logger: Logger;
  runtime: StateRuntime;
  /** A session's events through the daemon's shared read cache. */
  events: (sessionId: string) => Promise<SessionEvent[]>;
  /** True while Skaha refuses the credentials. */
  paused: () => boolean;
  /** How often the events of a waiting session are read again (default EVENTS_REREAD_MS). */
  rereadMs?: number;
}

/** How often the events of a Pending session are read again when nothing else changed. */
export const EVENTS_REREAD_MS = 10_000;

/** How often they are read while its pod starts (scheduled, pulling, starting): that changes by the second. */
export const STARTING_REREAD_MS = 2_000;

const STARTING: ReadonlySet<string> = new Set(['unknown', 'scheduled', 'pulling', 'starting']);

/** The most sessions whose events one round reads, and how many at once: a flood of queued jobs costs bounded requests. */
export const EVENTS_PER_ROUND = 10;
const CONCURRENCY = 4;

interface Seen {
  at: number;
  /** The session's start time when read (a new start time means Kueue admitted it: read again at once). */
  startedAt: string | null;
  status: string;
}

/**
 * Reads the Kubernetes events of the sessions whose answers need them, after each poll: Pending
 * sessions (why they wait; a 404 means queued, never gone) and sessions that just failed (their
 * pod, and its events, may vanish soon). Rate-limited per session and per round; one
 * `events.observed` action per round.
 */
export class InsightPoller {
  private readonly seen = new Map<string, Seen>();
  private running: Promise<void> | null = null;

  constructor(private readonly deps: InsightPollerDeps) {}

  /** Picks and reads the sessions due after a poll; a round still running makes this one a no-op. */
  check(sessions: readonly Session[]): void {
    if (this.running || this.deps.paused()) return;
    this.running = this.round(sessions).finally(() => (this.running = null));
  }

  /** Resolves when no round is running. */
  async idle(): Promise<void> {
    await this.running;
  }

  /** Pure-ish: the sessions whose events are due now, most overdue first, at most EVENTS_PER_ROUND. */
  due(sessions: readonly Session[], now: number): Session[] {
    if (this.seen.size > 0) {
      const live = new Set(sessions.map((s) => s.id));
      for (const id of this.seen.keys()) if (!live.has(id)) this.seen.delete(id);
    }
    const insights = this.deps.runtime.state().insights;
    const slow = this.deps.rereadMs ?? EVENTS_REREAD_MS;
    const picked: { session: Session; urgency: number }[] = [];
    for (const session of sessions) {
      // Most sessions run: nothing to look up for them.
      if (session.status === 'Running') continue;
      const last = this.seen.get(session.id);
      const insight = Object.hasOwn(insights, session.id) ? insights[session.id] : undefined;
      if (session.status === 'Pending') {
        const reread = STARTING.has(insight?.pending?.code ?? 'unknown') ? Math.min(slow, STARTING_REREAD_MS) : slow;
        const fresh = !last || last.status !== 'Pending' || last.startedAt !== session.startedAt;
        if (fresh) picked.push({ session, urgency: Infinity });
        else if (now - last.at >= reread) picked.push({ session, urgency: now - last.at });
      } else if ((session.status === 'Failed' || session.status === 'Error') && last?.status !== session.status) {
        // Once, while the pod (and its events) may still be there.
        picked.push({ session, urgency: Infinity });
      }
    }
    return picked
      .sort((a, b) => b.urgency - a.urgency)
      .slice(0, EVENTS_PER_ROUND)
      .map((p) => p.session);
  }

  private async round(sessions: readonly Session[]): Promise<void> {
    const now = this.deps.clock.now();
    const due = this.due(sessions, now);
    if (due.length === 0) return;
    for (const s of due) this.seen.set(s.id, { at: now, startedAt: s.startedAt, status: s.status });
    const settled = await settleConcurrently(due, CONCURRENCY, (s) => this.deps.events(s.id));
    const observations: EventsObservation[] = [];
    settled.forEach((outcome, i) => {
      const id = due[i].id;
      if (outcome.status === 'fulfilled') observations.push({ id, events: outcome.value });
      // No pod: Kueue has not admitted it (or preempted it). Only the listing says a session is gone.
      else if (isAppError(outcome.reason) && outcome.reason.code === 'SKAHA_NOT_FOUND') observations.push({ id, events: null });
      else this.deps.logger.debug('events read failed', { session: id, error: toAppError(outcome.reason).message });
    });
    if (observations.length > 0) await this.deps.runtime.apply({ type: 'events.observed', observations, at: this.deps.clock.now() });
  }
}
