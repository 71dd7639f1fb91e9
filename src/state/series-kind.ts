import type { HistoryTier } from './history.js';
import type { TierLayout } from './series-tier.js';

/** What a series stores: its numeric fields, and how many decimals it keeps (null: exact 64-bit values). */
export interface SeriesSpec {
  fields: readonly string[];
  /** Values are rounded to this many decimals and kept as 32-bit floats; null keeps exact doubles. */
  decimals: number | null;
}

/** A spec with its tiers and the per-tier storage layout, shared by every series of that kind. */
export interface SeriesKind {
  spec: SeriesSpec;
  tiers: readonly HistoryTier[];
  layouts: readonly TierLayout[];
  /** Rounds a value the way the series stores it. */
  round: (value: number) => number;
}

/** Pure: the kind for a spec and tiers (compute once and reuse: series of one kind share it). */
export function seriesKind(spec: SeriesSpec, tiers: readonly HistoryTier[]): SeriesKind {
  const scale = spec.decimals === null ? 1 : 10 ** spec.decimals;
  const round = spec.decimals === null ? (x: number) => x : (x: number) => Math.round(x * scale) / scale;
  const width = spec.fields.length + 1;
  const layouts = tiers.map((tier) => {
    const slack = Math.max(16, Math.ceil(tier.cap / 8));
    return { width, wide: spec.decimals === null, slack, maxRows: tier.cap + slack, read: round };
  });
  return { spec, tiers, layouts, round };
}
