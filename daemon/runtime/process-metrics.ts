import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { Clock } from '../../src/ports/clock.js';
import type { DaemonMetrics } from '../../src/protocol/daemon-metrics.js';

/** The process part of DaemonMetrics (the daemon adds its load). */
export type ProcessFigures = Omit<DaemonMetrics, 'clients' | 'sessions' | 'logFollows'>;

const RESOLUTION_MS = 10;

/** Samples the event loop's delay from start to stop and reads the process's figures on demand. */
export class ProcessMetrics {
  private readonly histogram: IntervalHistogram;
  private windowStart: number;

  constructor(private readonly clock: Clock) {
    this.histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    this.histogram.enable();
    this.windowStart = clock.now();
  }

  /** The current figures; the delay covers the time since the previous read, which starts a new window. */
  read(): ProcessFigures {
    const memory = process.memoryUsage();
    const byKind: Record<string, number> = {};
    const resources = process.getActiveResourcesInfo();
    for (const kind of resources) byKind[kind] = (byKind[kind] ?? 0) + 1;
    // The histogram holds the time between timer ticks: what exceeds the resolution is the delay.
    const late = (ns: number) => (Number.isFinite(ns) ? Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100) : 0);
    const now = this.clock.now();
    const delay = {
      mean: late(this.histogram.mean),
      p99: late(this.histogram.percentile(99)),
      max: late(this.histogram.max),
      windowMs: now - this.windowStart,
    };
    this.histogram.reset();
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
    this.histogram.disable();
  }
}
