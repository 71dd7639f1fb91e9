import { dayOldStateFrom, persistedState } from '../harness/day-state.js';
import { startBenchDaemon } from '../harness/daemon-proc.js';
import { BIN, sleep } from '../harness/paths.js';
import { startSim } from '../harness/sim-proc.js';
import { timedRun } from '../harness/spawn-timed.js';
import { median } from '../harness/stats.js';
import { row, type BenchCase, type BenchRow } from '../harness/types.js';

const SESSIONS = 20;
const RUNS = 7;

/** Pure: the sorted session ids of `ps --json` output. */
export function psIds(stdout: string): string[] {
  return (JSON.parse(stdout) as Array<{ id: string }>).map((s) => s.id).sort();
}

/** Case 8: `skaha-tui ps --json` answered from the running daemon's cache vs asking Skaha directly. */
export const cliCache: BenchCase = {
  name: 'cli-cache',
  title: '`skaha-tui ps --json` through the running daemon vs --no-daemon (straight to Skaha)',
  async run(): Promise<BenchRow[]> {
    const sim = await startSim({ sessions: SESSIONS });
    // A daemon that has been up a day: its snapshot (what ps reads) carries a day of usage history.
    const daemon = await startBenchDaemon({ sim: sim.info, persisted: persistedState(await dayOldStateFrom(sim.info)) });
    try {
      await sleep(2_000);
      const cached: number[] = [];
      const direct: number[] = [];
      let same = true;
      // Interleaved, so both see the same machine noise; the first pair warms the file cache.
      for (let i = 0; i <= RUNS; i++) {
        const viaDaemon = await timedRun(process.execPath, [BIN, 'ps', '--json'], daemon.env);
        const straight = await timedRun(process.execPath, [BIN, 'ps', '--json', '--no-daemon'], daemon.env);
        same &&= psIds(viaDaemon.stdout).join() === psIds(straight.stdout).join();
        if (i === 0) continue;
        cached.push(viaDaemon.wallMs);
        direct.push(straight.wallMs);
      }
      const value = median(cached);
      const baseline = median(direct);
      return [
        row({
          case: 'cli-cache',
          label: 'ps --json wall time, via daemon',
          value,
          unit: 'ms',
          baseline: { label: '--no-daemon', value: baseline, unit: 'ms' },
          target: 'faster',
          met: value < baseline && same,
          note: `median of ${RUNS} interleaved runs of the built binary, spawn to exit; ${SESSIONS} sessions, the daemon holding a day of their usage history; both list the same sessions: ${same ? 'yes' : 'NO'}`,
        }),
      ];
    } finally {
      await daemon.stop();
      await sim.stop();
    }
  },
};
