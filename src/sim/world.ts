import type { Clock } from '../ports/clock.js';
import type { SimConfig } from './config.js';
import { createRng, randomId, type Rng } from './random.js';
import { SessionStore } from './store.js';
import type { SimOidc } from './oidc.js';
import { mergeFaults, type FaultPatch } from './faults.js';
import { statsBody } from './stats.js';
import type { SimFaults } from './types.js';
import { DEFAULT_SIM_STORAGE, type SimStorage } from './storage.js';

/** A fault change that applies at simulated time `at`. */
export interface ScheduledFaults {
  at: number;
  patch: FaultPatch;
}

/** The simulator's mutable state: config, clock (plus an offset that `advance` moves), Jobs, faults and the id generator. */
export class SimWorld {
  readonly store: SessionStore;
  /** Drives ids and flaky faults; seeded, so the same request sequence gives the same ids. */
  readonly rng: Rng;
  /** A separate sequence for flaky faults, so injecting them does not change ids. */
  readonly faultRng: Rng;
  /** Text appended to a session's log after what its container prints (benchmarks: a big, growing log). */
  readonly extraLogs = new Map<string, string>();
  /** The identity provider whose JWT access tokens are accepted besides the static tokens (set by startSimulator). */
  oidc: SimOidc | null = null;
  /** The home storage service and figures every user's node reports (the admin API changes them). */
  storage: SimStorage = { ...DEFAULT_SIM_STORAGE };
  private offsetMs = 0;
  private currentFaults: SimFaults;
  private readonly schedule: ScheduledFaults[] = [];
  private stats?: { takenAt: number; body: string };

  constructor(
    readonly config: SimConfig,
    readonly clock: Clock,
    faults: SimFaults = {},
  ) {
    this.store = new SessionStore(() => this.now());
    this.rng = createRng(config.seed);
    this.faultRng = createRng(config.seed ^ 0x5f3759df);
    this.currentFaults = { ...faults };
  }

  /** The faults in force now, after applying every scheduled change that has come due. */
  get faults(): SimFaults {
    this.applyDueFaults();
    return this.currentFaults;
  }

  /** Replaces the faults in force (scheduled changes still apply when due). */
  set faults(faults: SimFaults) {
    this.currentFaults = faults;
  }

  /** Schedules a fault change (merged like PATCH, null removes a field) for simulated time `at`. */
  scheduleFaults(at: number, patch: FaultPatch): void {
    this.schedule.push({ at, patch });
    this.schedule.sort((a, b) => a.at - b.at);
  }

  /** The fault changes still to come, earliest first. */
  scheduledFaults(): ScheduledFaults[] {
    this.applyDueFaults();
    return this.schedule.map((entry) => ({ ...entry }));
  }

  /** Forgets every scheduled fault change. */
  clearSchedule(): void {
    this.schedule.length = 0;
  }

  private applyDueFaults(): void {
    const now = this.now();
    while (this.schedule.length > 0 && this.schedule[0].at <= now) {
      this.currentFaults = mergeFaults(this.currentFaults, this.schedule.shift()!.patch);
    }
  }

  /**
   * The `view=stats` body: a snapshot of the cluster that the metrics backend keeps for
   * `statsRefreshSeconds` (simulated), so values change only every few minutes.
   */
  statsSnapshot(): string {
    const now = this.now();
    const periodMs = this.scaled(this.config.statsRefreshSeconds);
    if (this.stats === undefined || now - this.stats.takenAt >= periodMs) {
      this.stats = { takenAt: now, body: statsBody(this.config, this.store.live(), now, periodMs) };
    }
    return this.stats.body;
  }

  /** Simulated time: the clock plus whatever `advance` added. */
  now(): number {
    return this.clock.now() + this.offsetMs;
  }

  /** Moves simulated time forward by `ms`. */
  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`advance needs a finite number of ms >= 0, got ${ms}`);
    this.offsetMs += ms;
  }

  /** Milliseconds of a simulated duration, divided by the speed. */
  scaled(seconds: number): number {
    return (seconds * 1000) / this.config.speed;
  }

  /** A fresh 8-character session id. */
  newSessionId(): string {
    for (;;) {
      const id = randomId(this.rng, 8);
      if (!this.store.hasId(id)) return id;
    }
  }

  /** A fresh 3-character app id under a session. */
  newAppId(sessionId: string): string {
    for (;;) {
      const appId = randomId(this.rng, 3);
      if (!this.store.hasAppId(sessionId, appId)) return appId;
    }
  }
}
