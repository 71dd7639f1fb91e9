import { AppError, toAppError, type ErrorJson } from '../../src/domain/errors.js';
import type { Session } from '../../src/domain/session.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import { isAuthFailure } from '../../src/state/health.js';
import { idleSettings, type DaemonConfig } from '../config/daemon-config.js';
import { nextPollDelay } from '../poll/poll-interval.js';
import { dictGet } from '../../src/domain/dict.js';
import { RepeatingTask } from '../poll/repeating-task.js';
import type { ApiHolder } from './api-holder.js';
import type { StateRuntime } from './state-runtime.js';

/** Least time between the starts of two polls that clients asked for (`refresh`, an unknown session id). */
export const REFRESH_GAP_MS = 1_000;

/** How one session poll ended: when, and the error when it failed. */
export interface PollOutcome {
  at: number;
  error: ErrorJson | null;
}

/** What the session poller needs. */
export interface SessionPollerDeps {
  clock: Clock;
  logger: Logger;
  runtime: StateRuntime;
  connection: ApiHolder;
  config: () => DaemonConfig;
  /** Attached websocket clients (none and no sessions → slow cadence). */
  clients: () => number;
  /** Runs after each successful poll (auto-renew). */
  afterPoll?: (sessions: readonly Session[]) => void;
  random?: () => number;
}

/**
 * The one session poller for every client: never overlapping, adaptive (fast / normal / slow),
 * exponential back-off with jitter on failure and the whole cap on refused credentials. A failed
 * poll, or one whose processing (reduce, persist, broadcast) throws, counts as a failure, backs off
 * and is recorded in the state; it never stops the loop.
 */
export class SessionPoller {
  /** Consecutive failed polls. */
  failures = 0;
  /** True while Skaha refuses the credentials (side pollers pause). */
  authFailing = false;
  private readonly task: RepeatingTask;
  private lastErrorCode: string | null = null;
  private lastStartAt = -Infinity;
  private stopped = false;
  private nextRefresh: Promise<PollOutcome | null> | null = null;
  private lastOutcome: PollOutcome | null = null;

  constructor(private readonly deps: SessionPollerDeps) {
    this.task = new RepeatingTask({ clock: deps.clock, run: () => this.poll(), nextDelay: () => this.nextDelay() });
  }

  /** Starts polling at once. */
  start(): void {
    this.task.start(0);
  }

  /** Stops scheduling polls (a poll in flight completes). */
  stop(): void {
    this.stopped = true;
    this.task.stop();
  }

  /** Polls now, or joins the poll in flight; reschedules from its end. */
  pollNow(): Promise<void> {
    return this.task.runNow();
  }

  /**
   * A poll that starts after this call (after the one in flight, which may predate a change). Every
   * caller until it starts shares it, and it starts at least REFRESH_GAP_MS after the previous
   * poll did: no number or rate of client requests polls Skaha faster than that. Resolves with that
   * poll's outcome (null when the poller stopped first).
   */
  refresh(): Promise<PollOutcome | null> {
    this.nextRefresh ??= (async () => {
      // A tick first, so `??=` has stored this promise before it is cleared below.
      await Promise.resolve();
      if (this.task.running) await this.task.runNow();
      const wait = this.lastStartAt + REFRESH_GAP_MS - this.deps.clock.now();
      if (wait > 0) await new Promise<void>((resolve) => this.deps.clock.setTimeout(resolve, wait));
      if (this.stopped) return null;
      if (this.task.running) await this.task.runNow();
      // Callers from here on need a poll that starts after them: the next one.
      this.nextRefresh = null;
      await this.task.runNow();
      // Read at once: the poll just awaited is the last one to have ended.
      return this.lastOutcome;
    })();
    return this.nextRefresh;
  }

  /** Joins the poll in flight, whose answer is as fresh as any, or else asks for a refresh (an unknown session id). */
  async current(): Promise<void> {
    if (this.task.running) await this.task.runNow();
    else await this.refresh();
  }

  /** Resolves when no poll is in flight. */
  async idle(): Promise<void> {
    while (this.task.running) await this.task.runNow();
  }

  private nextDelay(): number {
    const state = this.deps.runtime.state();
    return nextPollDelay(
      {
        // Only a waiting session needs its wait's start; the others go as they are. (By key: Object.values of a
        // map of 1,000 sessions is several times slower.)
        sessions: Object.keys(state.sessions).map((id) => {
          const s = state.sessions[id];
          return s.status === 'Pending' ? { status: s.status, pendingSince: dictGet(state.insights, id)?.pending?.since ?? null } : s;
        }),
        clients: this.deps.clients(),
        now: this.deps.clock.now(),
        lastActionAt: state.lastActivityAt,
        failures: this.failures,
        authFailure: this.authFailing,
      },
      this.deps.config().polling,
      this.deps.random,
    );
  }

  private async poll(): Promise<void> {
    this.lastOutcome = await this.pollOnce();
  }

  /** One poll: when it was recorded (the state's lastPollAt when it succeeded), and its failure. */
  private async pollOnce(): Promise<PollOutcome> {
    this.lastStartAt = this.deps.clock.now();
    let failure: ErrorJson | null = null;
    let sessions: Session[] | null = null;
    try {
      sessions = await this.deps.connection.api().listSessions();
    } catch (error) {
      failure = toAppError(error).toJSON();
    }
    if (sessions) {
      const at = this.deps.clock.now();
      try {
        await this.deps.runtime.apply({ type: 'poll.succeeded', sessions, at, idle: idleSettings(this.deps.config().idle) });
        this.succeeded();
        this.deps.afterPoll?.(sessions);
        return { at, error: null };
      } catch (error) {
        // A failure of the daemon's own bookkeeping counts like a network failure: it backs off too.
        failure = new AppError('INTERNAL_ERROR', `processing a session poll failed: ${toAppError(error).message}`).toJSON();
        this.deps.logger.error('processing a session poll failed', { error: failure.message });
      }
    }
    const error = failure ?? new AppError('INTERNAL_ERROR', 'the session poll ended without sessions or an error').toJSON();
    this.failed(error);
    const at = this.deps.clock.now();
    try {
      await this.deps.runtime.apply({ type: 'poll.failed', error, at });
    } catch (applyError) {
      this.deps.logger.error('recording a failed session poll failed', { error: toAppError(applyError).message });
    }
    return { at, error };
  }

  private succeeded(): void {
    if (this.failures > 0) this.deps.logger.info('session polls work again', { after: this.failures });
    this.failures = 0;
    this.authFailing = false;
    this.lastErrorCode = null;
  }

  private failed(error: ErrorJson): void {
    this.failures++;
    this.authFailing = isAuthFailure(error);
    // One warning per kind of failure; repeats go to debug so a long outage does not flood the log.
    const level = error.code === this.lastErrorCode ? 'debug' : 'warn';
    this.deps.logger[level]('session poll failed', { code: error.code, error: error.message, failures: this.failures });
    this.lastErrorCode = error.code;
  }
}
