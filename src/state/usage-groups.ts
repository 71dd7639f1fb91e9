// Pure: a usage report grouped by kind or by day (a day in the reader's time zone, built from UTC clock hours).

import { addAmounts, zeroAmounts, type Amounts } from './account-hours.js';
import type { UsageReport } from './usage-report.js';

/** One line of a grouped report: a kind or a day, how many sessions (null where the report cannot tell), and the sums. */
export interface UsageRow {
  key: string;
  sessions: number | null;
  amounts: Amounts;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of `t` as YYYY-MM-DD (the process's time zone). */
export function localDay(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Pure: one row per kind that ran, most core-hours requested first. */
export function usageByKind(report: UsageReport): UsageRow[] {
  const rows = new Map<string, UsageRow>();
  for (const s of report.sessions) {
    const row = rows.get(s.kind) ?? { key: s.kind, sessions: 0, amounts: zeroAmounts() };
    row.sessions = (row.sessions ?? 0) + 1;
    addAmounts(row.amounts, s.amounts);
    rows.set(s.kind, row);
  }
  return [...rows.values()].sort((a, b) => b.amounts.coreHoursRequested - a.amounts.coreHoursRequested || a.key.localeCompare(b.key));
}

/** The local days from `since` to `until`, oldest first (each named by `dayOf`). */
export function daysBetween(since: number, until: number, dayOf: (t: number) => string = localDay): string[] {
  const days: string[] = [];
  const d = new Date(since);
  d.setHours(12, 0, 0, 0);
  // Noon steps by calendar day: a 23- or 25-hour day (DST) never skips or repeats a date.
  for (let guard = 0; guard < 400; guard++) {
    const day = dayOf(d.getTime());
    if (day > dayOf(until - 1) && days.length > 0) break;
    if (days[days.length - 1] !== day) days.push(day);
    d.setDate(d.getDate() + 1);
  }
  return days;
}

/** Pure: one row per day of the window (days with nothing counted included), oldest first. */
export function usageByDay(report: UsageReport, dayOf: (t: number) => string = localDay): UsageRow[] {
  const rows = new Map<string, UsageRow>();
  for (const day of daysBetween(report.since, report.until, dayOf)) rows.set(day, { key: day, sessions: null, amounts: zeroAmounts() });
  for (const hour of report.hours) {
    const key = dayOf(hour.t);
    const row = rows.get(key) ?? { key, sessions: null, amounts: zeroAmounts() };
    addAmounts(row.amounts, hour.amounts);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
}
