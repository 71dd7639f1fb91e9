import type { HistoryPoint } from './history.js';
import { EMPTY_TIER, Tier, type Row, type TierBytes, type TierColumns } from './series-tier.js';
import { columnsToPoints, pointsToColumns, type SeriesJson } from './tier-json.js';
import { bucketStart, mergeRows, pointOf, rowOf } from './series-rows.js';
import type { SeriesKind } from './series-kind.js';

/** The id of every empty series: a patch can say "appended to nothing" without naming one. */
export const EMPTY_SERIES_ID = 0;

let lastSeriesId = EMPTY_SERIES_ID;

/**
 * A bounded time series in tiers (finest first), stored as typed-array columns: about 20 bytes a
 * point instead of an object each. Immutable: `append` returns a new version and never changes
 * what an older one holds, and successive versions share storage, so appending costs O(1).
 */
export class Series<P extends HistoryPoint> {
  private constructor(
    readonly kind: SeriesKind,
    private readonly tiers: readonly Tier[],
    /** Unique per version (EMPTY_SERIES_ID for empty series). */
    readonly id: number,
    /** The version this one was appended to, when it was made by `append`. */
    readonly parent: number | null,
    /** The sample `append` added to make this version, and the `now` it was given. */
    readonly appended: { point: P; now: number } | null,
  ) {}

  /** An empty series of a kind. */
  static empty<P extends HistoryPoint>(kind: SeriesKind): Series<P> {
    return new Series<P>(
      kind,
      kind.tiers.map(() => EMPTY_TIER),
      EMPTY_SERIES_ID,
      null,
      null,
    );
  }

  /** A series holding `tiers` of points (finest first, each oldest to newest), as a JSON form or tierPoints gives them. */
  static fromTierPoints<P extends HistoryPoint>(kind: SeriesKind, tiers: readonly (readonly P[])[]): Series<P> {
    const built = kind.tiers.map((_, i) => {
      let tier = EMPTY_TIER;
      for (const point of tiers[i] ?? []) tier = tier.closeLast(rowOf(kind, point), kind.layouts[i]);
      return tier;
    });
    return Series.holding(kind, built);
  }

  /** How many points the series holds. */
  get size(): number {
    return this.tiers.reduce((sum, tier) => sum + tier.size, 0);
  }

  /**
   * Pure: this series with `point` added at time `now`, older points moved to coarser tiers (merged
   * as sample-weighted means) or dropped, so every tier keeps to its age and cap.
   */
  append(point: P, now: number): Series<P> {
    const { tiers: config, layouts } = this.kind;
    const tiers = this.tiers.slice();
    const row = rowOf(this.kind, point);
    const first = tiers[0];
    tiers[0] = first.last && first.last.t === row.t ? first.withLast(row) : this.pushInto(first, row, 0);
    for (let i = 0; i < config.length; i++) {
      const tier = tiers[i];
      const { cap, bucketMs, maxAgeMs } = config[i];
      const size = tier.size;
      let drop = 0;
      while (drop < size && (size - drop > cap || tier.timeAt(drop) + bucketMs <= now - maxAgeMs)) {
        if (i + 1 < config.length) tiers[i + 1] = this.pushInto(tiers[i + 1], tier.rowAt(drop, layouts[i]), i + 1);
        drop++;
      }
      if (drop > 0) tiers[i] = tier.dropOldest(drop);
    }
    return new Series<P>(this.kind, tiers, ++lastSeriesId, this.id, { point, now });
  }

  /** Every point, oldest to newest; with `max`, only the newest `max` of them. */
  points(max = Infinity): P[] {
    let skip = Math.max(0, this.size - max);
    const out: P[] = [];
    for (let i = this.tiers.length - 1; i >= 0; i--) {
      const size = this.tiers[i].size;
      if (skip >= size) {
        skip -= size;
        continue;
      }
      out.push(...this.tierAt(i, skip));
      skip = 0;
    }
    return out;
  }

  /** The points of each tier, finest (newest) first, each oldest to newest. */
  tierPoints(): P[][] {
    return this.tiers.map((_, i) => this.tierAt(i));
  }

  /** The newest point, or null when empty. */
  newest(): P | null {
    for (const tier of this.tiers) if (tier.last) return pointOf(this.kind, tier.last);
    return null;
  }

  /** The JSON form: columns per tier. */
  toJSON(): SeriesJson {
    return { tiers: this.tierPoints().map((points) => pointsToColumns(this.kind.spec.fields, points)) };
  }

  /** A series from its JSON form (see historyCheck to check one first). */
  static fromJSON<P extends HistoryPoint>(kind: SeriesKind, json: SeriesJson): Series<P> {
    return Series.fromTierPoints(
      kind,
      json.tiers.map((columns) => columnsToPoints<P>(kind.spec.fields, columns)),
    );
  }

  /** Each tier's points as compact typed-array copies (for the history file). */
  tierColumns(): TierColumns[] {
    return this.tiers.map((tier, i) => tier.columns(this.kind.layouts[i]));
  }

  /** Each tier's points as byte views of its columns, not copies (for writing the history file). */
  tierBytes(): TierBytes[] {
    return this.tiers.map((tier, i) => tier.byteViews(this.kind.layouts[i]));
  }

  /** A series from tier columns as tierColumns gives them (the arrays are kept, not copied). */
  static fromTierColumns<P extends HistoryPoint>(kind: SeriesKind, columns: readonly TierColumns[]): Series<P> {
    return Series.holding(
      kind,
      kind.tiers.map((_, i) => (columns[i] ? Tier.fromColumns(columns[i], kind.layouts[i]) : EMPTY_TIER)),
    );
  }

  private static holding<P extends HistoryPoint>(kind: SeriesKind, tiers: Tier[]): Series<P> {
    return new Series<P>(kind, tiers, tiers.every((tier) => tier.size === 0) ? EMPTY_SERIES_ID : ++lastSeriesId, null, null);
  }

  private tierAt(i: number, from = 0): P[] {
    const tier = this.tiers[i];
    const out = new Array<P>(tier.size - from);
    for (let k = from; k < tier.size; k++) out[k - from] = pointOf(this.kind, tier.rowAt(k, this.kind.layouts[i]));
    return out;
  }

  private pushInto(tier: Tier, row: Row, i: number): Tier {
    const bucketMs = this.kind.tiers[i].bucketMs;
    const t = bucketStart(row.t, bucketMs);
    const last = tier.last;
    if (last && last.t === t) return tier.withLast(mergeRows(this.kind, last, row, t));
    if (!last || last.t < t) return tier.closeLast(bucketMs > 0 ? { t, v: row.v } : row, this.kind.layouts[i]);
    // An older-than-last point can only come from a clock jump backwards; dropping it keeps order.
    return tier;
  }
}
