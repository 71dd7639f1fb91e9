import { startChild } from '../harness/child.js';
import { dayOldStateFrom, persistedState, type PersistedState } from '../harness/day-state.js';
import { startBenchDaemon, steadyPolling } from '../harness/daemon-proc.js';
import { startSim, type SimProcess } from '../harness/sim-proc.js';
import { deltas, median } from '../harness/stats.js';
import { ratioRow, type BenchCase, type BenchRow } from '../harness/types.js';
import { closeAll, openRawClients } from '../harness/ws-clients.js';

const SESSIONS = 1000;
const CLIENTS = 10;
const POLLS = 12;
const WARMUP = 3;
const TARGET = 2;
const POLL_MS = 1_000;

/** CPU ms of each of POLLS polls of a probed daemon (10 clients attached), from consecutive poll commits. */
async function daemonCpuPerPoll(sim: SimProcess, persisted?: PersistedState): Promise<number[]> {
  const daemon = await startBenchDaemon({ sim: sim.info, probed: true, config: steadyPolling(POLL_MS), persisted });
  try {
    const clients = await openRawClients(daemon.paths.socketPath, CLIENTS, { hello: true });
    await daemon.nextCommits(WARMUP);
    const commits = await daemon.nextCommits(POLLS + 1);
    await closeAll(clients);
    return deltas(commits.map((c) => c.cpuUs)).map((us) => us / 1000);
  } finally {
    await daemon.stop();
  }
}

/** Case 1: the daemon's work per poll against reading and parsing the same listing bare. */
export const pollCost: BenchCase = {
  name: 'poll-cost',
  title: `daemon CPU per poll of ${SESSIONS} sessions (parse, normalise, diff, store, broadcast to ${CLIENTS} clients) vs a bare fetch + JSON.parse`,
  async run(): Promise<BenchRow[]> {
    const sim = await startSim({ sessions: SESSIONS });
    try {
      const fresh = await daemonCpuPerPoll(sim);
      const day = await daemonCpuPerPoll(sim, persistedState(await dayOldStateFrom(sim.info)));
      const fetcher = await startChild('fetch-child.js', {});
      const bare = await fetcher.call<{ cpuMs: number[]; bytes: number }>(
        'measure',
        { url: `${sim.info.baseUrl}/v1/session`, token: sim.info.token, parse: 'json', gapMs: POLL_MS },
        POLLS,
        WARMUP,
      );
      await fetcher.stop();
      const baseline = { label: `undici GET + JSON.parse, ${(bare.bytes / 1024).toFixed(0)} KB`, value: median(bare.cpuMs), unit: 'ms' };
      const rowFor = (label: string, cpuMs: number[]) => ratioRow({ case: 'poll-cost', label, value: median(cpuMs), unit: 'ms', baseline }, TARGET);
      return [
        {
          ...rowFor('CPU per poll, fresh daemon', fresh),
          note: `median of ${POLLS} polls each (after ${WARMUP}), daemon CPU (its own process.cpuUsage, all threads) between consecutive poll commits; baseline: a child process fetching at the same cadence, CPU between fetches, median of ${POLLS}`,
        },
        {
          ...rowFor('CPU per poll, 24 h of history', day),
          note: `the same daemon started from a day of usage for the ${SESSIONS} sessions (built with appendUsage, see memory): each poll appends one sample per session in place; the history file is written every 5 min, not per poll`,
        },
      ];
    } finally {
      await sim.stop();
    }
  },
};
