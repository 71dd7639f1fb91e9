// Pure: what the soak run prints: one line per daemon.metrics sample, and the RSS growth after warm-up.
import type { DaemonMetrics } from '../../src/protocol/daemon-metrics.js';

/** One daemon.metrics answer and when it was read (ms since the soak started). */
export interface SoakSample {
  atMs: number;
  metrics: DaemonMetrics;
}

/** How the RSS moved from the first sample at or after the warm-up to the last one. */
export interface RssGrowth {
  from: SoakSample;
  to: SoakSample;
  percent: number;
  /** False when no sample was taken after the warm-up (the first one is used). */
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

/** Pure: the RSS growth from the first sample at or after `warmupMs` (else the first) to the last; null with fewer than two samples. */
export function rssGrowth(samples: readonly SoakSample[], warmupMs: number): RssGrowth | null {
  if (samples.length < 2) return null;
  const warm = samples.findIndex((s) => s.atMs >= warmupMs);
  const afterWarmup = warm >= 0 && warm < samples.length - 1;
  const from = afterWarmup ? samples[warm] : samples[0];
  const to = samples[samples.length - 1];
  return { from, to, afterWarmup, percent: (100 * (to.metrics.rssBytes - from.metrics.rssBytes)) / from.metrics.rssBytes };
}

/** Pure: the closing lines: growth of RSS, heap and handles, and whether RSS met the target. */
export function soakSummary(samples: readonly SoakSample[], warmupMs: number, targetPercent: number): { text: string; met: boolean } {
  const growth = rssGrowth(samples, warmupMs);
  if (!growth) return { text: 'too few samples to measure growth', met: false };
  const { from, to } = growth;
  const since = growth.afterWarmup ? `after the first ${minutes(warmupMs).trim()} min` : 'over the whole run (it was shorter than the warm-up)';
  const met = growth.percent <= targetPercent;
  const lines = [
    `RSS growth ${since}: ${mb(from.metrics.rssBytes)} → ${mb(to.metrics.rssBytes)} MB (${growth.percent >= 0 ? '+' : ''}${growth.percent.toFixed(1)} %), target ≤ ${targetPercent} %: ${met ? 'met' : 'NOT met'}`,
    `heap: ${mb(from.metrics.heapUsedBytes)} → ${mb(to.metrics.heapUsedBytes)} MB; handles: ${from.metrics.handles.total} → ${to.metrics.handles.total}`,
  ];
  return { text: lines.join('\n'), met };
}
