import { startChild } from '../harness/child.js';
import type { BurstServerInfo } from '../harness/burst-server-child.js';
import { startBenchDaemon, steadyPolling, type BenchDaemon } from '../harness/daemon-proc.js';
import { sleep } from '../harness/paths.js';
import { row, type BenchCase, type BenchRow } from '../harness/types.js';
import { openRawClient, type RawClient } from '../harness/ws-clients.js';

const FEW = 3;
const MANY = 5_000;
const CHANGED = MANY - FEW;
/** ≤ 100 ms of event-loop delay per 1,000 changed sessions. */
const TARGET_DELAY_MS = (CHANGED / 1_000) * 100;
const TARGET_WELCOME_MS = 1_000;
const PROBE_EVERY_MS = 50;

/** Pure: the frames one client received, by topic (`welcome`, `response`, or the event topic). */
export function framesByTopic(texts: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const text of texts) {
    const topic = /^\{"type":"event","topic":"([^"]+)"/.exec(text)?.[1] ?? /^\{"type":"([^"]+)"/.exec(text)?.[1] ?? '?';
    out[topic] = (out[topic] ?? 0) + 1;
  }
  return out;
}

/** Welcomes new clients one after another until `stop` says so; returns each hello-to-welcome latency (ms). */
async function probeWelcomes(socketPath: string, stop: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (!stop()) {
    const started = process.hrtime.bigint();
    const client = await openRawClient(socketPath, { hello: true, name: 'burst-probe' });
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    await client.close();
    await sleep(PROBE_EVERY_MS);
  }
  return latencies;
}

/** One phase: the server switches to `count` sessions; waits for the poll that lists them and two polls more. */
async function phase(daemon: BenchDaemon, server: { call(method: string, ...args: unknown[]): Promise<unknown> }, count: number): Promise<void> {
  await server.call('setCount', count);
  for (;;) {
    const [commit] = await daemon.nextCommits(1);
    if (commit.sessions === count) break;
  }
  await daemon.nextCommits(2);
}

/** Worst event-loop delay and worst welcome while the daemon sees the listing go from `FEW` to `count` and back. */
async function measure(
  daemon: BenchDaemon,
  server: { call(method: string, ...args: unknown[]): Promise<unknown> },
  count: number,
): Promise<{ delayMs: number; welcomes: number[] }> {
  await daemon.call('resetLoopDelay');
  let done = false;
  const probes = probeWelcomes(daemon.paths.socketPath, () => done);
  try {
    await phase(daemon, server, count);
    await phase(daemon, server, FEW);
  } finally {
    done = true;
  }
  const welcomes = await probes;
  return { delayMs: await daemon.call<number>('maxLoopDelayMs'), welcomes };
}

/** Case 9: a flood of sessions between two polls (3 → 5,000 → 3), against the same steps with 3 sessions throughout. */
export const burst: BenchCase = {
  name: 'burst',
  title: 'a flood of sessions between two polls: 3 → 5,000 → 3 (event-loop delay, welcome latency)',
  async run(): Promise<BenchRow[]> {
    const server = await startChild<BurstServerInfo>('burst-server-child.js', {});
    await server.call('prepare', MANY);
    const daemon = await startBenchDaemon({ sim: server.info, probed: true, config: steadyPolling(1_000) });
    let counter: RawClient | null = null;
    try {
      await daemon.nextCommits(3);
      // The baseline: the same steps (and probes) while the listing stays at 3 sessions.
      const quiet = await measure(daemon, server, FEW);
      counter = await openRawClient(daemon.paths.socketPath, { hello: true, name: 'burst-counter' });
      const from = counter.arrivals.length;
      const flood = await measure(daemon, server, MANY);
      const topics = framesByTopic(counter.arrivals.slice(from).map((a) => a.text));
      const frames = Object.values(topics).reduce((a, b) => a + b, 0);
      const worstWelcome = Math.max(...flood.welcomes);
      const frameNote = `one client received ${frames} frames over the burst (${Object.entries(topics)
        .map(([t, n]) => `${n} ${t}`)
        .join(', ')})`;
      return [
        row({
          case: 'burst',
          label: 'worst event-loop delay, 3 → 5,000 → 3',
          value: flood.delayMs,
          unit: 'ms',
          baseline: { label: 'same steps, 3 sessions throughout', value: quiet.delayMs, unit: 'ms' },
          target: `≤ ${Math.round(TARGET_DELAY_MS)} ms (100 ms / 1,000 changed)`,
          met: flood.delayMs <= TARGET_DELAY_MS,
          note: `the probed daemon's monitorEventLoopDelay maximum (10 ms resolution) from the switch to 5,000 sessions until two polls after the switch back to 3; polls every second; ${CHANGED} sessions added, then removed; ${frameNote}`,
        }),
        row({
          case: 'burst',
          label: 'worst welcome latency during the burst',
          value: worstWelcome,
          unit: 'ms',
          baseline: { label: 'same steps, 3 sessions throughout', value: Math.max(...quiet.welcomes), unit: 'ms' },
          target: `≤ ${TARGET_WELCOME_MS} ms`,
          met: worstWelcome <= TARGET_WELCOME_MS,
          note: `${flood.welcomes.length} new clients, one after another ${PROBE_EVERY_MS} ms apart, each timed from connecting to its welcome (hello with histories, as the dashboard says it)`,
        }),
      ];
    } finally {
      await counter?.close();
      await daemon.stop();
      await server.stop();
    }
  },
};
