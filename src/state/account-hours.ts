// A session's resource use per clock hour, as compact typed-array rows shared by successive
// versions (see series-tier.ts): adding to the current hour replaces only the newest row, so an
// update per poll costs O(1) and older versions stay valid.

import { EMPTY_TIER, Tier, type TierBytes, type TierColumns, type TierLayout } from './series-tier.js';

/** One hour = 3,600,000 ms: the accounting resolution (whole-hour time zones get exact local days). */
export const HOUR_MS = 3_600_000;

/** How long hourly rows are kept: 30 days, plus the hour under way. */
export const ACCOUNT_KEEP_MS = 30 * 24 * HOUR_MS;

/** The most rows one session's hours hold: 31 days of hours (30 days kept, and room for the hour under way). */
export const MAX_ACCOUNT_ROWS = 31 * 24;

/** What each row adds up, in this order: hours Running, core-hours and GiB-hours requested and used, GPU-hours. */
export const AMOUNT_FIELDS = ['hours', 'coreHoursRequested', 'coreHoursUsed', 'gibHoursRequested', 'gibHoursUsed', 'gpuHours'] as const;

/** One of the summed amounts. */
export type AmountField = (typeof AMOUNT_FIELDS)[number];

/** Summed amounts: hours Running, core-hours and GiB-hours requested and used, GPU-hours. */
export type Amounts = Record<AmountField, number>;

/** One hour's row: the hour's start (epoch ms) and what was counted in it. */
export interface HourRow {
  t: number;
  amounts: Amounts;
}

/** Amounts that are all zero. */
export function zeroAmounts(): Amounts {
  return { hours: 0, coreHoursRequested: 0, coreHoursUsed: 0, gibHoursRequested: 0, gibHoursUsed: 0, gpuHours: 0 };
}

/** Adds `b` into `a` (mutates `a`, returns it). */
export function addAmounts(a: Amounts, b: Readonly<Amounts>): Amounts {
  for (const field of AMOUNT_FIELDS) a[field] += b[field];
  return a;
}

/** The rows' storage layout: six 32-bit floats a row after its 64-bit hour. */
export const HOURS_LAYOUT: TierLayout = { width: AMOUNT_FIELDS.length, wide: false, slack: 16, maxRows: MAX_ACCOUNT_ROWS + 16, read: (x) => x };

// Rows are stored as 32-bit floats; the newest row keeps to that precision too, so a row reads the same before and after the file.
// Spelt out (not a map over AMOUNT_FIELDS): it runs for every session on every poll.
const toValues = (a: Readonly<Amounts>): number[] => [
  Math.fround(a.hours),
  Math.fround(a.coreHoursRequested),
  Math.fround(a.coreHoursUsed),
  Math.fround(a.gibHoursRequested),
  Math.fround(a.gibHoursUsed),
  Math.fround(a.gpuHours),
];

/** The row values `v` with the amounts `a` added, each sum rounded as stored. */
const plusValues = (v: readonly number[], a: Readonly<Amounts>): number[] => [
  Math.fround(v[0] + Math.fround(a.hours)),
  Math.fround(v[1] + Math.fround(a.coreHoursRequested)),
  Math.fround(v[2] + Math.fround(a.coreHoursUsed)),
  Math.fround(v[3] + Math.fround(a.gibHoursRequested)),
  Math.fround(v[4] + Math.fround(a.gibHoursUsed)),
  Math.fround(v[5] + Math.fround(a.gpuHours)),
];

function toAmounts(v: readonly number[]): Amounts {
  const out = zeroAmounts();
  AMOUNT_FIELDS.forEach((f, i) => (out[f] = v[i]));
  return out;
}

/** The start of the clock hour holding `t`. */
export function hourOf(t: number): number {
  return Math.floor(t / HOUR_MS) * HOUR_MS;
}

/** Immutable hourly rows of one session, oldest first, at most MAX_ACCOUNT_ROWS of them. */
export class AccountHours {
  private constructor(private readonly tier: Tier) {}

  /** No hours. */
  static readonly EMPTY = new AccountHours(EMPTY_TIER);

  /** How many hours have a row. */
  get size(): number {
    return this.tier.size;
  }

  /** The start of the newest hour with a row, or null. */
  newestHour(): number | null {
    return this.tier.last ? this.tier.last.t : null;
  }

  /** Pure: these hours with `amounts` added to the hour starting at `hour` (never older than the newest row; an older one is dropped). */
  add(hour: number, amounts: Readonly<Amounts>): AccountHours {
    const last = this.tier.last;
    if (last && hour < last.t) return this;
    if (last && last.t === hour) return new AccountHours(this.tier.withLast({ t: hour, v: plusValues(last.v, amounts) }));
    let tier = this.tier.closeLast({ t: hour, v: toValues(amounts) }, HOURS_LAYOUT);
    if (tier.size > MAX_ACCOUNT_ROWS) tier = tier.dropOldest(tier.size - MAX_ACCOUNT_ROWS);
    return new AccountHours(tier);
  }

  /** The start of the oldest row, or null. */
  oldestHour(): number | null {
    return this.tier.size > 0 ? this.tier.timeAt(0) : null;
  }

  /** Pure: these rows without those that ended before `cutoff` (`end` gives a row's end from its start); the same object when none did. */
  since(cutoff: number, end: (t: number) => number = (t) => t + HOUR_MS): AccountHours {
    let drop = 0;
    while (drop < this.tier.size && end(this.tier.timeAt(drop)) <= cutoff) drop++;
    return drop === 0 ? this : new AccountHours(this.tier.dropOldest(drop));
  }

  /**
   * Calls `visit` for each row that overlaps [from, to) (`rowEnd` gives a row's end from its start: an
   * hour unless told), oldest first, with the row's values at `values[offset]` … `values[offset + 5]`
   * (read in place: a report over thousands of rows allocates nothing per row).
   */
  forEachRow(
    from: number,
    to: number,
    visit: (t: number, values: ArrayLike<number>, offset: number) => void,
    rowEnd: (t: number) => number = (t) => t + HOUR_MS,
  ): void {
    const { block, start, end, last } = this.tier;
    const width = HOURS_LAYOUT.width;
    if (block) {
      for (let i = start; i < end; i++) {
        const t = block.t[i];
        if (t < to && rowEnd(t) > from) visit(t, block.v, i * width);
      }
    }
    if (last && last.t < to && rowEnd(last.t) > from) visit(last.t, last.v, 0);
  }

  /** Every row, oldest first. */
  rows(): HourRow[] {
    const out: HourRow[] = [];
    this.forEachRow(-Infinity, Infinity, (t, v, at) => out.push({ t, amounts: toAmounts(Array.from({ length: HOURS_LAYOUT.width }, (_, j) => v[at + j])) }));
    return out;
  }

  /** The rows as byte views of their columns, not copies (for the history file). */
  byteViews(): TierBytes {
    return this.tier.byteViews(HOURS_LAYOUT);
  }

  /** Hours from columns as `columns` gives them (the arrays are kept, not copied). */
  static fromColumns(columns: TierColumns): AccountHours {
    return new AccountHours(Tier.fromColumns(columns, HOURS_LAYOUT));
  }

  /** Hours holding these rows (oldest first; JSON form and tests). */
  static fromRows(rows: readonly HourRow[]): AccountHours {
    let hours = AccountHours.EMPTY;
    for (const row of rows) hours = hours.add(row.t, row.amounts);
    return hours;
  }

  /** The JSON form: the rows. */
  toJSON(): HourRow[] {
    return this.rows();
  }
}
