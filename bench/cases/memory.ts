import { spawn } from 'node:child_process';
import { dayOldStateFrom, persistedState } from '../harness/day-state.js';
import { startBenchDaemon, steadyPolling } from '../harness/daemon-proc.js';
import { sleep, waitFor } from '../harness/paths.js';
import { processRssMB } from '../harness/proc.js';
import { startSim } from '../harness/sim-proc.js';
import { median } from '../harness/stats.js';
import { row, type BenchCase, type BenchRow } from '../harness/types.js';

const SESSIONS = 1000;
const SAMPLES = 10;
const TARGET_MB = 80;

/** RSS samples of a process, `SAMPLES` of them `everyMs` apart. */
async function rssSamples(pid: number, everyMs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const mb = processRssMB(pid);
    if (mb === null) throw new Error(`process ${pid} is gone`);
    out.push(mb);
    await sleep(everyMs);
  }
  return out;
}

/** The baseline: an idle `node -e` (a timer keeps it alive). */
async function idleNodeRss(): Promise<number[]> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  try {
    await sleep(1_000);
    return await rssSamples(child.pid!, 100);
  } finally {
    child.kill();
  }
}

/** Case 4: the built daemon's RSS once it has loaded a day of history for 1,000 sessions and polled. */
export const memory: BenchCase = {
  name: 'memory',
  title: `daemon RSS with ${SESSIONS} sessions and 24 h of usage history`,
  async run(): Promise<BenchRow[]> {
    const sim = await startSim({ sessions: SESSIONS });
    try {
      const persisted = persistedState(await dayOldStateFrom(sim.info));
      const daemon = await startBenchDaemon({ sim: sim.info, config: steadyPolling(2_000), persisted });
      let samples: number[];
      try {
        const lists = await sim.call<number>('requestCount', 'session.list');
        await waitFor('two polls after loading', async () => (await sim.call<number>('requestCount', 'session.list')) >= lists + 2, 60_000, 100);
        samples = await rssSamples(daemon.pid, 1_000);
      } finally {
        await daemon.stop();
      }
      const base = await idleNodeRss();
      const value = median(samples);
      return [
        row({
          case: 'memory',
          label: `RSS, ${SESSIONS} sessions + 24 h history`,
          value,
          unit: 'MB',
          baseline: { label: 'idle node -e', value: median(base), unit: 'MB' },
          target: `≤ ${TARGET_MB} MB`,
          met: value <= TARGET_MB,
          note: `the built daemon (skaha-tui daemon) started on a state file of ${(persisted.stateText.length / 1e6).toFixed(1)} MB and a history file of ${(persisted.historyBytes.length / 1e6).toFixed(1)} MB (a day of 15 s polls built with appendUsage/appendStats, no clients), polling every 2 s; median of ${SAMPLES} samples 1 s apart after two polls (max ${Math.max(...samples).toFixed(0)} MB)`,
        }),
      ];
    } finally {
      await sim.stop();
    }
  },
};
