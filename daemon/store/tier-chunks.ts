// A tier as the history file holds it: u32 points, times (f64 × points), values (f32|f64 × width × points),
// each in the machine's byte order (the file's header says which).
import type { Row, TierBytes, TierLayout } from '../../src/state/series-tier.js';
import { u32 } from './byte-reader.js';

// The newest point's bytes go through these and are copied out into pooled buffers: no allocation of its own per tier.
const time = new Float64Array(1);
const wideValues = new Float64Array(16);
const narrowValues = new Float32Array(16);

function timeBytes(t: number): Buffer {
  time[0] = t;
  return Buffer.from(new Uint8Array(time.buffer));
}

function valueBytes(row: Row, layout: TierLayout): Buffer {
  const values = layout.wide ? wideValues : narrowValues;
  if (layout.width > values.length) throw new Error(`a tier of ${layout.width} values a point is wider than the history file writer`);
  for (let j = 0; j < layout.width; j++) values[j] = row.v[j];
  return Buffer.from(new Uint8Array(values.buffer, 0, layout.width * values.BYTES_PER_ELEMENT));
}

/** A tier's bytes in the file, its block rows as views of their columns (not copies). */
export function* tierChunks({ points, t, v, last }: TierBytes, layout: TierLayout): Generator<Uint8Array> {
  yield u32(points);
  if (t) yield t;
  if (last) yield timeBytes(last.t);
  if (v) yield v;
  if (last) yield valueBytes(last, layout);
}
