import type { Clock, TimerHandle } from '../../src/ports/clock.js';

/** How one run of a repeating task ended. */
export type TaskOutcome = { ok: true } | { ok: false; error: unknown };

/** Options of a RepeatingTask. */
export interface RepeatingTaskOptions {
  clock: Clock;
  /** The work; its rejection is caught and passed to nextDelay, never thrown. */
  run: () => Promise<void>;
  /** The delay before the next run, decided after each run ends. */
  nextDelay: (outcome: TaskOutcome) => number;
}

/**
 * Runs a task again and again, scheduling the next run only after the previous one ends,
 * so runs never overlap; `runNow` joins a run in flight instead of starting a second one.
 */
export class RepeatingTask {
  private timer: TimerHandle | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = true;

  constructor(private readonly options: RepeatingTaskOptions) {}

  /** Starts the loop after `initialDelayMs` (0 runs at once). */
  start(initialDelayMs = 0): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(initialDelayMs);
  }

  /** Stops the loop; a run in flight finishes but schedules nothing. */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  /** Whether a run is in flight. */
  get running(): boolean {
    return this.inFlight !== null;
  }

  /** Runs now (or joins the run in flight) and reschedules from its end; resolves when it ends. */
  runNow(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.clearTimer();
    this.inFlight = this.execute();
    return this.inFlight;
  }

  private async execute(): Promise<void> {
    let outcome: TaskOutcome;
    try {
      await this.options.run();
      outcome = { ok: true };
    } catch (error) {
      outcome = { ok: false, error };
    }
    this.inFlight = null;
    if (!this.stopped) this.schedule(this.options.nextDelay(outcome));
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    this.timer = this.options.clock.setTimeout(
      () => {
        this.timer = null;
        void this.runNow();
      },
      Math.max(0, delayMs),
    );
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
