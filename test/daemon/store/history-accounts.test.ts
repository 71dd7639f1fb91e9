// Usage accounts in the history file: round trip (hours and days), a format-1 file migrated, hostile
// bytes refused, and the measured size of 30 days for 1,000 sessions.
import { describe, expect, it } from 'vitest';
import { decodeHistories, encodeHistories } from '../../../daemon/store/history-codec.js';
import { monthOfAccounts } from '../../../bench/harness/month-accounts.js';
import { appendUsage, emptyStats } from '../../../src/state/usage.js';
import { accountsFromHistories } from '../../../src/state/usage-seed.js';
import { gibToGB } from '../../../src/domain/memory.js';
import { usageReport } from '../../../src/state/usage-report.js';
import { ACCOUNT_KEEP_MS } from '../../../src/state/account-hours.js';
import { makeSession, T0 } from '../../state/builders.js';

const MB = 1024 * 1024;

describe('usage accounts in the history file', () => {
  it('round-trips hours and days; the report reads the same before and after', () => {
    const accounts = monthOfAccounts(T0, 20);
    const decoded = decodeHistories(encodeHistories({ usage: {}, statsHistory: emptyStats(), accounts }));
    expect(decoded.format).toBe(2);
    expect(Object.keys(decoded.accounts)).toEqual(Object.keys(accounts));
    const id = Object.keys(accounts)[3];
    expect(decoded.accounts[id].hours.rows()).toEqual(accounts[id].hours.rows());
    expect(decoded.accounts[id].days.rows()).toEqual(accounts[id].days.rows());
    expect(decoded.accounts[id].days.size).toBeGreaterThan(25);
    const { hours: _h, days: _d, ...meta } = accounts[id];
    expect(decoded.accounts[id]).toMatchObject(meta);
    expect(usageReport(decoded.accounts, T0 - ACCOUNT_KEEP_MS, T0)).toEqual(usageReport(accounts, T0 - ACCOUNT_KEEP_MS, T0));
  });

  it('reads a format-1 file (written before accounts): its histories seed a day of accounts', () => {
    let usage = undefined as ReturnType<typeof appendUsage> | undefined;
    for (let t = T0; t <= T0 + 3_600_000; t += 60_000) usage = appendUsage(usage, { t, cpu: 0.5, ram: gibToGB(4) }, t);
    const bytes = encodeHistories({ usage: { a1: usage! }, statsHistory: emptyStats(), accounts: {} });
    bytes[4] = 1;
    const decoded = decodeHistories(bytes);
    expect(decoded.format).toBe(1);
    expect(decoded.accounts).toEqual({});
    const session = makeSession({ id: 'a1', cpu: { requested: 2, used: 0.5 }, ramGB: { requested: gibToGB(8), used: gibToGB(4) } });
    const seeded = accountsFromHistories(decoded.usage, { a1: session });
    const total = usageReport(seeded, T0 - 3_600_000, T0 + 2 * 3_600_000).total;
    expect(total.hours).toBeCloseTo(1, 2);
    expect(total.coreHoursRequested).toBeCloseTo(2, 2);
    expect(total.coreHoursUsed).toBeCloseTo(0.5, 2);
    expect(total.gibHoursUsed).toBeCloseTo(4, 1);
  });

  it('refuses an account with rows out of order or too many, saying which', () => {
    const accounts = monthOfAccounts(T0, 1);
    const bytes = encodeHistories({ usage: {}, statsHistory: emptyStats(), accounts });
    // The first hour row's time (after the meta) set to NaN.
    const at = bytes.indexOf(Buffer.from(JSON.stringify({ name: 'job-0' }).slice(0, 12)));
    expect(at).toBeGreaterThan(0);
    const metaEnd = bytes.indexOf(Buffer.from('}'), at) + 1;
    const broken = Buffer.from(bytes);
    broken.writeDoubleLE(NaN, metaEnd + 4);
    expect(() => decodeHistories(broken)).toThrow(/the account of "s000000" hours out of order/);
    const many = Buffer.from(bytes);
    many.writeUInt32LE(100_000, metaEnd);
    expect(() => decodeHistories(many)).toThrow(/100000 rows, more than/);
  });

  it('keeps 30 days of 1,000 sessions that ran all month in under 3 MB (measured)', () => {
    const bytes = encodeHistories({ usage: {}, statsHistory: emptyStats(), accounts: monthOfAccounts(T0, 1_000) });
    // 48 hourly rows + ~29 daily rows of 32 bytes, and the description, per session.
    expect(bytes.length / MB).toBeLessThan(3);
    expect(bytes.length / MB).toBeGreaterThan(2);
  });
});
