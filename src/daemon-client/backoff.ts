/** Reconnect back-off: exponential from `initialMs` up to `maxMs`, minus up to `jitter` of it at random. */
export interface BackoffOptions {
  /** Delay before the first retry (default 250 ms). */
  initialMs?: number;
  /** The cap (default 10 s). */
  maxMs?: number;
  /** Growth per failed attempt (default 2). */
  factor?: number;
  /** Fraction of the delay taken off at random, 0–1 (default 0.2), so many clients do not retry in step. */
  jitter?: number;
  /** Random source in [0, 1) (tests pass a fixed one). */
  random?: () => number;
}

/** Default reconnect back-off: 250 ms doubling to a 10 s cap, 20 % jitter. */
export const DEFAULT_BACKOFF: Required<Omit<BackoffOptions, 'random'>> = { initialMs: 250, maxMs: 10_000, factor: 2, jitter: 0.2 };

/** The delay before retry number `attempt` (1 for the first retry). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { initialMs, maxMs, factor, jitter } = { ...DEFAULT_BACKOFF, ...options };
  const exponent = Math.max(0, attempt - 1);
  const raw = Math.min(maxMs, initialMs * factor ** exponent);
  const random = options.random ?? Math.random;
  return Math.max(0, Math.round(raw * (1 - jitter * random())));
}
