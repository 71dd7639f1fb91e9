import type { Session } from '../../src/domain/session.js';

/** Poll cadence settings, in milliseconds. */
export interface PollIntervals {
  fastMs: number;
  normalMs: number;
  slowMs: number;
  /** How long to poll fast after a launch, delete or renew. */
  fastAfterActionMs: number;
  /** How long a session keeps the daemon polling fast once it went Pending (a job queued for hours does not). */
  fastWhilePendingMs: number;
  /** The longest wait between attempts while polls fail. */
  backoffCapMs: number;
}

/** The cadence the daemon starts with (2 s, 15 s, 60 s; fast for 60 s after an action and for 10 min of a wait; back-off cap 5 min). */
export const DEFAULT_POLL_INTERVALS: PollIntervals = {
  fastMs: 2_000,
  normalMs: 15_000,
  slowMs: 60_000,
  fastAfterActionMs: 60_000,
  fastWhilePendingMs: 10 * 60_000,
  backoffCapMs: 300_000,
};

/** A session as the poll cadence sees it: its status and, while Pending, since when it has waited. */
export interface PollSession extends Pick<Session, 'status'> {
  pendingSince?: number | null;
}

/** What the next session poll's delay depends on. */
export interface PollSituation {
  sessions: readonly PollSession[];
  clients: number;
  now: number;
  lastActionAt: number | null;
  /** Consecutive failed polls (0 after a success). */
  failures: number;
  /** True when the last failure was an auth problem: wait the whole cap. */
  authFailure: boolean;
}

/**
 * Whether anything is moving: a session Terminating, or Pending for less than `fastWhilePendingMs`
 * (a wait of unknown start counts as new), or a recent user action. A job Kueue keeps queued for
 * hours, or an image that cannot be pulled, must not keep the daemon asking every 2 s for hours.
 */
export function isBusy(situation: PollSituation, intervals: PollIntervals): boolean {
  const recentAction = situation.lastActionAt !== null && situation.now - situation.lastActionAt < intervals.fastAfterActionMs;
  const waitingAfresh = (s: PollSession) => s.status === 'Pending' && (s.pendingSince == null || situation.now - s.pendingSince < intervals.fastWhilePendingMs);
  return recentAction || situation.sessions.some((s) => s.status === 'Terminating' || waitingAfresh(s));
}

/** The delay before the next session poll: back-off on failure, else fast, normal or slow. `random` is in [0, 1). */
export function nextPollDelay(situation: PollSituation, intervals: PollIntervals, random: () => number = Math.random): number {
  if (situation.failures > 0) {
    if (situation.authFailure) return intervals.backoffCapMs;
    return backoffDelay(situation.failures, intervals.fastMs, intervals.backoffCapMs, random);
  }
  if (isBusy(situation, intervals)) return intervals.fastMs;
  if (situation.sessions.length === 0 && situation.clients === 0) return intervals.slowMs;
  return intervals.normalMs;
}

/** Exponential back-off with "equal jitter": half fixed, half random, never above the cap. */
export function backoffDelay(failures: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
