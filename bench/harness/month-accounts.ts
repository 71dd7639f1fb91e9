// Usage accounts as a daemon holds them after 30 days of polling many sessions, built with the
// product's own accounting (hourly rows rolled into days, no 30 days of waiting): the input of the usage case.
import { emptyDict } from '../../src/domain/dict.js';
import { ACCOUNT_KEEP_MS, AccountHours, HOUR_MS, hourOf } from '../../src/state/account-hours.js';
import type { UsageAccount } from '../../src/state/usage-accounts.js';
import { rollUp } from '../../src/state/account-days.js';
import { wave } from './day-state.js';

/** The kinds the sessions take in turn. */
const KINDS = ['headless', 'notebook', 'desktop', 'carta', 'firefly'] as const;

/**
 * Pure: accounts of `count` sessions that each ran `runHours` (the whole 30 days by default: the most
 * the daemon keeps), their starts spread over the 30 days before `now`, with use varying hour by hour.
 */
export function monthOfAccounts(now: number, count: number, runHours = ACCOUNT_KEEP_MS / HOUR_MS): Record<string, UsageAccount> {
  const out = emptyDict<UsageAccount>();
  const last = hourOf(now);
  const first = last - ACCOUNT_KEEP_MS + HOUR_MS;
  const span = Math.max(0, ACCOUNT_KEEP_MS / HOUR_MS - runHours);
  for (let i = 0; i < count; i++) {
    const cores = 1 + (i % 8);
    const gib = 4 * (1 + (i % 4));
    const gpus = i % 10 === 0 ? 1 : 0;
    const start = first + Math.floor((span * ((i * 37) % 100)) / 100) * HOUR_MS;
    let hours = AccountHours.EMPTY;
    for (let h = 0; h < runHours; h++) {
      const use = wave(i, h);
      hours = hours.add(start + h * HOUR_MS, {
        hours: 1,
        coreHoursRequested: cores,
        coreHoursUsed: cores * use,
        gibHoursRequested: gib,
        gibHoursUsed: gib * use * 0.8,
        gpuHours: gpus,
      });
    }
    // What the daemon keeps of them now: hours older than 2 days rolled into days.
    const kept = rollUp(hours, AccountHours.EMPTY, now);
    const end = start + runHours * HOUR_MS;
    const running = end > last;
    out[`s${String(i).padStart(6, '0')}`] = {
      name: `job-${i}`,
      kind: KINDS[i % KINDS.length],
      status: running ? 'Running' : 'Completed',
      fixed: true,
      cores,
      ramGiB: gib,
      gpus,
      firstAt: start,
      lastAt: Math.min(end, now),
      countedTo: null,
      seenAt: Math.min(end, now),
      gone: !running,
      hours: kept.hours,
      days: kept.days,
    };
  }
  return out;
}
