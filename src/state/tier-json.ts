import type { HistoryPoint } from './history.js';

/** The JSON form of one tier: columns of equal length (`n` omitted when every point is one sample). */
export type TierJson = Record<string, (number | null)[]>;

/** The JSON form of a series (what clients receive): its tiers, finest (newest) first. */
export interface SeriesJson {
  tiers: TierJson[];
}

/** Pure: a tier's points as columns: `t`, one per field, and `n` when some point merges several samples. */
export function pointsToColumns(fields: readonly string[], points: readonly HistoryPoint[]): TierJson {
  const columns: TierJson = { t: points.map((p) => p.t) };
  for (const field of fields) columns[field] = points.map((p) => (p as unknown as Record<string, number | null>)[field] ?? null);
  if (points.some((p) => (p.n ?? 1) !== 1)) columns.n = points.map((p) => p.n ?? 1);
  return columns;
}

/** Pure: a tier's points from its columns (a point's `n` is left out when it is 1). */
export function columnsToPoints<P extends HistoryPoint>(fields: readonly string[], columns: TierJson): P[] {
  return (columns.t ?? []).map((t, k) => {
    const point: Record<string, number | null> = { t };
    for (const field of fields) point[field] = columns[field]?.[k] ?? null;
    const n = columns.n?.[k];
    if (n !== undefined && n !== null && n !== 1) point.n = n;
    return point as unknown as P;
  });
}
