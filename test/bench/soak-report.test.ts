import { describe, expect, it } from 'vitest';
import { churnSpec } from '../../bench/harness/platform.js';
import { rssGrowth, sampleHeader, sampleLine, soakSummary, type SoakSample } from '../../bench/harness/soak-report.js';
import type { DaemonMetrics } from '../../src/protocol/daemon-metrics.js';

const MiB = 1024 * 1024;

function sample(minutes: number, rssMB: number, handles = 12): SoakSample {
  const metrics: DaemonMetrics = {
    pid: 1,
    uptimeMs: minutes * 60_000,
    rssBytes: rssMB * MiB,
    heapUsedBytes: 20 * MiB,
    heapTotalBytes: 30 * MiB,
    externalBytes: MiB,
    handles: { total: handles, byKind: { PipeWrap: handles } },
    eventLoopDelayMs: { mean: 0.5, p99: 4.2, max: 12, windowMs: 300_000 },
    clients: 3,
    sessions: 500,
    logFollows: 1,
  };
  return { atMs: minutes * 60_000, metrics };
}

describe('soak report', () => {
  it('measures RSS growth from the median of the first window after the warm-up to the median of the last window', () => {
    // One sample a minute: a GC-timing dip at 5 min (93) and a spike near the end (140) move neither median.
    const rss = [
      77, 110, 104, 112, 118, 93, 121, 124, 121, 119, 122, 120, 125, 119, 121, 124, 120, 118, 119, 122, 121, 120, 123, 119, 121, 122, 120, 118, 140, 121, 121,
    ];
    const samples = rss.map((mb, i) => sample(i, mb));
    const growth = rssGrowth(samples, 5 * 60_000, 5 * 60_000)!;
    expect(growth.afterWarmup).toBe(true);
    expect(growth.fromWindow).toEqual([5 * 60_000, 10 * 60_000]);
    expect(growth.toWindow).toEqual([25 * 60_000, 30 * 60_000]);
    expect(growth.fromBytes).toBe(121 * MiB);
    expect(growth.toBytes).toBe(121 * MiB);
    const summary = soakSummary(samples, 5 * 60_000, 5 * 60_000, 5);
    expect(summary.met).toBe(true);
    expect(summary.text).toMatch(
      /^RSS growth after the first 5\.0 min: median 121\.0 MB \(5\.0–10\.0 min\) → median 121\.0 MB \(25\.0–30\.0 min\), \+0\.0 %, target ≤ 5 %: met\n/,
    );
    // A real leak moves the late median.
    const leaking = rss.map((mb, i) => sample(i, i > 15 ? mb + 15 : mb));
    expect(soakSummary(leaking, 5 * 60_000, 5 * 60_000, 5).met).toBe(false);
  });

  it('compares the two halves of a run too short for two windows, and needs two samples', () => {
    expect(rssGrowth([sample(0, 70)], 0, 5 * 60_000)).toBeNull();
    expect(soakSummary([sample(0, 70)], 0, 5 * 60_000, 5)).toEqual({ text: 'too few samples to measure growth', met: false });
    const growth = rssGrowth([sample(0, 70), sample(1, 70), sample(2, 77), sample(3, 77)], 5 * 60_000, 5 * 60_000)!;
    expect(growth.afterWarmup).toBe(false);
    expect(growth.percent).toBeCloseTo(10, 5);
    expect(soakSummary([sample(0, 70), sample(2, 77)], 5 * 60_000, 5 * 60_000, 5).text).toMatch(/over the whole run/);
  });

  it('prints one aligned line per sample', () => {
    expect(sampleHeader()).toMatch(/RSS MB +heap MB +heap total +external MB +handles/);
    expect(sampleLine(sample(5, 100))).toBe(
      '  5.0     100.0     20.0        30.0          1.0       12                    0.5/4.2/12        3       500        1',
    );
  });

  it('churns sessions of every kind, Pending first, jobs that end within minutes', () => {
    const specs = Array.from({ length: 12 }, (_, i) => churnSpec(i));
    expect(new Set(specs.map((s) => s.kind)).size).toBe(6);
    expect(new Set(specs.map((s) => s.name)).size).toBe(12);
    expect(specs.every((s) => s.status === 'Pending')).toBe(true);
    for (const s of specs.filter((x) => x.kind === 'headless')) expect(s.runSeconds).toBeLessThanOrEqual(320);
  });
});
