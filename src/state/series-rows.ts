// Converting between points and a series' rows, and merging rows into buckets.
import type { HistoryPoint } from './history.js';
import type { SeriesKind } from './series-kind.js';
import type { Row } from './series-tier.js';

/** The start of the bucket `t` falls in (`t` itself for bucketMs 0). */
export function bucketStart(t: number, bucketMs: number): number {
  return bucketMs > 0 ? Math.floor(t / bucketMs) * bucketMs : t;
}

/** A point as a row: values rounded as stored, NaN for null, the sample count last. */
export function rowOf(kind: SeriesKind, point: HistoryPoint): Row {
  const values = point as unknown as Record<string, number | null | undefined>;
  const fields = kind.spec.fields;
  const v = new Array<number>(fields.length + 1);
  for (let j = 0; j < fields.length; j++) {
    const value = values[fields[j]];
    v[j] = value === null || value === undefined ? NaN : kind.round(value);
  }
  v[fields.length] = point.n ?? 1;
  return { t: point.t, v };
}

/** A row as a point (`n` only when it merges several samples). */
export function pointOf<P extends HistoryPoint>(kind: SeriesKind, row: Row): P {
  const out: Record<string, number | null> = { t: row.t };
  const fields = kind.spec.fields;
  for (let j = 0; j < fields.length; j++) out[fields[j]] = Number.isNaN(row.v[j]) ? null : row.v[j];
  const n = row.v[fields.length];
  if (n !== 1) out.n = n;
  return out as unknown as P;
}

/** Merges two rows: a sample-weighted mean of every value (nulls are ignored), rounded as stored. */
export function mergeRows(kind: SeriesKind, a: Row, b: Row, t: number): Row {
  const width = a.v.length;
  const na = a.v[width - 1];
  const nb = b.v[width - 1];
  const v = new Array<number>(width);
  for (let j = 0; j < width - 1; j++) {
    const va = a.v[j];
    const vb = b.v[j];
    v[j] = Number.isNaN(va) ? vb : Number.isNaN(vb) ? va : kind.round((va * na + vb * nb) / (na + nb));
  }
  v[width - 1] = na + nb;
  return { t, v };
}
