// Older use kept per local day: hourly rows older than two days are added into one row per day (the
// daemon's local calendar day), so 30 days of a session take ~80 rows instead of 720.

import type { AccountHours } from './account-hours.js';
import { ACCOUNT_KEEP_MS, HOUR_MS } from './account-hours.js';

/** How long use stays by the hour before it is kept per day: 2 days (a `--since 36h` window stays exact). */
export const HOURLY_KEEP_MS = 48 * HOUR_MS;

/** The most day rows an account holds: the 30 days kept, and the day under way. */
export const MAX_ACCOUNT_DAYS = 32;

/** The local midnight that starts the day holding `t` (the process's time zone). */
export function localDayStart(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The local midnight that ends the day starting at `dayStart` (23 or 25 hours later on a DST change). */
export function localDayEnd(dayStart: number): number {
  const d = new Date(dayStart);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}

/**
 * Pure: hours and days after time `at`: the hours that ended more than HOURLY_KEEP_MS ago added into
 * their days, and the days that ended more than 30 days ago dropped (the same objects when nothing moved).
 */
export function rollUp(hours: AccountHours, days: AccountHours, at: number): { hours: AccountHours; days: AccountHours } {
  const cutoff = at - HOURLY_KEEP_MS;
  const oldest = hours.oldestHour();
  let nextDays = days;
  let nextHours = hours;
  if (oldest !== null && oldest + HOUR_MS <= cutoff) {
    hours.forEachRow(-Infinity, cutoff, (t, values, offset) => {
      if (t + HOUR_MS > cutoff) return;
      nextDays = nextDays.add(localDayStart(t), {
        hours: values[offset],
        coreHoursRequested: values[offset + 1],
        coreHoursUsed: values[offset + 2],
        gibHoursRequested: values[offset + 3],
        gibHoursUsed: values[offset + 4],
        gpuHours: values[offset + 5],
      });
    });
    nextHours = hours.since(cutoff);
  }
  nextDays = nextDays.since(at - ACCOUNT_KEEP_MS, localDayEnd);
  return { hours: nextHours, days: nextDays };
}
