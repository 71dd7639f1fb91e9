import { describe, expect, it } from 'vitest';
import { DEFAULT_HISTORY_TIERS, historyPoints, maxHistoryPoints, type HistoryTier } from '../../src/state/history.js';
import { Series } from '../../src/state/series.js';
import { seriesKind } from '../../src/state/series-kind.js';
import { appendStats, appendUsage, hasUsage, isUsageSample, usageSample, USAGE_KIND, type UsageHistory, type UsagePoint } from '../../src/state/usage.js';
import { makeSession, T0 } from './builders.js';

const HOUR = 3600_000;

function fill(durationMs: number, stepMs: number): { history: UsageHistory; max: number } {
  let history: UsageHistory | undefined;
  let max = 0;
  for (let t = T0; t <= T0 + durationMs; t += stepMs) {
    history = appendUsage(history, { t, cpu: (t / stepMs) % 4, ram: 2 }, t);
    max = Math.max(max, history.size);
  }
  return { history: history!, max };
}

describe('usage samples', () => {
  it('tells a sample a session makes without building it: the same figures and time, no other member', () => {
    const session = makeSession({ cpu: { requested: 2, used: 0.5 }, ramGB: { requested: 8, used: null } });
    const sample = usageSample(session, T0)!;
    expect(isUsageSample(sample, session, T0)).toBe(true);
    expect(isUsageSample({ ...sample, n: undefined }, session, T0)).toBe(true);
    expect(isUsageSample({ ...sample, n: 2 }, session, T0)).toBe(false);
    expect(isUsageSample(sample, session, T0 + 1)).toBe(false);
    expect(isUsageSample({ ...sample, ram: 0 }, session, T0)).toBe(false);
    expect(isUsageSample({ t: T0, cpu: 0.5 } as UsagePoint, session, T0)).toBe(false);
    expect(hasUsage(session)).toBe(true);
    expect(hasUsage(makeSession({ cpu: { requested: 2, used: null }, ramGB: { requested: 8, used: null } }))).toBe(false);
  });
});

describe('usage history', () => {
  it('keeps 24 h of 2 s samples under the strict point bound and covers the whole window', () => {
    const bound = maxHistoryPoints();
    expect(bound).toBeLessThan(1100);
    const { history, max } = fill(24 * HOUR + 10 * 60_000, 2000);
    const now = T0 + 24 * HOUR + 10 * 60_000;
    const points = historyPoints(history);
    expect(max).toBeLessThanOrEqual(bound);
    expect(points[points.length - 1].t).toBe(now);
    // The oldest point is within one 5-minute bucket of the 24 h edge.
    expect(points[0].t).toBeGreaterThanOrEqual(now - 24 * HOUR - 5 * 60_000);
    expect(points[0].t).toBeLessThanOrEqual(now - 24 * HOUR + 5 * 60_000);
    for (let i = 1; i < points.length; i++) {
      expect(points[i].t).toBeGreaterThan(points[i - 1].t);
      expect(points[i].t - points[i - 1].t).toBeLessThanOrEqual(5 * 60_000);
    }
    // The raw tier holds the newest samples at full (2 s) resolution.
    const raw = history.tierPoints()[0];
    expect(raw.length).toBe(DEFAULT_HISTORY_TIERS[0].cap);
    expect(raw[raw.length - 1].t - raw[raw.length - 2].t).toBe(2000);
    // Every raw sample is accounted for exactly once in the sample counts.
    const merged = points.reduce((sum, p) => sum + (p.n ?? 1), 0);
    expect(merged).toBeLessThanOrEqual(24 * 1800 + 300);
    expect(merged).toBeGreaterThan(24 * 1800 - 300);
  });

  it('drops everything older than 24 h after a long gap', () => {
    let h = appendUsage(undefined, { t: T0, cpu: 1, ram: 1 });
    h = appendUsage(h, { t: T0 + 25 * HOUR, cpu: 2, ram: 2 });
    expect(historyPoints(h)).toEqual([{ t: T0 + 25 * HOUR, cpu: 2, ram: 2 }]);
  });

  it('is pure: older versions keep what they held while newer ones grow from them, or from each other', () => {
    let h1 = appendUsage(undefined, { t: T0, cpu: 1, ram: 1 });
    for (let i = 1; i < 40; i++) h1 = appendUsage(h1, { t: T0 + i * 2000, cpu: i, ram: 1 });
    const copy = JSON.stringify(h1);
    const a = appendUsage(h1, { t: T0 + 100_000, cpu: 2, ram: 2 });
    const b = appendUsage(h1, { t: T0 + 100_000, cpu: 7, ram: 7 });
    expect(JSON.stringify(h1)).toBe(copy);
    expect(a.newest()).toEqual({ t: T0 + 100_000, cpu: 2, ram: 2 });
    expect(b.newest()).toEqual({ t: T0 + 100_000, cpu: 7, ram: 7 });
    expect(
      appendUsage(a, { t: T0 + 102_000, cpu: 3, ram: 3 })
        .points()
        .slice(-2)
        .map((p) => p.cpu),
    ).toEqual([2, 3]);
    expect(
      a
        .points()
        .slice(-2)
        .map((p) => p.cpu),
    ).toEqual([39, 2]);
  });

  it('replaces a sample with the same timestamp and ignores one from the past', () => {
    let h = appendUsage(undefined, { t: T0, cpu: 1, ram: 1 });
    h = appendUsage(h, { t: T0, cpu: 3, ram: 1 });
    h = appendUsage(h, { t: T0 - 1000, cpu: 9, ram: 9 }, T0);
    expect(historyPoints(h)).toEqual([{ t: T0, cpu: 3, ram: 1 }]);
  });

  it('merges buckets as sample-weighted means, ignoring nulls', () => {
    const kind = seriesKind(USAGE_KIND.spec, [
      { bucketMs: 0, maxAgeMs: HOUR, cap: 1 },
      { bucketMs: 60_000, maxAgeMs: 2 * HOUR, cap: 10 },
    ]);
    let h = Series.empty<UsagePoint>(kind);
    for (const [i, cpu, ram] of [
      [0, 1, null],
      [1, 1, null],
      [2, 1, null],
      [3, 5, 2],
      [4, 0, 0],
    ] as const)
      h = h.append({ t: T0 + i * 1000, cpu, ram }, T0 + i * 1000);
    expect(h.tierPoints()[1]).toEqual([{ t: T0, n: 4, cpu: 2, ram: 2 }]);
  });

  it('keeps usage to a thousandth (a millicore, a megabyte) and platform stats exactly', () => {
    const h = appendUsage(undefined, { t: T0, cpu: 0.1234567, ram: 1.0004 });
    expect(h.newest()).toEqual({ t: T0, cpu: 0.123, ram: 1 });
    const s = appendStats(undefined, { t: T0, cpuAllocated: 0.1234567, cpuCapacity: 1e6 + 0.5, ramAllocated: null, ramCapacity: 3 });
    expect(s.newest()).toEqual({ t: T0, cpuAllocated: 0.1234567, cpuCapacity: 1e6 + 0.5, ramAllocated: null, ramCapacity: 3 });
  });

  it('moves overflow of the raw cap into minute buckets', () => {
    const tiers: HistoryTier[] = [
      { bucketMs: 0, maxAgeMs: HOUR, cap: 3 },
      { bucketMs: 60_000, maxAgeMs: 2 * HOUR, cap: 121 },
    ];
    let h = Series.empty<UsagePoint>(seriesKind(USAGE_KIND.spec, tiers));
    for (let i = 0; i < 6; i++) h = h.append({ t: T0 + i * 10_000, cpu: i, ram: 0 }, T0 + i * 10_000);
    expect(h.tierPoints()[0].map((p) => p.cpu)).toEqual([3, 4, 5]);
    expect(h.tierPoints()[1]).toEqual([{ t: T0, n: 3, cpu: 1, ram: 0 }]);
  });

  it('gives the newest points alone without building the rest', () => {
    const { history } = fill(3 * HOUR, 15_000);
    const all = history.points();
    expect(history.points(5)).toEqual(all.slice(-5));
    expect(history.points(500)).toEqual(all.slice(-500));
    expect(history.points(0)).toEqual([]);
  });

  it('round-trips through its JSON form and through its columns', () => {
    const { history } = fill(7 * HOUR, 15_000);
    const json = JSON.parse(JSON.stringify(history));
    const fromJson = Series.fromJSON<UsagePoint>(USAGE_KIND, json);
    expect(fromJson.tierPoints()).toEqual(history.tierPoints());
    const fromColumns = Series.fromTierColumns<UsagePoint>(USAGE_KIND, history.tierColumns());
    expect(fromColumns.tierPoints()).toEqual(history.tierPoints());
    // Both go on exactly as the original does.
    const next = { t: T0 + 8 * HOUR, cpu: 1.5, ram: 3 };
    expect(fromJson.append(next, next.t).tierPoints()).toEqual(history.append(next, next.t).tierPoints());
    expect(fromColumns.append(next, next.t).tierPoints()).toEqual(history.append(next, next.t).tierPoints());
  });

  it('keeps platform stats the same bounded way', () => {
    let h;
    for (let t = T0; t <= T0 + 26 * HOUR; t += 60_000) {
      h = appendStats(h, { t, cpuAllocated: 10, cpuCapacity: 100, ramAllocated: null, ramCapacity: 400 });
    }
    expect(historyPoints(h).length).toBeLessThanOrEqual(maxHistoryPoints());
    expect(historyPoints(h)[0].t).toBeGreaterThanOrEqual(T0 + 2 * HOUR - 5 * 60_000);
  });
});
