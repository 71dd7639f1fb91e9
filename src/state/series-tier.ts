// One resolution tier of a Series: its closed rows in typed-array columns shared by successive
// versions (rows are only ever added past the end any version sees), and the newest row apart,
// where buckets still merge. Old versions stay valid: nothing they can see is ever written again.

/** A row: its time (epoch ms) and its values (the series' fields in order, NaN for null, then the sample count). */
export interface Row {
  t: number;
  v: number[];
}

/** A values column for `length` numbers: exact doubles when `wide`, else 32-bit floats. */
export function valueArray(length: number, wide: boolean): Float32Array | Float64Array {
  return wide ? new Float64Array(length) : new Float32Array(length);
}

/** Typed-array columns for rows: times, and `width` values per row. */
export class RowBlock {
  /** How many rows are written; a version whose end is here may append in place. */
  length = 0;

  private constructor(
    readonly capacity: number,
    readonly width: number,
    readonly t: Float64Array,
    readonly v: Float32Array | Float64Array,
  ) {}

  /** An empty block for `capacity` rows: both columns in one buffer (one allocation, not two, each time a block is copied out). */
  static empty(capacity: number, width: number, wide: boolean): RowBlock {
    const buffer = new ArrayBuffer(capacity * 8 + capacity * width * (wide ? 8 : 4));
    const v = wide ? new Float64Array(buffer, capacity * 8, capacity * width) : new Float32Array(buffer, capacity * 8, capacity * width);
    return new RowBlock(capacity, width, new Float64Array(buffer, 0, capacity), v);
  }

  /** A block over existing columns, `length` rows of them written. */
  static holding(columns: TierColumns, width: number, length: number): RowBlock {
    const block = new RowBlock(columns.t.length, width, columns.t, columns.v);
    block.length = length;
    return block;
  }
}

/** How a tier stores and reads values. */
export interface TierLayout {
  /** Values per row (fields + the sample count). */
  width: number;
  /** Float64 values (exact) instead of Float32. */
  wide: boolean;
  /** Rows a new block has room for beyond what it holds (so a copy happens once per `slack` appends). */
  slack: number;
  /** The most rows a block holds: the tier's cap plus the slack. */
  maxRows: number;
  /** Turns a stored value back into the number that was stored (undoes Float32 rounding). */
  read: (stored: number) => number;
}

/** A tier's points as columns: times, and `width` values per point (the stored, rounded form). */
export interface TierColumns {
  t: Float64Array;
  v: Float32Array | Float64Array;
  /** How many points the columns hold (default: all of `t`); the rest is room to append. */
  size?: number;
}

/** A tier's points as Tier.byteViews gives them: how many, the block rows' time and value bytes (null for none), and the newest point. */
export interface TierBytes {
  points: number;
  t: Uint8Array | null;
  v: Uint8Array | null;
  last: Row | null;
}

/** Rows to allocate for a block that must hold `rows` now: room for `slack` more, within the tier's bound. */
export function blockCapacity(rows: number, layout: TierLayout): number {
  return Math.max(rows, Math.min(layout.maxRows, rows + layout.slack));
}

/** An immutable version of one tier: block rows [start, end) then `last`, oldest to newest. */
export class Tier {
  constructor(
    readonly block: RowBlock | null,
    readonly start: number,
    readonly end: number,
    readonly last: Row | null,
  ) {}

  /** How many points the tier holds. */
  get size(): number {
    return this.end - this.start + (this.last ? 1 : 0);
  }

  /** The time of point `i` (0 is the oldest). */
  timeAt(i: number): number {
    const rows = this.end - this.start;
    return i < rows ? this.block!.t[this.start + i] : this.last!.t;
  }

  /** Point `i` as a row (0 is the oldest). */
  rowAt(i: number, layout: TierLayout): Row {
    const rows = this.end - this.start;
    if (i >= rows) return this.last!;
    const block = this.block!;
    const at = (this.start + i) * layout.width;
    const v = new Array<number>(layout.width);
    for (let j = 0; j < layout.width; j++) v[j] = layout.read(block.v[at + j]);
    return { t: block.t[this.start + i], v };
  }

  /** This tier with `row` as its newest point (replacing the current newest). */
  withLast(row: Row | null): Tier {
    return new Tier(this.block, this.start, this.end, row);
  }

  /** This tier with its newest point closed into the block and `row` as the new newest point. */
  closeLast(row: Row, layout: TierLayout): Tier {
    if (!this.last) return this.withLast(row);
    let block = this.block;
    let start = this.start;
    let end = this.end;
    if (!block || end !== block.length || end === block.capacity) {
      // Another version appended here already, or the block is full: copy the live rows out.
      const live = end - start;
      const fresh = RowBlock.empty(blockCapacity(live + 1, layout), layout.width, layout.wide);
      this.copyRows(fresh.t, fresh.v, layout);
      fresh.length = live;
      block = fresh;
      start = 0;
      end = live;
    }
    block.t[end] = this.last.t;
    // Element by element: TypedArray#set from a plain array takes a slow generic path, and this runs on every append.
    const v = this.last.v;
    const at = end * layout.width;
    for (let j = 0; j < v.length; j++) block.v[at + j] = v[j];
    block.length = end + 1;
    return new Tier(block, start, end + 1, row);
  }

  /**
   * The tier's block rows as byte views of its columns (times, values), oldest first, and its newest point apart.
   * Not copies: the rows a version sees are never written again, so the views hold this version's points while
   * newer versions append.
   */
  byteViews(layout: TierLayout): TierBytes {
    const block = this.block;
    const rows = this.end - this.start;
    if (!block || rows === 0) return { points: this.size, t: null, v: null, last: this.last };
    const size = block.v.BYTES_PER_ELEMENT * layout.width;
    return {
      points: this.size,
      t: new Uint8Array(block.t.buffer, block.t.byteOffset + this.start * 8, rows * 8),
      v: new Uint8Array(block.v.buffer, block.v.byteOffset + this.start * size, rows * size),
      last: this.last,
    };
  }

  /** The tier's points as compact column copies. */
  columns(layout: TierLayout): TierColumns {
    const size = this.size;
    const t = new Float64Array(size);
    const v = valueArray(size * layout.width, layout.wide);
    const rows = this.copyRows(t, v, layout);
    if (this.last) {
      t[rows] = this.last.t;
      v.set(this.last.v, rows * layout.width);
    }
    return { t, v };
  }

  /** A tier from columns (all but the newest point become the block, which keeps the arrays). */
  static fromColumns(columns: TierColumns, layout: TierLayout): Tier {
    const size = columns.size ?? columns.t.length;
    if (size === 0) return EMPTY_TIER;
    const rows = size - 1;
    const block = RowBlock.holding(columns, layout.width, rows);
    const v = Array.from(columns.v.subarray(rows * layout.width, size * layout.width), layout.read);
    return new Tier(block, 0, rows, { t: columns.t[rows], v });
  }

  /** Copies the block rows this tier sees to the start of `t` and `v`; returns how many. */
  private copyRows(t: Float64Array, v: Float32Array | Float64Array, layout: TierLayout): number {
    const rows = this.end - this.start;
    if (this.block && rows > 0) {
      t.set(this.block.t.subarray(this.start, this.end));
      v.set(this.block.v.subarray(this.start * layout.width, this.end * layout.width));
    }
    return rows;
  }

  /** This tier without its `count` oldest points. */
  dropOldest(count: number): Tier {
    const rows = this.end - this.start;
    if (count <= rows) return new Tier(this.block, this.start + count, this.end, this.last);
    return new Tier(this.block, this.end, this.end, null);
  }
}

/** The empty tier. */
export const EMPTY_TIER = new Tier(null, 0, 0, null);
