// The usage dialog (U): the daemon's report with a bar per kind and per day; w switches 7/30 days.
import { afterEach, describe, expect, it } from 'vitest';
import { startHeadless, type Headless } from '../helpers/headless.js';
import { FakeConnection } from '../helpers/fake-connection.js';
import { demoSessions, stateWith } from '../helpers/states.js';
import { AccountHours, HOUR_MS, type Amounts } from '../../../src/state/account-hours.js';
import { usageReport } from '../../../src/state/usage-report.js';
import type { UsageAccount } from '../../../src/state/usage-accounts.js';
import { emptyDict } from '../../../src/domain/dict.js';
import { T0 } from '../../helpers/builders.js';

let h: Headless | null = null;
afterEach(async () => {
  await h?.destroy();
  h = null;
});

const amounts = (a: Partial<Amounts>): Amounts => ({
  hours: 1,
  coreHoursRequested: 0,
  coreHoursUsed: 0,
  gibHoursRequested: 0,
  gibHoursUsed: 0,
  gpuHours: 0,
  ...a,
});

function accounts(): Record<string, UsageAccount> {
  const out = emptyDict<UsageAccount>();
  const base = { status: 'Running', fixed: true, cores: 8, ramGiB: 16, gpus: 0, countedTo: null, seenAt: T0, gone: false, days: AccountHours.EMPTY } as const;
  const nb = amounts({ coreHoursRequested: 8, coreHoursUsed: 0.5, gibHoursRequested: 16, gibHoursUsed: 4 });
  out.nb1 = {
    ...base,
    name: 'analysis',
    kind: 'notebook',
    firstAt: T0 - 30 * HOUR_MS,
    lastAt: T0,
    hours: AccountHours.fromRows([
      { t: T0 - 30 * HOUR_MS, amounts: nb },
      { t: T0 - 29 * HOUR_MS, amounts: nb },
    ]),
  };
  const job = amounts({ coreHoursRequested: 2, coreHoursUsed: 2, gibHoursRequested: 4, gibHoursUsed: 3, gpuHours: 1 });
  out.job1 = {
    ...base,
    name: 'fit',
    kind: 'headless',
    gone: true,
    status: 'Completed',
    firstAt: T0 - 10 * 24 * HOUR_MS,
    lastAt: T0,
    hours: AccountHours.fromRows([{ t: T0 - 10 * 24 * HOUR_MS, amounts: job }]),
  };
  return out;
}

describe('usage dialog', () => {
  it('U shows the last 7 days by kind and by day with bars; w switches to 30 days; Esc closes', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    const data = accounts();
    connection.on('usage', (p) => usageReport(data, p.since!, p.until!));
    h = await startHeadless(connection, { env: { TZ: 'UTC' } });
    await h.keys('U');
    let text = h.text();
    expect(text).toMatch(/Usage, last 7 days/);
    expect(text).toMatch(/1 session: 16 core-h asked, 1 used \(6%\) {2}32 GiB-h {2}0 GPU-h/);
    expect(text).toMatch(/By kind/);
    expect(text).toMatch(/notebook +█+░* 16 core-h asked/);
    expect(text).not.toMatch(/headless +[█░]/);
    expect(text).toMatch(/By day/);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} +█+░* 16 core-h asked/);
    expect(text).toMatch(/w: last 30 days/);
    const [first] = connection.sent.filter((r) => r.method === 'usage');
    const { since, until } = first.params as { since: number; until: number };
    expect(until).toBeGreaterThanOrEqual(T0);
    expect(until).toBeLessThanOrEqual(h.clock.now());
    expect(until - since).toBe(7 * 24 * HOUR_MS);
    await h.keys('w');
    text = h.text();
    expect(text).toMatch(/Usage, last 30 days/);
    expect(text).toMatch(/2 sessions: 18 core-h asked, 3 used \(17%\) {2}36 GiB-h {2}1 GPU-h/);
    expect(text).toMatch(/headless +█+░* 2 core-h asked, 2 used \(100%\)/);
    await h.keys('escape');
    expect(h.text()).not.toMatch(/Usage, last/);
  });

  it('says so when the daemon cannot answer, and is listed in help and the footer', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    connection.on('usage', () => {
      throw new Error('the daemon is too old for usage');
    });
    h = await startHeadless(connection);
    expect(h.lines().at(-1)).toMatch(/U usage/);
    await h.keys('U');
    expect(h.text()).toMatch(/Could not get the usage from the daemon: the daemon is too old for usage/);
    await h.keys('escape', '?');
    expect(h.text()).toMatch(/U +usage: core- and GiB-hours asked and used, by kind and by day\s/);
  });
});
