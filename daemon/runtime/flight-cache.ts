import type { Clock } from '../../src/ports/clock.js';

/** Most answers a FlightCache keeps (the oldest go first): clients choose the keys (session ids). */
export const MAX_CACHED_READS = 1000;

interface Entry {
  at: number;
  value: unknown;
}

/**
 * Upstream reads keyed by endpoint and id: at most one in flight per key (callers join it), and an
 * answer younger than the caller's TTL is reused, so no number of local clients can multiply the
 * requests Skaha gets. Failures are not kept: the next caller reads again.
 */
export class FlightCache {
  private readonly answers = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly clock: Clock,
    private readonly maxEntries = MAX_CACHED_READS,
  ) {}

  /** The answer for `key` if younger than `ttlMs`, else the read in flight for it, else a new `read`. */
  get<T>(key: string, ttlMs: number, read: () => Promise<T>): Promise<T> {
    const cached = this.answers.get(key);
    if (cached && this.clock.now() - cached.at < ttlMs) return Promise.resolve(cached.value as T);
    const flying = this.inFlight.get(key);
    if (flying) return flying as Promise<T>;
    // Started a tick later, so even a read that throws at once finds itself registered and is removed.
    const run = Promise.resolve()
      .then(read)
      .then(
        (value) => {
          this.inFlight.delete(key);
          this.set(key, value);
          return value;
        },
        (error: unknown) => {
          this.inFlight.delete(key);
          throw error;
        },
      );
    this.inFlight.set(key, run);
    return run;
  }

  /** Keeps an answer read elsewhere (a scheduled poll), as of now. */
  set(key: string, value: unknown): void {
    this.answers.delete(key);
    this.answers.set(key, { at: this.clock.now(), value });
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= this.maxEntries) break;
      this.answers.delete(oldest);
    }
  }
}
