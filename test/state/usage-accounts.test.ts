// The accounting method: each poll of a Running session counts the time since the sample before it
// (at most 10 minutes), split at clock hours; flexible sessions count their use; accounts outlive the
// listing for 30 days, bounded.
import { describe, expect, it } from 'vitest';
import { gibToGB } from '../../src/domain/memory.js';
import type { Session } from '../../src/domain/session.js';
import { HOUR_MS } from '../../src/state/account-hours.js';
import { localDayStart, MAX_ACCOUNT_DAYS } from '../../src/state/account-days.js';
import { localDay, usageByDay } from '../../src/state/usage-groups.js';
import { accountsAfterPoll, MAX_ACCOUNTS, type UsageAccount } from '../../src/state/usage-accounts.js';
import { usageReport } from '../../src/state/usage-report.js';
import { nextIdle, DEFAULT_IDLE_SETTINGS } from '../../src/state/idle.js';

const T0 = Date.parse('2026-11-22T10:00:00Z');
const MIN = 60_000;

function running(over: Partial<Session> = {}): Session {
  return {
    id: 'a1',
    name: 'nb',
    kind: 'notebook',
    status: 'Running',
    image: 'img',
    user: 'alice',
    startedAt: new Date(T0).toISOString(),
    expiresAt: null,
    url: null,
    cpu: { requested: 2, used: 0.5 },
    ramGB: { requested: gibToGB(8), used: gibToGB(4) },
    gpus: { requested: 1 },
    fixed: true,
    ...over,
  };
}

function pollEvery(
  ms: number,
  until: number,
  sessions: (t: number) => Record<string, Session>,
  start = T0 + ms,
  accounts: Record<string, UsageAccount> = {},
): Record<string, UsageAccount> {
  let out = accounts;
  for (let t = start; t <= until; t += ms) out = accountsAfterPoll(out, sessions(t), t);
  return out;
}

describe('usage accounts', () => {
  it('counts a fixed session by its request and its use, split at clock hours (known answer)', () => {
    // Polled every minute from 10:00 to 12:30: 2.5 hours.
    const accounts = pollEvery(MIN, T0 + 150 * MIN, () => ({ a1: running() }));
    const a = accounts.a1;
    expect(a.hours.rows().map((r) => r.t)).toEqual([T0, T0 + HOUR_MS, T0 + 2 * HOUR_MS]);
    const r = usageReport(accounts, T0, T0 + 3 * HOUR_MS).total;
    expect(r.hours).toBeCloseTo(2.5, 4);
    expect(r.coreHoursRequested).toBeCloseTo(5, 4);
    expect(r.coreHoursUsed).toBeCloseTo(1.25, 4);
    expect(r.gibHoursRequested).toBeCloseTo(20, 3);
    expect(r.gibHoursUsed).toBeCloseTo(10, 3);
    expect(r.gpuHours).toBeCloseTo(2.5, 4);
    // The last hour alone: 30 minutes.
    expect(usageReport(accounts, T0 + 2 * HOUR_MS, T0 + 3 * HOUR_MS).total.hours).toBeCloseTo(0.5, 4);
  });

  it('counts a flexible session by its use', () => {
    const flex = running({ fixed: false, cpu: { requested: null, used: 0.25 }, ramGB: { requested: null, used: gibToGB(2) }, gpus: { requested: 0 } });
    const total = usageReport(
      pollEvery(MIN, T0 + HOUR_MS, () => ({ a1: flex })),
      T0,
      T0 + HOUR_MS,
    ).total;
    expect(total.coreHoursRequested).toBeCloseTo(0.25, 4);
    expect(total.coreHoursUsed).toBeCloseTo(0.25, 4);
    expect(total.gibHoursRequested).toBeCloseTo(2, 4);
  });

  it('a gap (daemon stopped) counts at most 10 minutes; Pending time counts nothing', () => {
    let acc = accountsAfterPoll({}, { a1: running() }, T0 + 5 * MIN);
    acc = accountsAfterPoll(acc, { a1: running() }, T0 + 5 * MIN + 3 * HOUR_MS);
    expect(usageReport(acc, T0, T0 + 4 * HOUR_MS).total.hours).toBeCloseTo((5 + 10) / 60, 4);
    acc = accountsAfterPoll(acc, { a1: running({ status: 'Pending' }) }, T0 + 3.5 * HOUR_MS);
    acc = accountsAfterPoll(acc, { a1: running({ status: 'Pending' }) }, T0 + 3.6 * HOUR_MS);
    expect(usageReport(acc, T0, T0 + 4 * HOUR_MS).total.hours).toBeCloseTo(0.25, 4);
  });

  it('keeps a finished session after it left the listing, until its last hour is 30 days old', () => {
    let acc = pollEvery(MIN, T0 + HOUR_MS, () => ({ a1: running() }));
    acc = accountsAfterPoll(acc, {}, T0 + 2 * HOUR_MS);
    expect(acc.a1.gone).toBe(true);
    expect(usageReport(acc, T0, T0 + 2 * HOUR_MS).sessions.map((s) => [s.id, s.gone])).toEqual([['a1', true]]);
    acc = accountsAfterPoll(acc, {}, T0 + 30 * 24 * HOUR_MS);
    expect(acc.a1).toBeDefined();
    acc = accountsAfterPoll(acc, {}, T0 + 31 * 24 * HOUR_MS);
    expect(acc.a1).toBeUndefined();
  });

  it('keeps 2 days by the hour and older use per local day, losing nothing of the 30 days', () => {
    const end = T0 + 40 * 24 * HOUR_MS;
    const acc = pollEvery(10 * MIN, end, () => ({ a1: running() }));
    expect(acc.a1.hours.size).toBeLessThanOrEqual(49);
    expect(acc.a1.hours.size).toBeGreaterThanOrEqual(48);
    expect(acc.a1.days.size).toBeGreaterThanOrEqual(29);
    expect(acc.a1.days.size).toBeLessThanOrEqual(MAX_ACCOUNT_DAYS);
    for (const row of acc.a1.days.rows()) expect(localDayStart(row.t)).toBe(row.t);
    // 28 whole days back from the last local midnight: all of them counted, 2 cores asked each hour.
    const since = localDayStart(end) - 28 * 24 * HOUR_MS;
    const total = usageReport(acc, since, end).total;
    // Exact in whole-hour time zones; within the half hour a clock hour straddles midnight elsewhere (India: +5:30).
    expect(Math.abs(total.hours - (end - since) / HOUR_MS)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(total.coreHoursRequested - (2 * (end - since)) / HOUR_MS)).toBeLessThanOrEqual(1);
    // The by-day rows of the report are one a day, each 24 hours of a session running all day.
    const days = usageByDay(usageReport(acc, since, localDayStart(end) - 3 * 24 * HOUR_MS), localDay);
    expect(days.map((d) => Math.round(d.amounts.hours * 1000) / 1000)).toEqual(days.map(() => 24));
  });

  it('is bounded: MAX_ACCOUNTS sessions (the longest gone dropped first)', () => {
    const many: Record<string, Session> = {};
    for (let i = 0; i < MAX_ACCOUNTS; i++) many[`s${i}`] = running({ id: `s${i}` });
    let big = accountsAfterPoll({}, many, T0 + MIN);
    big = accountsAfterPoll(big, { fresh: running({ id: 'fresh' }) }, T0 + 2 * MIN);
    expect(Object.keys(big)).toHaveLength(MAX_ACCOUNTS);
    expect(big.fresh).toBeDefined();
  });

  it('keys hostile ids safely (__proto__ is a session id like any other)', () => {
    const acc = pollEvery(MIN, T0 + 5 * MIN, () => Object.fromEntries([['__proto__', running({ id: '__proto__' })]]));
    expect(Object.keys(acc)).toEqual(['__proto__']);
    expect(usageReport(acc, T0, T0 + HOUR_MS).sessions[0].id).toBe('__proto__');
  });
});

describe('idle spells', () => {
  const s = (used: number) => running({ cpu: { requested: 8, used } });
  it('starts under 5 % of the request, flags after 6 h, ends when busy again', () => {
    let idle = nextIdle(null, s(0.02), T0, DEFAULT_IDLE_SETTINGS);
    expect(idle).toEqual({ since: T0, threshold: 0.4, flaggedAt: null });
    idle = nextIdle(idle, s(0.3), T0 + 5 * HOUR_MS, DEFAULT_IDLE_SETTINGS);
    expect(idle?.flaggedAt).toBeNull();
    idle = nextIdle(idle, s(0.3), T0 + 6 * HOUR_MS, DEFAULT_IDLE_SETTINGS);
    expect(idle?.flaggedAt).toBe(T0 + 6 * HOUR_MS);
    expect(nextIdle(idle, s(0.5), T0 + 7 * HOUR_MS, DEFAULT_IDLE_SETTINGS)).toBeNull();
    expect(nextIdle(idle, running({ status: 'Pending' }), T0 + 7 * HOUR_MS, DEFAULT_IDLE_SETTINGS)).toBeNull();
    // No use figure (metrics missing): the spell neither ends nor starts.
    expect(nextIdle(idle, running({ cpu: { requested: 8, used: null } }), T0 + 7 * HOUR_MS, DEFAULT_IDLE_SETTINGS)).toBe(idle);
  });
});
