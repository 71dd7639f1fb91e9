/** How many hooks run at once and how many may wait (the `hookQueue` config key). */
export interface HookQueueLimits {
  /** Hook processes running at the same time. */
  concurrency: number;
  /** Hook runs waiting for a free slot; more are dropped (and the caller logs it). */
  limit: number;
}

/** The defaults: 4 at a time, 1,000 waiting. */
export const DEFAULT_HOOK_QUEUE: HookQueueLimits = { concurrency: 4, limit: 1000 };

/**
 * A bounded first-in first-out queue of hook runs: at most `concurrency` run at once, at most
 * `limit` wait. A job starts its work (and so its time limit) only when it leaves the queue.
 */
export class HookQueue {
  private active = 0;
  private waiting: Array<() => Promise<void>> = [];
  private head = 0;
  private readonly idlers = new Set<() => void>();

  constructor(private readonly limits: () => HookQueueLimits) {}

  /** Runs or queues `job`; false when the queue is full (the job is dropped). Never throws, and job errors are swallowed. */
  push(job: () => Promise<void>): boolean {
    const { concurrency, limit } = this.limits();
    if (this.active < concurrency) {
      this.start(job);
      return true;
    }
    if (this.waiting.length - this.head >= limit) return false;
    this.waiting.push(job);
    return true;
  }

  /** Runs and queued jobs. */
  get size(): { running: number; waiting: number } {
    return { running: this.active, waiting: this.waiting.length - this.head };
  }

  /** Resolves when nothing runs or waits. */
  idle(): Promise<void> {
    if (this.active === 0 && this.waiting.length === this.head) return Promise.resolve();
    return new Promise((resolve) => this.idlers.add(resolve));
  }

  private start(job: () => Promise<void>): void {
    this.active++;
    let run: Promise<void>;
    try {
      run = job();
    } catch {
      run = Promise.resolve();
    }
    void run.catch(() => undefined).then(() => this.finished());
  }

  private finished(): void {
    this.active--;
    const { concurrency } = this.limits();
    while (this.active < concurrency && this.head < this.waiting.length) {
      const next = this.waiting[this.head];
      this.waiting[this.head++] = undefined as unknown as () => Promise<void>;
      this.start(next);
    }
    // Compact now and then, so the array does not grow without end under steady load.
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting = this.waiting.slice(this.head);
      this.head = 0;
    }
    if (this.active === 0 && this.head === this.waiting.length) {
      for (const resolve of this.idlers) resolve();
      this.idlers.clear();
    }
  }
}
