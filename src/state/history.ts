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

/** A time series in tiers, finest (newest) first; each tier is ordered oldest to newest. */
export type TieredHistory<P extends HistoryPoint> = P[][];

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

/** An empty history for the given tiers. */
export function emptyHistory<P extends HistoryPoint>(tiers: readonly HistoryTier[] = DEFAULT_HISTORY_TIERS): TieredHistory<P> {
  return tiers.map(() => []);
}

/** Every point oldest to newest, for charts. */
export function historyPoints<P extends HistoryPoint>(history: TieredHistory<P>): P[] {
  const out: P[] = [];
  for (let i = history.length - 1; i >= 0; i--) out.push(...history[i]);
  return out;
}

/** Merges two points: a sample-weighted mean of every numeric field (nulls are ignored). */
export function mergePoints<P extends HistoryPoint>(a: P, b: P, t: number): P {
  const na = a.n ?? 1;
  const nb = b.n ?? 1;
  const out: Record<string, unknown> = { t, n: na + nb };
  for (const key of Object.keys(a)) {
    if (key === 't' || key === 'n') continue;
    const va = (a as unknown as Record<string, number | null>)[key];
    const vb = (b as unknown as Record<string, number | null>)[key];
    out[key] = va == null ? (vb ?? null) : vb == null ? va : (va * na + vb * nb) / (na + nb);
  }
  return out as unknown as P;
}

function bucketStart(t: number, bucketMs: number): number {
  return bucketMs > 0 ? Math.floor(t / bucketMs) * bucketMs : t;
}

function pushInto<P extends HistoryPoint>(tier: P[], point: P, bucketMs: number): void {
  const t = bucketStart(point.t, bucketMs);
  const last = tier[tier.length - 1];
  if (last && last.t === t) tier[tier.length - 1] = mergePoints(last, point, t);
  else if (!last || last.t < t) tier.push(bucketMs > 0 ? ({ ...point, t } as P) : point);
  // An older-than-last point can only come from a clock jump backwards; dropping it keeps order.
}

/**
 * Pure: adds `point` at time `now` and moves or drops old points so every tier respects its
 * age and cap; the result never holds more than `maxHistoryPoints(tiers)` points.
 */
export function appendPoint<P extends HistoryPoint>(
  history: TieredHistory<P>,
  point: P,
  now: number,
  tiers: readonly HistoryTier[] = DEFAULT_HISTORY_TIERS,
): TieredHistory<P> {
  const next = tiers.map((_, i) => (history[i] ?? []).slice());
  const first = next[0];
  const last = first[first.length - 1];
  if (last && last.t === point.t) first[first.length - 1] = point;
  else pushInto(first, point, tiers[0].bucketMs);
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i];
    const points = next[i];
    let drop = 0;
    while (
      drop < points.length &&
      (points.length - drop > tier.cap || points[drop].t + tier.bucketMs <= now - tier.maxAgeMs)
    ) {
      if (i + 1 < tiers.length) pushInto(next[i + 1], points[drop], tiers[i + 1].bucketMs);
      drop++;
    }
    if (drop > 0) next[i] = points.slice(drop);
  }
  return next;
}
