// The history file's binary format: a header naming the tiers, then each series as typed-array
// columns copied byte for byte (about 20 bytes a usage point instead of ~75 as JSON).
//
//   "SKTH" u8 version u8 littleEndian u16 0 u32 tierCount (f64 bucketMs f64 maxAgeMs u32 cap)×tiers
//   u32 seriesCount, then per series: u8 kind (0 stats, 1 usage) u16 idBytes id
//   and per tier: u32 points, t (f64 × points), values (f32|f64 × width × points)
import { emptyDict } from '../../src/domain/dict.js';
import type { HistoryPoint, HistoryTier } from '../../src/state/history.js';
import { Series } from '../../src/state/series.js';
import type { SeriesKind } from '../../src/state/series-kind.js';
import { blockCapacity, valueArray, type TierColumns } from '../../src/state/series-tier.js';
import { emptyStats, STATS_KIND, USAGE_KIND, type StatsHistory, type UsageHistory } from '../../src/state/usage.js';

const MAGIC = 'SKTH';
const VERSION = 1;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The histories a history file holds. */
export interface Histories {
  usage: Record<string, UsageHistory>;
  statsHistory: StatsHistory;
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value);
  return b;
}

function header(tiers: readonly HistoryTier[]): Buffer[] {
  const head = Buffer.alloc(12 + tiers.length * 20);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt8(VERSION, 4);
  head.writeUInt8(LITTLE_ENDIAN ? 1 : 0, 5);
  head.writeUInt32LE(tiers.length, 8);
  tiers.forEach((tier, i) => {
    head.writeDoubleLE(tier.bucketMs, 12 + i * 20);
    head.writeDoubleLE(tier.maxAgeMs, 20 + i * 20);
    head.writeUInt32LE(tier.cap, 28 + i * 20);
  });
  return [head];
}

function seriesChunks(kind: number, id: string, columns: readonly TierColumns[]): Buffer[] {
  const name = Buffer.from(id, 'utf8');
  const head = Buffer.alloc(3);
  head.writeUInt8(kind, 0);
  head.writeUInt16LE(name.length, 1);
  const out: Buffer[] = [head, name];
  for (const { t, v } of columns) out.push(u32(t.length), Buffer.from(t.buffer, t.byteOffset, t.byteLength), Buffer.from(v.buffer, v.byteOffset, v.byteLength));
  return out;
}

/** Pure: the file bytes for the histories. */
export function encodeHistories(histories: Histories): Buffer {
  const chunks = header(USAGE_KIND.tiers);
  const ids = Object.keys(histories.usage);
  chunks.push(u32(ids.length + 1));
  chunks.push(...seriesChunks(0, '', histories.statsHistory.tierColumns()));
  for (const id of ids) chunks.push(...seriesChunks(1, id, histories.usage[id].tierColumns()));
  return Buffer.concat(chunks);
}

/** Reads a file's bytes, throwing an Error that says what is wrong with them. */
class Reader {
  at = 0;
  constructor(private readonly buf: Buffer) {}

  get remaining(): number {
    return this.buf.length - this.at;
  }

  need(bytes: number): void {
    if (this.at + bytes > this.buf.length) throw new Error(`it ends early (at byte ${this.at} of ${this.buf.length})`);
  }

  u8(): number {
    this.need(1);
    return this.buf.readUInt8(this.at++);
  }

  u16(): number {
    this.need(2);
    this.at += 2;
    return this.buf.readUInt16LE(this.at - 2);
  }

  u32(): number {
    this.need(4);
    this.at += 4;
    return this.buf.readUInt32LE(this.at - 4);
  }

  f64(): number {
    this.need(8);
    this.at += 8;
    return this.buf.readDoubleLE(this.at - 8);
  }

  /** Copies the next `count` items into the start of `target` (typed arrays need aligned memory, the file gives none). */
  into<T extends Float32Array | Float64Array>(target: T, count: number): T {
    const bytes = count * target.BYTES_PER_ELEMENT;
    this.need(bytes);
    new Uint8Array(target.buffer, 0, bytes).set(this.buf.subarray(this.at, this.at + bytes));
    this.at += bytes;
    return target;
  }

  text(bytes: number): string {
    this.need(bytes);
    this.at += bytes;
    return this.buf.toString('utf8', this.at - bytes, this.at);
  }
}

function readHeader(r: Reader, kinds: readonly SeriesKind[]): void {
  if (r.text(Math.min(4, r.remaining)) !== MAGIC) throw new Error('it is not a skaha-tui history file');
  const version = r.u8();
  if (version !== VERSION) throw new Error(`it has format ${version}; this skaha-tui reads ${VERSION}`);
  if ((r.u8() === 1) !== LITTLE_ENDIAN) throw new Error('it was written on a machine of the other byte order');
  r.u16();
  const count = r.u32();
  const tiers = Array.from({ length: count }, () => ({ bucketMs: r.f64(), maxAgeMs: r.f64(), cap: r.u32() }));
  const same = (a: readonly HistoryTier[]) => a.length === tiers.length && a.every((t, i) => t.bucketMs === tiers[i].bucketMs && t.maxAgeMs === tiers[i].maxAgeMs && t.cap === tiers[i].cap);
  if (!kinds.every((kind) => same(kind.tiers))) throw new Error('its tiers differ from this version of skaha-tui');
}

function readSeries<P extends HistoryPoint>(r: Reader, kind: SeriesKind, name: string): Series<P> {
  const columns: TierColumns[] = kind.layouts.map((layout) => {
    const points = r.u32();
    if (points > layout.maxRows) throw new Error(`${name} has a tier of ${points} points, more than ${layout.maxRows}`);
    // Allocated with room to append, so the first polls after loading do not copy every block.
    const rows = blockCapacity(points, layout);
    const t = r.into(new Float64Array(rows), points);
    const v = r.into(valueArray(rows * layout.width, layout.wide), points * layout.width);
    for (let k = 0; k < points; k++) {
      if (!Number.isFinite(t[k]) || (k > 0 && t[k] <= t[k - 1])) throw new Error(`${name} has times out of order`);
      if (!(v[k * layout.width + layout.width - 1] >= 1)) throw new Error(`${name} has a point of no samples`);
    }
    return { t, v, size: points };
  });
  return Series.fromTierColumns(kind, columns);
}

/** Pure: the histories in a file's bytes; throws an Error saying why when they are not a valid history file. */
export function decodeHistories(buf: Buffer): Histories {
  const r = new Reader(buf);
  readHeader(r, [USAGE_KIND, STATS_KIND]);
  const count = r.u32();
  let statsHistory: StatsHistory = emptyStats();
  const usage = emptyDict<UsageHistory>();
  for (let i = 0; i < count; i++) {
    const kind = r.u8();
    const id = r.text(r.u16());
    if (kind === 0) statsHistory = readSeries(r, STATS_KIND, 'the platform history');
    else if (kind === 1) usage[id] = readSeries(r, USAGE_KIND, `the history of ${JSON.stringify(id.slice(0, 60))}`);
    else throw new Error(`series ${i} has an unknown kind ${kind}`);
  }
  if (r.at !== buf.length) throw new Error(`it has ${buf.length - r.at} bytes after the last series`);
  return { usage, statsHistory };
}
