import { describe, expect, it } from 'vitest';
import { median, percentile, repeat } from '../../bench/harness/stats.js';
import { renderBenchTable } from '../../bench/harness/report.js';
import { row } from '../../bench/harness/types.js';
import { processCpuMs, processRssMB, processTree } from '../../bench/harness/proc.js';

describe('bench statistics', () => {
  it('takes medians and nearest-rank percentiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('repeats a measurement after unrecorded warm-up runs', async () => {
    let calls = 0;
    const figures = await repeat(3, async () => ++calls, 2);
    expect(figures).toEqual([3, 4, 5]);
  });
});

describe('bench table', () => {
  it('computes ratios and prints every column, with notes', () => {
    const rows = [
      row({
        case: 'poll-cost',
        label: 'CPU per poll',
        value: 3,
        unit: 'ms',
        baseline: { label: 'fetch+parse', value: 2, unit: 'ms' },
        target: '≤ 2×',
        met: true,
      }),
      row({ case: 'memory', label: 'RSS', value: 90, unit: 'MB', baseline: null, target: '≤ 80 MB', met: false, note: 'limited by X' }),
    ];
    expect(rows[0].ratio).toBe(1.5);
    const table = renderBenchTable(rows);
    expect(table).toMatch(/^CASE\s+FIGURE\s+BASELINE\s+RATIO\s+TARGET\s+MET/);
    expect(table).toMatch(/poll-cost: CPU per poll\s+3\.00 ms\s+2\.00 ms \(fetch\+parse\)\s+1\.50×\s+≤ 2×\s+yes/);
    expect(table).toMatch(/memory: RSS\s+90\.0 MB\s+-\s+-\s+≤ 80 MB\s+NO/);
    expect(table).toContain('memory: limited by X');
  });
});

describe('process probes', () => {
  it('read CPU time, RSS and the process tree of this process from /proc', () => {
    expect(processCpuMs(process.pid)).toBeGreaterThan(0);
    expect(processRssMB(process.pid)).toBeGreaterThan(10);
    expect(processTree(process.pid)[0]).toBe(process.pid);
    expect(processCpuMs(999_999_999)).toBeNull();
  });
});
