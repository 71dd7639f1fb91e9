// Pure: what the accounts say about a time window: per session, per kind and hour (per local day
// beyond 2 days back), and in total. Clients group it by kind, by day or by session.

import { AMOUNT_FIELDS, HOUR_MS, hourOf, zeroAmounts, type Amounts } from './account-hours.js';
import type { UsageAccount } from './usage-accounts.js';
import { localDayEnd } from './account-days.js';

/** One session's use within the window: its account's description (as last listed) and what it used. */
export type SessionUsage = Pick<UsageAccount, 'name' | 'kind' | 'status' | 'gone' | 'fixed' | 'cores' | 'ramGiB' | 'gpus' | 'firstAt' | 'lastAt'> & {
  id: string;
  amounts: Amounts;
};

/** What the sessions of one kind used in one clock hour, or (beyond 2 days back) one local day of the daemon's; `t` is its start, epoch ms. */
export interface KindHour {
  t: number;
  span: 'hour' | 'day';
  kind: string;
  amounts: Amounts;
}

/** The answer to a `usage` request. */
export interface UsageReport {
  /** The window asked for, epoch ms (hours, and beyond 2 days back days, that overlap it are counted whole). */
  since: number;
  until: number;
  /** The oldest hour the daemon still keeps (30 days back), or null when it keeps none. */
  keptFrom: number | null;
  /** Sessions that ran within the window, most core-hours first. */
  sessions: SessionUsage[];
  /** Per kind and hour (or day), oldest first (periods with nothing counted are left out). */
  hours: KindHour[];
  total: Amounts;
}

const WIDTH = AMOUNT_FIELDS.length;

/** Pure: the report for [since, until) from the accounts (every hour, or day, that overlaps the window counts whole). */
export function usageReport(accounts: Readonly<Record<string, UsageAccount>>, since: number, until: number): UsageReport {
  const first = hourOf(since);
  const slots = Math.max(0, Math.ceil((until - first) / HOUR_MS));
  // Per kind, one row of six sums per hour of the window: a typed array, not a map lookup per row.
  const byKind = new Map<string, Float64Array>();
  // Days are few (at most 32 per account): one row of six sums per kind and day start.
  const dayRows = new Map<string, Map<number, Float64Array>>();
  const sessions: SessionUsage[] = [];
  const total = zeroAmounts();
  let keptFrom: number | null = null;
  for (const id of Object.keys(accounts)) {
    const account = accounts[id];
    let grid = byKind.get(account.kind);
    const sums = new Float64Array(WIDTH);
    let any = false;
    account.hours.forEachRow(-Infinity, Infinity, (t, values, at) => {
      if (keptFrom === null || t < keptFrom) keptFrom = t;
      if (t + HOUR_MS <= since || t >= until) return;
      if (!grid) byKind.set(account.kind, (grid = new Float64Array(slots * WIDTH)));
      const slot = ((t - first) / HOUR_MS) * WIDTH;
      for (let j = 0; j < WIDTH; j++) {
        grid[slot + j] += values[at + j];
        sums[j] += values[at + j];
      }
      any = true;
    });
    account.days.forEachRow(
      since,
      until,
      (t, values, at) => {
        let kindDays = dayRows.get(account.kind);
        if (!kindDays) dayRows.set(account.kind, (kindDays = new Map()));
        let row = kindDays.get(t);
        if (!row) kindDays.set(t, (row = new Float64Array(WIDTH)));
        for (let j = 0; j < WIDTH; j++) {
          row[j] += values[at + j];
          sums[j] += values[at + j];
        }
        any = true;
      },
      localDayEnd,
    );
    const oldestDay = account.days.oldestHour();
    if (oldestDay !== null && (keptFrom === null || oldestDay < keptFrom)) keptFrom = oldestDay;
    if (!any) continue;
    const amounts = zeroAmounts();
    AMOUNT_FIELDS.forEach((f, j) => {
      amounts[f] = sums[j];
      total[f] += sums[j];
    });
    const { name, kind, status, gone, fixed, cores, ramGiB, gpus, firstAt, lastAt } = account;
    sessions.push({ id, name, kind, status, gone, fixed, cores, ramGiB, gpus, firstAt, lastAt, amounts });
  }
  sessions.sort((a, b) => b.amounts.coreHoursRequested - a.amounts.coreHoursRequested || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { since, until, keptFrom, sessions, hours: kindHours(byKind, dayRows, first, slots), total };
}

const toAmounts = (row: ArrayLike<number>, at = 0): Amounts => {
  const amounts = zeroAmounts();
  AMOUNT_FIELDS.forEach((f, j) => (amounts[f] = row[at + j]));
  return amounts;
};

function kindHours(
  byKind: ReadonlyMap<string, Float64Array>,
  dayRows: ReadonlyMap<string, ReadonlyMap<number, Float64Array>>,
  first: number,
  slots: number,
): KindHour[] {
  const hours: KindHour[] = [];
  for (const [kind, days] of dayRows) for (const [t, row] of days) hours.push({ t, span: 'day', kind, amounts: toAmounts(row) });
  for (const [kind, grid] of [...byKind].sort(([a], [b]) => a.localeCompare(b))) {
    for (let slot = 0; slot < slots; slot++) {
      const at = slot * WIDTH;
      if (grid.subarray(at, at + WIDTH).every((x) => x === 0)) continue;
      hours.push({ t: first + slot * HOUR_MS, span: 'hour', kind, amounts: toAmounts(grid, at) });
    }
  }
  return hours.sort((a, b) => a.t - b.t || a.kind.localeCompare(b.kind));
}
