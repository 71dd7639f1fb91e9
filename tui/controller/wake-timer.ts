// The one timer that redraws the dashboard on its own (ages, countdowns, flash and highlight expiry),
// set for the next instant the model says the screen changes by itself, and never twice for one.

import type { Clock, TimerHandle } from '../../src/ports/clock.js';

/** A timer kept at one instant at a time. */
export class WakeTimer {
  private timer: TimerHandle | null = null;
  private at: number | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly wake: () => void,
  ) {}

  /** Wakes at `at` (epoch ms; null: not at all), replacing the instant set before. */
  set(at: number | null): void {
    if (at === this.at) return;
    this.clear();
    this.at = at;
    if (at === null) return;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = null;
        this.at = null;
        this.wake();
      },
      Math.max(0, at - this.clock.now()),
    );
  }

  /** Cancels the wake. */
  clear(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.at = null;
  }
}
