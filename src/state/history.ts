/** One point of a bounded time series: a timestamp, numeric fields, and how many samples it merges. */
export interface HistoryPoint {
  /** Epoch milliseconds: the sample time, or the start of the bucket for merged points. */
  t: number;
  /** How many raw samples this point merges; absent means 1. */
  n?: number;
}

/** One resolution tier: points kept while younger than `maxAgeMs` and at most `cap` of them. */
export interface HistoryTier {
  /** Bucket width in ms; 0 keeps every sample as it came (full resolution). */
  bucketMs: number;
  /** Points whose bucket ended more than this long ago move to the next tier (or are dropped). */
  maxAgeMs: number;
  /** The most points this tier holds; the oldest overflow into the next tier. */
  cap: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Default tiers: last hour at poll resolution (capped), then 1-minute buckets to 6 h, then 5-minute buckets to 24 h. */
export const DEFAULT_HISTORY_TIERS: readonly HistoryTier[] = [
  { bucketMs: 0, maxAgeMs: HOUR, cap: 360 },
  { bucketMs: MINUTE, maxAgeMs: 6 * HOUR, cap: 6 * 60 + 1 },
  { bucketMs: 5 * MINUTE, maxAgeMs: 24 * HOUR, cap: 24 * 12 + 1 },
];

/** The strict upper bound on points a history with these tiers can hold. */
export function maxHistoryPoints(tiers: readonly HistoryTier[] = DEFAULT_HISTORY_TIERS): number {
  return tiers.reduce((sum, tier) => sum + tier.cap, 0);
}

/** A history as readers see it: its points, oldest to newest (the newest `max` of them when given). */
export interface PointSource<P extends HistoryPoint> {
  points(max?: number): P[];
}

/** Every point of a history oldest to newest, or the newest `max` (none for a missing history). */
export function historyPoints<P extends HistoryPoint>(history: PointSource<P> | undefined, max?: number): P[] {
  return history ? history.points(max) : [];
}
