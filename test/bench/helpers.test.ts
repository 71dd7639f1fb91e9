import { describe, expect, it } from 'vitest';
import { logLines, platformSpecs } from '../../bench/harness/platform.js';
import { dayOfUsage, dayOldState, scaledCopy, wave } from '../../bench/harness/day-state.js';
import { deltas } from '../../bench/harness/stats.js';
import { newSessionArgs, PANE } from '../../bench/harness/tmux.js';
import { ratioRow, unmeasuredRow } from '../../bench/harness/types.js';
import { renderBenchTable } from '../../bench/harness/report.js';
import { processCpuNs, processTreeCpuMs } from '../../bench/harness/proc.js';
import { medianRoundPercentile, patchLatencies } from '../../bench/cases/fan-out.js';
import { countsSince, sameCounts } from '../../bench/cases/requests.js';
import { consecutive, lineBytes, lineNumber } from '../../bench/cases/log-follow.js';
import { psIds } from '../../bench/cases/cli-cache.js';
import { framesByTopic } from '../../bench/cases/burst.js';
import { maxHistoryPoints } from '../../src/state/history.js';
import type { Session } from '../../src/domain/session.js';
import type { PlatformStats } from '../../src/domain/platform.js';

describe('bench platform', () => {
  it('seeds Running sessions of every kind, uniquely named, headless jobs outliving the bench', () => {
    const specs = platformSpecs(1000, 'alice');
    expect(specs).toHaveLength(1000);
    expect(new Set(specs.map((s) => s.name)).size).toBe(1000);
    expect(new Set(specs.map((s) => s.kind))).toEqual(new Set(['notebook', 'headless', 'desktop', 'carta', 'firefly', 'contributed']));
    for (const spec of specs) {
      expect(spec.user).toBe('alice');
      expect(spec.ageSeconds).toBeGreaterThanOrEqual(600);
      expect(spec.ageSeconds).toBeLessThan(2 * 86_400);
      if (spec.kind === 'headless') expect(spec.runSeconds).toBeGreaterThan(spec.ageSeconds! + 3600);
    }
  });

  it('writes numbered log lines of exactly the given size', () => {
    const text = logLines(41, 3, 64);
    const lines = text.split('\n').slice(0, -1);
    expect(Buffer.byteLength(text)).toBe(3 * 64);
    expect(lines.map(lineNumber)).toEqual([41, 42, 43]);
    expect(consecutive(lines, 41)).toBe(true);
    expect(consecutive(lines, 40)).toBe(false);
    expect(lineBytes(lines)).toBe(192);
    expect(lineNumber('[skaha-tui: log truncated - showing the last 1 of 2 bytes]')).toBeNull();
  });
});

describe('a day of state', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');

  it('builds one day of usage through appendUsage: bounded tiers, newest point now, oldest a day ago', () => {
    const history = dayOfUsage(now, 15_000);
    const points = history.points();
    expect(points.length).toBeLessThanOrEqual(maxHistoryPoints());
    expect(points.length).toBeGreaterThan(700);
    expect(history.tierPoints()[0].at(-1)!.t).toBe(now);
    expect(Math.min(...points.map((p) => p.t))).toBeGreaterThanOrEqual(now - 24 * 3600_000);
    expect(wave(1, 5)).toBeGreaterThanOrEqual(0);
    expect(wave(1, 5)).toBeLessThan(1);
  });

  it('copies a history with other values and its own storage', () => {
    const history = dayOfUsage(now, 60_000);
    const copy = scaledCopy(history, 0.5);
    expect(copy.tierPoints().map((t) => t.length)).toEqual(history.tierPoints().map((t) => t.length));
    expect(copy.tierColumns()[0].t.buffer).not.toBe(history.tierColumns()[0].t.buffer);
    expect(copy.tierPoints()[0][0].cpu).toBeCloseTo(history.tierPoints()[0][0].cpu! * 0.5, 2);
  });

  it('gives every polled session a day of usage, and the stats a day of history', () => {
    const sessions = ['a1', 'b2', 'c3'].map(
      (id) =>
        ({
          id,
          name: id,
          kind: 'notebook',
          status: 'Running',
          cpu: { requested: 1, used: 0.1 },
          ramGB: { requested: 2, used: 1 },
          gpus: { requested: 0 },
          fixed: true,
        }) as unknown as Session,
    );
    const stats = {
      cpu: { allocated: 10, capacity: 100, maxPerSession: 8 },
      ramGB: { allocated: 20, capacity: 400, maxPerSession: 32 },
    } as unknown as PlatformStats;
    const state = dayOldState(sessions, stats, now, 60_000, 60_000);
    expect(Object.keys(state.sessions).sort()).toEqual(['a1', 'b2', 'c3']);
    expect(Object.keys(state.usage).sort()).toEqual(['a1', 'b2', 'c3']);
    expect(state.lastPollAt).toBe(now);
    expect(state.statsHistory.points().length).toBeGreaterThan(300);
  });
});

describe('case arithmetic', () => {
  it('counts the frames a client received by topic (burst)', () => {
    expect(
      framesByTopic([
        '{"type":"welcome","protocol":2}',
        '{"type":"event","topic":"state:patch","data":{}}',
        '{"type":"event","topic":"state:patch","data":{}}',
        '{"type":"event","topic":"warning","data":{}}',
      ]),
    ).toEqual({ welcome: 1, 'state:patch': 2, warning: 1 });
  });

  it('takes consecutive differences', () => {
    expect(deltas([1, 4, 9])).toEqual([3, 5]);
    expect(deltas([5])).toEqual([]);
  });

  it('matches each poll commit to the patch carrying its time, per client', () => {
    const commits = [
      { hrNs: 1_000_000n, lastPollAt: 11 },
      { hrNs: 9_000_000n, lastPollAt: 22 },
    ];
    const client = [
      { hrNs: 3_000_000n, text: '{"type":"event","topic":"state:patch","data":{"fields":{"lastPollAt":11}}}' },
      { hrNs: 10_500_000n, text: '{"type":"event","topic":"state:patch","data":{"fields":{"lastPollAt":22}}}' },
    ];
    expect(patchLatencies(commits, [client, client.slice(1)])).toEqual([2, 1.5, 1.5]);
  });

  it('takes a percentile per round, then the median of the rounds', () => {
    const byChange = [
      [1, 2],
      [3, 4],
      [10, 20],
      [30, 40],
      [5, 6],
      [7, 8],
    ];
    expect(medianRoundPercentile(byChange, 2, 100)).toBe(8);
    expect(medianRoundPercentile(byChange, 2, 50)).toBe(6);
  });

  it('compares request counts per endpoint, allowing one request at a window edge', () => {
    expect(countsSince({ 'session.list': 5 }, { 'session.list': 25, 'session.stats': 4 })).toEqual({ 'session.list': 20, 'session.stats': 4 });
    expect(sameCounts({ 'session.list': 20, 'session.stats': 4 }, { 'session.list': 21, 'session.stats': 4 })).toBe(true);
    expect(sameCounts({ 'session.list': 20 }, { 'session.list': 22 })).toBe(false);
    expect(sameCounts({ 'session.list': 20 }, { 'session.list': 20, image: 2 })).toBe(false);
  });

  it('reads session ids from ps --json', () => {
    expect(psIds('[{"id":"b"},{"id":"a"}]')).toEqual(['a', 'b']);
  });
});

describe('rows and the table', () => {
  it('judges a row by its ratio, and shows an unmeasured figure as n/a, not met, with why', () => {
    const fast = ratioRow({ case: 'x', label: 'cpu', value: 3, unit: 'ms', baseline: { label: 'bare', value: 2, unit: 'ms' } }, 2);
    const slow = ratioRow({ case: 'x', label: 'cpu', value: 5, unit: 'ms', baseline: { label: 'bare', value: 2, unit: 'ms' } }, 2);
    expect([fast.met, fast.target, slow.met]).toEqual([true, '≤ 2×', false]);
    const missing = unmeasuredRow({ case: 'dashboard-cpu', label: 'idle, vs btop', unit: '% core', target: 'below' }, 'btop could not be installed');
    expect(missing.met).toBe(false);
    expect(renderBenchTable([missing])).toMatch(/dashboard-cpu: idle, vs btop\s+n\/a\s+-\s+-\s+below\s+NO/);
  });
});

describe('tmux and /proc', () => {
  it('starts a detached 160×48 session with the environment given', () => {
    const args = newSessionArgs('/tmp/s/sock', 'htop', { LANG: 'C.UTF-8' });
    expect(args.slice(0, 4)).toEqual(['-S', '/tmp/s/sock', '-f', '/dev/null']);
    expect(args).toEqual(
      expect.arrayContaining(['new-session', '-d', '-x', String(PANE.cols), '-y', String(PANE.rows), 'NCURSES_NO_UTF8_ACS=1', 'LANG=C.UTF-8']),
    );
    expect(args.at(-1)).toBe('htop');
    expect(PANE).toEqual({ cols: 160, rows: 48 });
  });

  it('reads the CPU of a process tree and of every thread of a process', () => {
    expect(processTreeCpuMs(process.pid)).toBeGreaterThan(0);
    expect(processCpuNs(process.pid)).toBeGreaterThan(0);
    expect(processCpuNs(999_999_999)).toBeNull();
    expect(processTreeCpuMs(999_999_999)).toBeNull();
  });
});
