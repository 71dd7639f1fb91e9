// The BUILT binary's `usage` against a REAL daemon whose accounts were seeded with a known history:
// the figures it prints are checked against sums worked out by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../../daemon/store/memory-state-store.js';
import { AccountHours, HOUR_MS, hourOf, type Amounts } from '../../src/state/account-hours.js';
import { initialState } from '../../src/state/state.js';
import type { UsageAccount } from '../../src/state/usage-accounts.js';
import { localDay } from '../../src/state/usage-groups.js';
import { emptyDict } from '../../src/domain/dict.js';
import { startTestDaemon, type TestDaemon } from '../helpers/start-daemon.js';
import { waitUntil } from '../helpers/wait-until.js';
import { assertBuilt, isolatedEnv, runBin } from './spawn-cli.js';
import { cellValue, parseCsv } from './csv-parse.js';
import YAML from 'yaml';

let td: TestDaemon;
const now = Date.now();
const thisHour = hourOf(now);
// Two days ago for the notebooks (inside the default 7 days), ten days ago for the finished job (outside it).
const nbHour = thisHour - 48 * HOUR_MS;
const jobHour = thisHour - 240 * HOUR_MS;
const env = () => isolatedEnv(td.home, { SKAHA_TUI_HOME: td.env.SKAHA_TUI_HOME!, SKAHA_URL: td.sim.baseUrl, SKAHA_TOKEN: td.sim.token });

const amounts = (a: Partial<Amounts>): Amounts => ({
  hours: 1,
  coreHoursRequested: 0,
  coreHoursUsed: 0,
  gibHoursRequested: 0,
  gibHoursUsed: 0,
  gpuHours: 0,
  ...a,
});

function account(over: Partial<UsageAccount>, hours: Array<[number, Amounts]>): UsageAccount {
  return {
    name: 'x',
    kind: 'notebook',
    status: 'Running',
    fixed: true,
    cores: null,
    ramGiB: null,
    gpus: null,
    firstAt: hours[0][0],
    lastAt: hours[hours.length - 1][0] + HOUR_MS,
    countedTo: null,
    seenAt: hours[hours.length - 1][0] + HOUR_MS,
    gone: true,
    hours: AccountHours.fromRows(hours.map(([t, a]) => ({ t, amounts: a }))),
    days: AccountHours.EMPTY,
    ...over,
  };
}

beforeAll(async () => {
  assertBuilt();
  const state = initialState();
  const accounts = emptyDict<UsageAccount>();
  // A fixed notebook: 2 cores and 8 GiB asked, 0.5 cores and 3 GiB used, for three hours.
  const nb = amounts({ coreHoursRequested: 2, coreHoursUsed: 0.5, gibHoursRequested: 8, gibHoursUsed: 3 });
  accounts.nb0001 = account({ name: 'analysis', status: 'Completed', cores: 2, ramGiB: 8, gpus: 0 }, [
    [nbHour - 2 * HOUR_MS, nb],
    [nbHour - HOUR_MS, nb],
    [nbHour, nb],
  ]);
  // A flexible notebook: counted by its use (0.25 cores, 2 GiB) for one hour.
  accounts.flex0001 = account({ name: 'flexy', status: 'Failed', fixed: false }, [
    [nbHour, amounts({ coreHoursRequested: 0.25, coreHoursUsed: 0.25, gibHoursRequested: 2, gibHoursUsed: 2 })],
  ]);
  // A finished GPU job (4 cores, 16 GiB, 1 GPU) ten days ago, for two hours; its name needs quoting in CSV.
  const job = amounts({ coreHoursRequested: 4, coreHoursUsed: 3.75, gibHoursRequested: 16, gibHoursUsed: 12, gpuHours: 1 });
  accounts.job0001 = account({ name: 'fit,"v2"', kind: 'headless', status: 'Completed', cores: 4, ramGiB: 16, gpus: 1 }, [
    [jobHour, job],
    [jobHour + HOUR_MS, job],
  ]);
  state.accounts = accounts;
  const slow = 600_000;
  td = await startTestDaemon({
    store: new MemoryStateStore(state),
    polling: { fastMs: slow, normalMs: slow, slowMs: slow, fastAfterActionMs: 0, statsMs: slow, backoffCapMs: slow },
  });
  await waitUntil(() => td.daemon.state().lastPollAt !== null, 'the first poll');
});
afterAll(async () => {
  await td?.cleanup();
});

type Row = Record<string, string | number | boolean | null>;

describe('usage from the daemon (a seeded history with a known answer)', { timeout: 60_000 }, () => {
  it('--since 30d --by kind sums every session, running or finished, per kind', async () => {
    const r = await runBin(['usage', '--since', '30d', '--json'], env());
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { by: string; rows: Row[]; total: Row; method: string };
    expect(doc.by).toBe('kind');
    expect(doc.rows).toEqual([
      { kind: 'headless', sessions: 1, hours: 2, coreHoursRequested: 8, coreHoursUsed: 7.5, gibHoursRequested: 32, gibHoursUsed: 24, gpuHours: 2 },
      { kind: 'notebook', sessions: 2, hours: 4, coreHoursRequested: 6.25, coreHoursUsed: 1.75, gibHoursRequested: 26, gibHoursUsed: 11, gpuHours: 0 },
    ]);
    expect(doc.total).toEqual({ hours: 6, coreHoursRequested: 14.25, coreHoursUsed: 9.25, gibHoursRequested: 58, gibHoursUsed: 35, gpuHours: 2 });
    expect(doc.method).toMatch(/flexible sessions count their use/);
  });

  it('the default window is 7 days: the job ten days ago is left out', async () => {
    const r = await runBin(['usage', '--json'], env());
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { rows: Row[]; total: Row };
    expect(doc.rows.map((row) => row.kind)).toEqual(['notebook']);
    expect(doc.total).toMatchObject({ coreHoursRequested: 6.25, gpuHours: 0 });
  });

  it('--by day gives one row per local day, the seeded hours on their days', async () => {
    const r = await runBin(['usage', '--since', '30d', '--by', 'day', '--json'], env());
    expect(r.code, r.stderr).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: Row[] }).rows;
    expect(rows.length).toBeGreaterThanOrEqual(30);
    const byDay = new Map(rows.map((row) => [row.day, row]));
    const sum = (days: string[], field: string) => days.reduce((s, d) => s + Number(byDay.get(d)?.[field] ?? 0), 0);
    const nbDays = [...new Set([nbHour - 2 * HOUR_MS, nbHour - HOUR_MS, nbHour].map(localDay))];
    const jobDays = [...new Set([jobHour, jobHour + HOUR_MS].map(localDay))];
    expect(sum(nbDays, 'coreHoursRequested')).toBeCloseTo(6.25, 6);
    expect(sum(jobDays, 'gpuHours')).toBeCloseTo(2, 6);
    expect(rows.reduce((s, row) => s + Number(row.hours), 0)).toBeCloseTo(6, 6);
  });

  it('--by session --csv writes one parseable line per session, gone ones marked', async () => {
    const r = await runBin(['usage', '--since', '30d', '--by', 'session', '--csv'], env());
    expect(r.code, r.stderr).toBe(0);
    // RFC 4180: CRLF line ends.
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,name,kind,status,gone,fixed,cores,ramGiB,gpus,firstAt,lastAt,hours,coreHoursRequested,coreHoursUsed,gibHoursRequested,gibHoursUsed,gpuHours',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^job0001,"fit,""v2""",headless,Completed,true,true,4,16,1,[^,]+,[^,]+,2,8,7.5,32,24,2$/);
    expect(lines.find((l) => l.startsWith('flex0001,'))).toMatch(/^flex0001,flexy,notebook,Failed,true,false,,,,[^,]+,[^,]+,1,0.25,0.25,2,2,0$/);
  });

  it('--yaml is the --json report, and --csv its rows, for each grouping (docs/output.md)', async () => {
    const NUMBERS = new Set([
      'sessions',
      'cores',
      'ramGiB',
      'gpus',
      'hours',
      'coreHoursRequested',
      'coreHoursUsed',
      'gibHoursRequested',
      'gibHoursUsed',
      'gpuHours',
    ]);
    const cell = (column: string, text: string) =>
      text === '' ? null : NUMBERS.has(column) ? Number(text) : column === 'gone' || column === 'fixed' ? text === 'true' : cellValue(text, 'string');
    for (const by of ['kind', 'day', 'session']) {
      const run = async (format: string) => {
        const r = await runBin(['usage', '--since', '30d', '--by', by, format], env());
        expect(r.code, r.stderr).toBe(0);
        return r.stdout;
      };
      // The window ends now: it moves between two runs, the rows do not.
      const json = JSON.parse(await run('--json')) as { rows: Row[] };
      expect(YAML.parse(await run('--yaml'))).toEqual({ ...json, since: expect.any(String), until: expect.any(String) });
      const [columns, ...lines] = parseCsv(await run('--csv'));
      const rows = lines.map((line) => Object.fromEntries(columns.map((c, i) => [c, cell(c, line[i])])));
      expect(rows, by).toEqual(json.rows);
    }
  });

  it('prints a table with a total line and the method', async () => {
    const r = await runBin(['usage', '--since', '30d'], env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Usage \d{4}-\d{2}-\d{2} \d{2}:\d{2} → .*, by kind\n/);
    expect(r.stdout).toMatch(/\nKIND\s+SESSIONS\s+HOURS\s+CORE-H REQ\s+CORE-H USED\s+CPU USE\s+GiB-H REQ\s+GiB-H USED\s+GPU-H\n/);
    expect(r.stdout).toMatch(/\nheadless\s+1\s+2\s+8\s+7\.5\s+94%\s+32\s+24\s+2\n/);
    expect(r.stdout).toMatch(/\nnotebook\s+2\s+4\s+6\.25\s+1\.75\s+28%\s+26\s+11\s+0\n/);
    expect(r.stdout).toMatch(/\nTOTAL\s+3\s+6\s+14\.3\s+9\.25\s+65%\s+58\s+35\s+2\n/);
    expect(r.stdout).toMatch(/Counted from the daemon's polls/);
  });

  it('bad input gets a clear error', async () => {
    const bad = await runBin(['usage', '--since', 'last tuesday'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--since "last tuesday" is not a span or a date: use e\.g\. 7d/);
    const both = await runBin(['usage', '--json', '--csv'], env());
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--json and --csv cannot be used together: choose one output format/);
    const by = await runBin(['usage', '--by', 'user'], env());
    expect(by.code).toBe(2);
    expect(by.stderr).toMatch(/kind, day, session|kind\|day\|session/);
  });
});
