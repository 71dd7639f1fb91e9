import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { Clock } from '../../src/ports/clock.js';
import type { DaemonMetrics } from '../../src/protocol/daemon-metrics.js';

/** The process part of DaemonMetrics (the daemon adds its load). */
export type ProcessFigures = Omit<DaemonMetrics, 'clients' | 'sessions' | 'logFollows'>;

const RESOLUTION_MS = 10;

/**
 * Reads the process's figures on demand, and samples the event loop's delay from the first read on:
 * the sampling timer wakes the process every 10 ms, which costs a daemon nobody watches several ms
 * of CPU a second for figures no one reads.
 */
export class ProcessMetrics {
  private histogram: IntervalHistogram | null = null;
  private windowStart = 0;
  private stopped = false;

  constructor(private readonly clock: Clock) {}

  /** The current figures; the delay covers the time since the previous read (none for the first), which starts a new window. */
  read(): ProcessFigures {
    const memory = process.memoryUsage();
    const byKind: Record<string, number> = {};
    const resources = process.getActiveResourcesInfo();
    for (const kind of resources) byKind[kind] = (byKind[kind] ?? 0) + 1;
    // The histogram holds the time between timer ticks: what exceeds the resolution is the delay.
    const late = (ns: number) => (Number.isFinite(ns) ? Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100) : 0);
    const now = this.clock.now();
    const histogram = this.histogram;
    const delay = histogram
      ? { mean: late(histogram.mean), p99: late(histogram.percentile(99)), max: late(histogram.max), windowMs: now - this.windowStart }
      : { mean: 0, p99: 0, max: 0, windowMs: 0 };
    if (histogram) histogram.reset();
    else if (!this.stopped) this.start();
    this.windowStart = now;
    return {
      pid: process.pid,
      uptimeMs: Math.round(process.uptime() * 1000),
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      heapTotalBytes: memory.heapTotal,
      externalBytes: memory.external,
      handles: { total: resources.length, byKind },
      eventLoopDelayMs: delay,
    };
  }

  /** Stops sampling. */
  stop(): void {
    this.stopped = true;
    this.histogram?.disable();
  }

  private start(): void {
    this.histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    this.histogram.enable();
  }
}
