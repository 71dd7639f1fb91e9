// One usage account in the history file: its description as a small JSON object, then its hourly
// rows and its daily rows as typed-array columns copied byte for byte (32 bytes a row).
//
//   u32 metaBytes, meta (UTF-8 JSON), then twice (hours, days): u32 rows, t (f64 × rows), values (f32 × 6 × rows)

import { AccountHours, HOUR_MS, HOURS_LAYOUT } from '../../src/state/account-hours.js';
import type { UsageAccount } from '../../src/state/usage-accounts.js';
import { MAX_ACCOUNT_DAYS } from '../../src/state/account-days.js';
import { blockCapacity, valueArray } from '../../src/state/series-tier.js';
import { u32, type ByteReader } from './byte-reader.js';
import { tierChunks } from './tier-chunks.js';

/** The longest description a file may hold for one account (names are bounded far below this). */
const MAX_META_BYTES = 16 * 1024;

/** An account's bytes (after its kind and id), its rows as views of their columns, not copies. */
export function* accountChunks(account: UsageAccount): Generator<Uint8Array> {
  const { hours, days, ...meta } = account;
  const text = Buffer.from(JSON.stringify(meta), 'utf8');
  yield u32(text.length);
  yield text;
  for (const part of [hours, days]) yield* tierChunks(part.byteViews(), HOURS_LAYOUT);
}

const isNum = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
const isNumOrNull = (x: unknown) => x === null || isNum(x);

function checkedMeta(raw: unknown, name: string): Omit<UsageAccount, 'hours' | 'days'> {
  const m = raw as Record<string, unknown> | null;
  const ok =
    typeof m === 'object' &&
    m !== null &&
    typeof m.name === 'string' &&
    typeof m.kind === 'string' &&
    typeof m.status === 'string' &&
    typeof m.gone === 'boolean' &&
    (m.fixed === null || typeof m.fixed === 'boolean') &&
    isNumOrNull(m.cores) &&
    isNumOrNull(m.ramGiB) &&
    isNumOrNull(m.gpus) &&
    isNum(m.firstAt) &&
    isNum(m.lastAt) &&
    isNum(m.seenAt) &&
    isNumOrNull(m.countedTo);
  if (!ok) throw new Error(`${name} has a description that is not an account's`);
  const { name: n, kind, status, fixed, cores, ramGiB, gpus, firstAt, lastAt, countedTo, seenAt, gone } = m as unknown as UsageAccount;
  return { name: n, kind, status, fixed, cores, ramGiB, gpus, firstAt, lastAt, countedTo, seenAt, gone };
}

/** Reads one account (after its kind and id); throws an Error saying what is wrong. */
export function readAccount(r: ByteReader, name: string): UsageAccount {
  const metaBytes = r.u32();
  if (metaBytes > MAX_META_BYTES) throw new Error(`${name} has a description of ${metaBytes} bytes, more than ${MAX_META_BYTES}`);
  let meta: unknown;
  try {
    meta = JSON.parse(r.text(metaBytes));
  } catch {
    throw new Error(`${name} has a description that is not JSON`);
  }
  const hours = readRows(r, `${name} hours`, HOURS_LAYOUT.maxRows, true);
  const days = readRows(r, `${name} days`, MAX_ACCOUNT_DAYS, false);
  return { ...checkedMeta(meta, name), hours, days };
}

/** Reads one part's rows: at most `max`, in time order (on clock hours when `onHours`). */
function readRows(r: ByteReader, what: string, max: number, onHours: boolean): AccountHours {
  const rows = r.u32();
  if (rows > max) throw new Error(`${what}: ${rows} rows, more than ${max}`);
  // Allocated with room to append, so the first polls after loading do not copy every block.
  const capacity = blockCapacity(rows, HOURS_LAYOUT);
  const t = r.into(new Float64Array(capacity), rows);
  const v = r.into(valueArray(capacity * HOURS_LAYOUT.width, false), rows * HOURS_LAYOUT.width);
  for (let k = 0; k < rows; k++) {
    if (!Number.isFinite(t[k]) || (onHours && t[k] % HOUR_MS !== 0) || (k > 0 && t[k] <= t[k - 1])) throw new Error(`${what} out of order`);
  }
  return AccountHours.fromColumns({ t, v, size: rows });
}
