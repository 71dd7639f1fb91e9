import { describe, expect, it } from 'vitest';
import {
  chartAxis,
  fillGaps,
  historySpan,
  niceMax,
  platformSeries,
  sessionSeries,
  yLabel,
  SERIES_COLOURS,
  type ChartSeries,
} from '../../../tui/render/resource-series.js';
import { utcClock } from '../../../tui/render/cells.js';
import { appendStats, appendUsage, emptyStats, type StatsHistory, type UsageHistory } from '../../../src/state/usage.js';
import { makeSession, T0 } from '../../helpers/builders.js';

function stats(samples: [cpu: number | null, cpuCap: number | null, ram: number | null, ramCap: number | null][]): StatsHistory {
  let h: StatsHistory = emptyStats();
  samples.forEach(([cpuAllocated, cpuCapacity, ramAllocated, ramCapacity], i) => {
    h = appendStats(h, { t: T0 + i * 10_000, cpuAllocated, cpuCapacity, ramAllocated, ramCapacity });
  });
  return h;
}

function usage(samples: [cpu: number | null, ram: number | null][]): UsageHistory {
  let h: UsageHistory | undefined;
  samples.forEach(([cpu, ram], i) => {
    h = appendUsage(h, { t: T0 + i * 30_000, cpu, ram });
  });
  return h!;
}

describe('platform series (contrib line data)', () => {
  it('is CPU and RAM allocation as % of the capacity at each sample, with time labels and series colours', () => {
    const series = platformSeries(
      stats([
        [50, 100, 1000, 4000],
        [60, 120, 2000, 4000],
      ]),
      100,
      utcClock,
    );
    expect(series).toEqual([
      { title: 'CPU', x: ['12:00', '12:00'], y: [50, 50], style: { line: SERIES_COLOURS.cpu } },
      { title: 'RAM', x: ['12:00', '12:00'], y: [25, 50], style: { line: SERIES_COLOURS.ram } },
    ]);
  });

  it('keeps the newest samples only, as many as the chart has dot columns', () => {
    const series = platformSeries(stats(Array.from({ length: 50 }, (_, i) => [i, 100, 1, 10] as [number, number, number, number])), 8, utcClock);
    expect(series[0].y).toEqual([42, 43, 44, 45, 46, 47, 48, 49]);
    expect(series[0].x).toHaveLength(8);
  });

  it('draws a single sample as a flat line (contrib needs two points) and nothing without samples', () => {
    expect(platformSeries(stats([[10, 100, 1, 4]]), 60, utcClock).map((s) => s.y)).toEqual([
      [10, 10],
      [25, 25],
    ]);
    expect(platformSeries(emptyStats(), 60, utcClock)).toEqual([]);
  });

  it('fills a missing sample from its neighbours and leaves out a resource never known', () => {
    const series = platformSeries(
      stats([
        [null, 100, null, null],
        [20, 100, null, null],
        [null, 0, null, null],
      ]),
      60,
      utcClock,
    );
    expect(series.map((s) => s.title)).toEqual(['CPU']);
    expect(series[0].y).toEqual([20, 20, 20]);
  });
});

describe('session series (contrib line data)', () => {
  it('is the use in its own unit, with the request as a flat grey line drawn first', () => {
    const s = makeSession({ cpu: { requested: 2, used: 0.5 }, ramGB: { requested: 8, used: 3 } });
    const cpu = sessionSeries(
      usage([
        [0.25, 1],
        [0.5, 3],
      ]),
      s,
      'cpu',
      60,
      utcClock,
    );
    expect(cpu).toEqual([
      { title: 'requested', x: ['12:00', '12:00'], y: [2, 2], style: { line: SERIES_COLOURS.request } },
      { title: 'CPU', x: ['12:00', '12:00'], y: [0.25, 0.5], style: { line: SERIES_COLOURS.cpu } },
    ]);
    expect(
      sessionSeries(
        usage([
          [0.25, 1],
          [0.5, 3],
        ]),
        s,
        'ram',
        60,
        utcClock,
      ).map((x) => x.y),
    ).toEqual([
      [8, 8],
      [1, 3],
    ]);
  });

  it('has no request line for a flexible session, and nothing before any use is reported', () => {
    const flexible = makeSession({ cpu: { requested: null, used: 0.1 }, ramGB: { requested: null, used: 1 }, fixed: false });
    expect(sessionSeries(usage([[0.1, 1]]), flexible, 'cpu', 60, utcClock)).toEqual([
      { title: 'CPU', x: ['12:00', '12:00'], y: [0.1, 0.1], style: { line: 'cyan' } },
    ]);
    expect(
      sessionSeries(
        usage([
          [null, 1],
          [null, 2],
        ]),
        flexible,
        'cpu',
        60,
        utcClock,
      ),
    ).toEqual([]);
    expect(sessionSeries(undefined, flexible, 'ram', 60, utcClock)).toEqual([]);
  });
});

describe('gaps, spans and axes', () => {
  it('spans from the oldest to the newest point a chart shows', () => {
    const h = stats(Array.from({ length: 10 }, () => [1, 2, 1, 2] as [number, number, number, number]));
    expect(historySpan(h, 100)).toBe(90_000);
    expect(historySpan(h, 4)).toBe(30_000);
    expect(historySpan(stats([[1, 2, 1, 2]]), 100)).toBe(0);
  });

  it('fills gaps forward (leading ones backward), and gives up when nothing is known', () => {
    expect(fillGaps([null, 1, null, 3, null])).toEqual([1, 1, 1, 3, 3]);
    expect(fillGaps([null, Number.NaN])).toBeNull();
  });

  it('rounds axis tops to 1, 2, 4, 6, 8 or 10 × 10ⁿ, never 0', () => {
    expect([0.07, 0.1, 0.11, 1.3, 2.5, 5, 7, 8.6, 11, 550].map(niceMax)).toEqual([0.08, 0.1, 0.2, 2, 4, 6, 8, 10, 20, 600]);
    expect(niceMax(0)).toBe(1);
    expect(niceMax(Number.NaN)).toBe(1);
  });

  it('prints labels the way contrib does: two decimals when they are less than 1 apart', () => {
    expect(yLabel(0.5, 0.5)).toBe('0.50');
    expect(yLabel(0, 0.5)).toBe('0');
    expect(yLabel(75, 25)).toBe('75');
  });

  const line = (y: number[]): ChartSeries => ({ title: 't', x: y.map(String), y, style: { line: 'cyan' } });

  it('keeps a platform axis at 100 % (labelled every 25 when there is a row for each) and lets 100 % show', () => {
    const axis = chartAxis([line([10, 100])], 6, 100, 4);
    expect(axis.step).toBe(25);
    expect(axis.labelWidth).toBe(3);
    // contrib draws v at dot row P·(1 − v/maxY) − 2 (P = 4·rows − 3): 100 % lands on row 0, not above it.
    const plot = 4 * 6 - 3;
    expect(Math.floor(plot * (1 - 100 / axis.maxY) - 2)).toBe(0);
    expect(chartAxis([line([10, 100])], 4, 100, 4).step).toBe(50);
    expect(chartAxis([line([10, 130])], 6, 100, 4)).toMatchObject({ step: 50 });
  });

  it('labels a small chart at 0 and its top, a two-row chart at 0 only, every label exact', () => {
    expect(chartAxis([line([0.02, 0.07])], 3, 0, 2)).toMatchObject({ step: 0.08, labelWidth: 4 });
    const two = chartAxis([line([1, 1.5])], 2, 0, 2);
    expect(two.step).toBe(two.maxY);
    // 6 splits into 3s, not into 1.5s (contrib would print 1.5 as "2").
    expect(chartAxis([line([5.5])], 8, 0, 4).step).toBe(3);
  });
});
