import { describe, expect, it } from 'vitest';
import { ProcessMetrics } from '../../../daemon/runtime/process-metrics.js';
import { FakeClock } from '../../helpers/fake-clock.js';

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 30));
}

describe('ProcessMetrics', () => {
  it('samples the event loop only from the first read on: before it, no timer wakes the daemon', () => {
    const clock = new FakeClock(0);
    const metrics = new ProcessMetrics(clock);
    clock.advance(60_000);
    const first = metrics.read();
    metrics.stop();
    expect(first.eventLoopDelayMs).toEqual({ mean: 0, p99: 0, max: 0, windowMs: 0 });
    expect(first.pid).toBe(process.pid);
  });

  it('reports a stall after the first read, over the window since the previous read', async () => {
    const clock = new FakeClock(0);
    const metrics = new ProcessMetrics(clock);
    try {
      metrics.read();
      await tick();
      busy(80);
      await tick();
      clock.advance(5_000);
      const second = metrics.read();
      expect(second.eventLoopDelayMs.windowMs).toBe(5_000);
      expect(second.eventLoopDelayMs.max).toBeGreaterThanOrEqual(40);
    } finally {
      metrics.stop();
    }
  });
});
