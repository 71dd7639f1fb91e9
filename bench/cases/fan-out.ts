import { startChild } from '../harness/child.js';
import type { PollCommit } from '../harness/daemon-child.js';
import { startBenchDaemon, steadyPolling } from '../harness/daemon-proc.js';
import { sleep, waitFor } from '../harness/paths.js';
import { startReceivers, type ReceivedFrame } from '../harness/receivers.js';
import { startSim } from '../harness/sim-proc.js';
import { median, percentile } from '../harness/stats.js';
import { row, type BenchCase, type BenchRow } from '../harness/types.js';

const CLIENTS = 100;
const RECEIVER_PROCESSES = 2;
const SESSIONS = 10;
const ROUNDS = 5;
const CHANGES_PER_ROUND = 6;
const CHANGES = ROUNDS * CHANGES_PER_ROUND;
const WARMUP = 3;
const TARGET_P99_MS = 10;
const PATCH = '"topic":"state:patch"';

/** Pure: per client, ms from each poll commit to that client receiving the patch carrying the poll's time. */
export function patchLatencies(commits: readonly Pick<PollCommit, 'hrNs' | 'lastPollAt'>[], arrivals: readonly ReceivedFrame[][]): number[] {
  const out: number[] = [];
  for (const commit of commits) {
    const marker = `"lastPollAt":${commit.lastPollAt}`;
    for (const client of arrivals) {
      const arrival = client.find((a) => a.hrNs >= commit.hrNs && a.text.includes(marker));
      if (arrival) out.push(Number(arrival.hrNs - commit.hrNs) / 1e6);
    }
  }
  return out;
}

/** Pure: the `p`-th percentile of each round (a run of `perRound` consecutive changes × every client), then their median. */
export function medianRoundPercentile(latenciesByChange: readonly number[][], perRound: number, p: number): number {
  const rounds: number[] = [];
  for (let i = 0; i + perRound <= latenciesByChange.length; i += perRound) rounds.push(percentile(latenciesByChange.slice(i, i + perRound).flat(), p));
  return median(rounds);
}

/** The daemon: 100 clients, one patch per poll; per poll, the latency from its commit to each client. */
async function daemonFanOut(): Promise<{ latencies: number[][]; frame: string }> {
  const sim = await startSim({ sessions: SESSIONS });
  const daemon = await startBenchDaemon({ sim: sim.info, probed: true, config: steadyPolling(1_000) });
  try {
    const receivers = await startReceivers(daemon.paths.socketPath, CLIENTS, RECEIVER_PROCESSES, true);
    await daemon.nextCommits(WARMUP);
    await receivers.mark();
    const commits = await daemon.nextCommits(CHANGES);
    await sleep(500);
    const arrivals = await receivers.arrivals(PATCH);
    await receivers.stop();
    return { latencies: commits.map((commit) => patchLatencies([commit], arrivals)), frame: arrivals[0][arrivals[0].length - 1].text };
  } finally {
    await daemon.stop();
    await sim.stop();
  }
}

/** The baseline: a bare ws server sends the same frame to 100 clients; per send, the latency from just before it to each client. */
async function bareFanOut(frame: string): Promise<number[][]> {
  const server = await startChild<{ socketPath: string }>('broadcast-child.js', {});
  const receivers = await startReceivers(server.info.socketPath, CLIENTS, RECEIVER_PROCESSES, false);
  try {
    await waitFor('the bare clients', async () => (await server.call<number>('clients')) === CLIENTS);
    const latencies: number[][] = [];
    for (let i = 0; i < WARMUP + CHANGES; i++) {
      await receivers.mark();
      const sentNs = await server.call<bigint>('broadcast', frame);
      await waitFor('every client to get the frame', async () => (await receivers.received()) >= 1, 10_000, 5);
      if (i >= WARMUP) latencies.push((await receivers.arrivals(PATCH)).map(([a]) => Number(a.hrNs - sentNs) / 1e6));
      await sleep(200);
    }
    return latencies;
  } finally {
    await receivers.stop();
    await server.stop();
  }
}

/** Case 2: one state change to all of 100 websocket clients. */
export const fanOut: BenchCase = {
  name: 'fan-out',
  title: `one state change to ${CLIENTS} websocket clients: p50/p99 from the daemon's commit to each client`,
  async run(): Promise<BenchRow[]> {
    const daemon = await daemonFanOut();
    const bare = await bareFanOut(daemon.frame);
    const kb = (Buffer.byteLength(daemon.frame) / 1024).toFixed(1);
    const delivered = daemon.latencies.reduce((n, l) => n + l.length, 0);
    const rows = [50, 99].map((p) => {
      const value = medianRoundPercentile(daemon.latencies, CHANGES_PER_ROUND, p);
      return row({
        case: 'fan-out',
        label: `p${p} latency, ${CLIENTS} clients`,
        value,
        unit: 'ms',
        baseline: { label: `bare ws send of the same ${kb} KB frame`, value: medianRoundPercentile(bare, CHANGES_PER_ROUND, p), unit: 'ms' },
        target: `≤ ${TARGET_P99_MS} ms`,
        met: value <= TARGET_P99_MS && delivered === CHANGES * CLIENTS,
      });
    });
    const worst = Math.max(...daemon.latencies.flat());
    rows[1].note = `${delivered}/${CHANGES * CLIENTS} deliveries (${CHANGES} polls × ${CLIENTS} clients; ${SESSIONS} sessions, so each poll is a change); from the daemon committing the poll's state (a probe in its state store, before diff, encode and send) to arrival at each client; clients spread over ${RECEIVER_PROCESSES} receiving processes, in the baseline too; percentiles per round of ${CHANGES_PER_ROUND} changes, median of ${ROUNDS} rounds (worst single delivery ${worst.toFixed(1)} ms)`;
    return rows;
  },
};
