// The history file's binary format: a header naming the tiers, then each series as typed-array
// columns copied byte for byte (about 20 bytes a usage point instead of ~75 as JSON), then (format 2)
// each session's usage account (see account-codec.ts).
//
//   "SKTH" u8 version u8 littleEndian u16 0 u32 tierCount (f64 bucketMs f64 maxAgeMs u32 cap)×tiers
//   u32 entryCount, then per entry: u8 kind (0 stats, 1 usage, 2 account) u16 idBytes id
//   and for a series, per tier: u32 points, t (f64 × points), values (f32|f64 × width × points)
//
// Format 1 (before usage accounts) is read too: its histories are kept and it holds no accounts.
import { emptyDict } from '../../src/domain/dict.js';
import type { HistoryPoint, HistoryTier } from '../../src/state/history.js';
import { Series } from '../../src/state/series.js';
import type { SeriesKind } from '../../src/state/series-kind.js';
import { blockCapacity, valueArray, type TierColumns } from '../../src/state/series-tier.js';
import type { UsageAccount } from '../../src/state/usage-accounts.js';
import { emptyStats, STATS_KIND, USAGE_KIND, type StatsHistory, type UsageHistory } from '../../src/state/usage.js';
import { accountChunks, readAccount } from './account-codec.js';
import { ByteReader, u32 } from './byte-reader.js';
import { tierChunks } from './tier-chunks.js';

const MAGIC = 'SKTH';
/** The format this build writes. */
export const HISTORY_FORMAT = 2;
const READABLE = [1, 2];
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const KIND = { stats: 0, usage: 1, account: 2 } as const;

/** What a history file holds: the 24-hour histories and the 30-day usage accounts. */
export interface Histories {
  usage: Record<string, UsageHistory>;
  statsHistory: StatsHistory;
  accounts: Record<string, UsageAccount>;
}

/** What reading a file gave: its histories and the format it had (1: written before usage accounts). */
export interface DecodedHistories extends Histories {
  format: number;
}

function header(tiers: readonly HistoryTier[]): Buffer[] {
  const head = Buffer.alloc(12 + tiers.length * 20);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt8(HISTORY_FORMAT, 4);
  head.writeUInt8(LITTLE_ENDIAN ? 1 : 0, 5);
  head.writeUInt32LE(tiers.length, 8);
  tiers.forEach((tier, i) => {
    head.writeDoubleLE(tier.bucketMs, 12 + i * 20);
    head.writeDoubleLE(tier.maxAgeMs, 20 + i * 20);
    head.writeUInt32LE(tier.cap, 28 + i * 20);
  });
  return [head];
}

function entryHead(kind: number, id: string): Buffer[] {
  const name = Buffer.from(id, 'utf8');
  const head = Buffer.allocUnsafe(3);
  head.writeUInt8(kind, 0);
  head.writeUInt16LE(name.length, 1);
  return [head, name];
}

function* seriesChunks(series: Series<HistoryPoint>): Generator<Uint8Array> {
  const tiers = series.tierBytes();
  for (let i = 0; i < tiers.length; i++) yield* tierChunks(tiers[i], series.kind.layouts[i]);
}

/**
 * The file bytes for the histories and accounts, chunk by chunk as they are asked for, the columns as
 * views of the series' own storage: a day for 1,000 sessions is written without a 15 MB copy of it.
 */
export function* historyChunks(histories: Histories): Generator<Uint8Array> {
  const ids = Object.keys(histories.usage);
  const accountIds = Object.keys(histories.accounts);
  yield* header(USAGE_KIND.tiers);
  yield u32(1 + ids.length + accountIds.length);
  yield* entryHead(KIND.stats, '');
  yield* seriesChunks(histories.statsHistory);
  for (const id of ids) {
    yield* entryHead(KIND.usage, id);
    yield* seriesChunks(histories.usage[id]);
  }
  for (const id of accountIds) {
    yield* entryHead(KIND.account, id);
    yield* accountChunks(histories.accounts[id]);
  }
}

/** Pure: the file bytes for the histories and accounts, in one buffer. */
export function encodeHistories(histories: Histories): Buffer {
  return Buffer.concat([...historyChunks(histories)]);
}

function readHeader(r: ByteReader, kinds: readonly SeriesKind[]): number {
  if (r.text(Math.min(4, r.remaining)) !== MAGIC) throw new Error('it is not a skaha-tui history file');
  const version = r.u8();
  if (!READABLE.includes(version)) throw new Error(`it has format ${version}; this skaha-tui reads ${READABLE.join(' and ')}`);
  if ((r.u8() === 1) !== LITTLE_ENDIAN) throw new Error('it was written on a machine of the other byte order');
  r.u16();
  const count = r.u32();
  const tiers = Array.from({ length: count }, () => ({ bucketMs: r.f64(), maxAgeMs: r.f64(), cap: r.u32() }));
  const same = (a: readonly HistoryTier[]) =>
    a.length === tiers.length && a.every((t, i) => t.bucketMs === tiers[i].bucketMs && t.maxAgeMs === tiers[i].maxAgeMs && t.cap === tiers[i].cap);
  if (!kinds.every((kind) => same(kind.tiers))) throw new Error('its tiers differ from this version of skaha-tui');
  return version;
}

function readSeries<P extends HistoryPoint>(r: ByteReader, kind: SeriesKind, name: string): Series<P> {
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
export function decodeHistories(buf: Buffer): DecodedHistories {
  const r = new ByteReader(buf);
  const format = readHeader(r, [USAGE_KIND, STATS_KIND]);
  const count = r.u32();
  let statsHistory: StatsHistory = emptyStats();
  const usage = emptyDict<UsageHistory>();
  const accounts = emptyDict<UsageAccount>();
  for (let i = 0; i < count; i++) {
    const kind = r.u8();
    const id = r.text(r.u16());
    const name = `the ${kind === KIND.account ? 'account' : 'history'} of ${JSON.stringify(id.slice(0, 60))}`;
    if (kind === KIND.stats) statsHistory = readSeries(r, STATS_KIND, 'the platform history');
    else if (kind === KIND.usage) usage[id] = readSeries(r, USAGE_KIND, name);
    else if (kind === KIND.account && format >= 2) accounts[id] = readAccount(r, name);
    else throw new Error(`entry ${i} has an unknown kind ${kind}`);
  }
  if (r.at !== buf.length) throw new Error(`it has ${buf.length - r.at} bytes after the last series`);
  return { usage, statsHistory, accounts, format };
}
