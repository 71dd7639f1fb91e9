import type { Clock } from '../ports/clock.js';
import type { SimConfig } from './config.js';
import { createRng, randomId, type Rng } from './random.js';
import { SessionStore } from './store.js';
import type { SimOidc } from './oidc.js';
import type { SimFaults } from './types.js';

/** The simulator's mutable state: config, clock (plus an offset that `advance` moves), Jobs, faults and the id generator. */
export class SimWorld {
  readonly store: SessionStore;
  /** Drives ids and flaky faults; seeded, so the same request sequence gives the same ids. */
  readonly rng: Rng;
  /** A separate sequence for flaky faults, so injecting them does not change ids. */
  readonly faultRng: Rng;
  faults: SimFaults;
  /** Text appended to a session's log after what its container prints (benchmarks: a big, growing log). */
  readonly extraLogs = new Map<string, string>();
  /** The identity provider whose JWT access tokens are accepted besides the static tokens (set by startSimulator). */
  oidc: SimOidc | null = null;
  private offsetMs = 0;

  constructor(
    readonly config: SimConfig,
    readonly clock: Clock,
    faults: SimFaults = {},
  ) {
    this.store = new SessionStore(() => this.now());
    this.rng = createRng(config.seed);
    this.faultRng = createRng(config.seed ^ 0x5f3759df);
    this.faults = { ...faults };
  }

  /** Simulated time: the clock plus whatever `advance` added. */
  now(): number {
    return this.clock.now() + this.offsetMs;
  }

  /** Moves simulated time forward by `ms`. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`advance needs a non-negative number of ms, got ${ms}`);
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
