// Pure: what the soak run prints: one line per daemon.metrics sample, and the RSS growth after warm-up.
import type { DaemonMetrics } from '../../src/protocol/daemon-metrics.js';

/** One daemon.metrics answer and when it was read (ms since the soak started). */
export interface SoakSample {
  atMs: number;
  metrics: DaemonMetrics;
}

/**
 * How the RSS moved after the warm-up: the median of the samples in the first window after it
 * against the median of the samples in the last window. A single RSS reading swings by ±15 % with
 * the garbage collector's timing, so one sample against another measures the collector, not growth.
 */
export interface RssGrowth {
  /** The median RSS (bytes) of the first window after the warm-up, and of the last window. */
  fromBytes: number;
  toBytes: number;
  /** The windows, in ms since the start. */
  fromWindow: [number, number];
  toWindow: [number, number];
  percent: number;
  /** False when the run was too short for two windows after the warm-up (its halves are compared instead). */
  afterWarmup: boolean;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const minutes = (ms: number) => (ms / 60_000).toFixed(1).padStart(5);

/** Pure: the header of the sample table. */
export function sampleHeader(): string {
  return '  min    RSS MB  heap MB  heap total  external MB  handles  loop delay ms (mean/p99/max)  clients  sessions  follows';
}

/** Pure: one sample as a table line. */
export function sampleLine(sample: SoakSample): string {
  const m = sample.metrics;
  const delay = m.eventLoopDelayMs;
  return [
    minutes(sample.atMs),
    mb(m.rssBytes).padStart(9),
    mb(m.heapUsedBytes).padStart(8),
    mb(m.heapTotalBytes).padStart(11),
    mb(m.externalBytes).padStart(12),
    String(m.handles.total).padStart(8),
    `${delay.mean}/${delay.p99}/${delay.max}`.padStart(29),
    String(m.clients).padStart(8),
    String(m.sessions).padStart(9),
    String(m.logFollows).padStart(8),
  ].join(' ');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function windowMedian(samples: readonly SoakSample[], from: number, to: number): number | null {
  const inside = samples.filter((s) => s.atMs >= from && s.atMs <= to).map((s) => s.metrics.rssBytes);
  return inside.length === 0 ? null : median(inside);
}

/**
 * Pure: the RSS growth from the median of [warm-up, warm-up + window] to the median of the last
 * `windowMs`; a run too short for both compares the medians of its two halves. Null with fewer than two samples.
 */
export function rssGrowth(samples: readonly SoakSample[], warmupMs: number, windowMs: number): RssGrowth | null {
  if (samples.length < 2) return null;
  const endMs = samples[samples.length - 1].atMs;
  const afterWarmup = endMs - windowMs >= warmupMs + windowMs;
  const half = samples[0].atMs + (endMs - samples[0].atMs) / 2;
  const fromWindow: [number, number] = afterWarmup ? [warmupMs, warmupMs + windowMs] : [samples[0].atMs, half];
  const toWindow: [number, number] = afterWarmup ? [endMs - windowMs, endMs] : [half, endMs];
  const fromBytes = windowMedian(samples, ...fromWindow);
  const toBytes = windowMedian(samples, ...toWindow);
  if (fromBytes === null || toBytes === null) return null;
  return { fromBytes, toBytes, fromWindow, toWindow, afterWarmup, percent: (100 * (toBytes - fromBytes)) / fromBytes };
}

/** Pure: the closing lines: growth of RSS (window medians), heap and handles, and whether RSS met the target. */
export function soakSummary(samples: readonly SoakSample[], warmupMs: number, windowMs: number, targetPercent: number): { text: string; met: boolean } {
  const growth = rssGrowth(samples, warmupMs, windowMs);
  if (!growth) return { text: 'too few samples to measure growth', met: false };
  const span = ([a, b]: [number, number]) => `${minutes(a).trim()}–${minutes(b).trim()} min`;
  const since = growth.afterWarmup
    ? `after the first ${minutes(warmupMs).trim()} min`
    : 'over the whole run (it was too short for two windows after the warm-up)';
  const met = growth.percent <= targetPercent;
  const first = samples[0].metrics;
  const last = samples[samples.length - 1].metrics;
  const lines = [
    `RSS growth ${since}: median ${mb(growth.fromBytes)} MB (${span(growth.fromWindow)}) → median ${mb(growth.toBytes)} MB (${span(growth.toWindow)}), ` +
      `${growth.percent >= 0 ? '+' : ''}${growth.percent.toFixed(1)} %, target ≤ ${targetPercent} %: ${met ? 'met' : 'NOT met'}`,
    `heap used: ${mb(first.heapUsedBytes)} → ${mb(last.heapUsedBytes)} MB; handles: ${first.handles.total} → ${last.handles.total}`,
  ];
  return { text: lines.join('\n'), met };
}
