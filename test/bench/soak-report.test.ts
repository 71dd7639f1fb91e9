import { describe, expect, it } from 'vitest';
import { churnSpec } from '../../bench/harness/platform.js';
import { rssGrowth, sampleHeader, sampleLine, soakSummary, type SoakSample } from '../../bench/harness/soak-report.js';
import type { DaemonMetrics } from '../../src/protocol/daemon-metrics.js';

const MiB = 1024 * 1024;

function sample(minutes: number, rssMB: number, handles = 12): SoakSample {
  const metrics: DaemonMetrics = {
    pid: 1, uptimeMs: minutes * 60_000, rssBytes: rssMB * MiB, heapUsedBytes: 20 * MiB, heapTotalBytes: 30 * MiB, externalBytes: MiB,
    handles: { total: handles, byKind: { PipeWrap: handles } }, eventLoopDelayMs: { mean: 0.5, p99: 4.2, max: 12, windowMs: 300_000 },
    clients: 3, sessions: 500, logFollows: 1,
  };
  return { atMs: minutes * 60_000, metrics };
}

describe('soak report', () => {
  it('measures RSS growth from the first sample after the warm-up to the last', () => {
    const samples = [sample(0, 70), sample(5, 100), sample(10, 102), sample(30, 104)];
    const growth = rssGrowth(samples, 5 * 60_000)!;
    expect(growth.afterWarmup).toBe(true);
    expect(growth.from.atMs).toBe(5 * 60_000);
    expect(growth.percent).toBeCloseTo(4, 5);
    const summary = soakSummary(samples, 5 * 60_000, 5);
    expect(summary.met).toBe(true);
    expect(summary.text).toMatch(/RSS growth after the first 5\.0 min: 100\.0 → 104\.0 MB \(\+4\.0 %\), target ≤ 5 %: met/);
    expect(soakSummary([...samples, sample(35, 110)], 5 * 60_000, 5).met).toBe(false);
  });

  it('falls back to the whole run when it was shorter than the warm-up, and needs two samples', () => {
    expect(rssGrowth([sample(0, 70)], 0)).toBeNull();
    expect(soakSummary([sample(0, 70)], 0, 5)).toEqual({ text: 'too few samples to measure growth', met: false });
    const growth = rssGrowth([sample(0, 70), sample(2, 77)], 5 * 60_000)!;
    expect(growth.afterWarmup).toBe(false);
    expect(growth.percent).toBeCloseTo(10, 5);
    expect(soakSummary([sample(0, 70), sample(2, 77)], 5 * 60_000, 5).text).toMatch(/over the whole run/);
  });

  it('prints one aligned line per sample', () => {
    expect(sampleHeader()).toMatch(/RSS MB +heap MB +heap total +external MB +handles/);
    expect(sampleLine(sample(5, 100))).toBe('  5.0     100.0     20.0        30.0          1.0       12                    0.5/4.2/12        3       500        1');
  });

  it('churns sessions of every kind, Pending first, jobs that end within minutes', () => {
    const specs = Array.from({ length: 12 }, (_, i) => churnSpec(i));
    expect(new Set(specs.map((s) => s.kind)).size).toBe(6);
    expect(new Set(specs.map((s) => s.name)).size).toBe(12);
    expect(specs.every((s) => s.status === 'Pending')).toBe(true);
    for (const s of specs.filter((x) => x.kind === 'headless')) expect(s.runSeconds).toBeLessThanOrEqual(320);
  });
});
