import { join } from 'node:path';
import { persistedState } from '../harness/day-state.js';
import { startBenchDaemon } from '../harness/daemon-proc.js';
import { monthOfAccounts } from '../harness/month-accounts.js';
import { BIN, HARNESS_DIR, sleep } from '../harness/paths.js';
import { startSim } from '../harness/sim-proc.js';
import { timedRun } from '../harness/spawn-timed.js';
import { median } from '../harness/stats.js';
import { ratioRow, row, type BenchCase, type BenchRow } from '../harness/types.js';
import { initialState } from '../../src/state/state.js';
import { usageReport } from '../../src/state/usage-report.js';

const SESSIONS = 1_000;
const RUNS = 7;
const MB = 1024 * 1024;

/** Case 10: `skaha-tui usage --since 30d` over 1,000 sessions' 30 days, against reading the history file alone. */
export const usage: BenchCase = {
  name: 'usage',
  title: '`skaha-tui usage --since 30d --json` for 1,000 sessions over 30 days vs reading the history file alone',
  async run(): Promise<BenchRow[]> {
    const sim = await startSim({ sessions: 3 });
    const now = Date.now();
    // The most the daemon keeps for 1,000 sessions: every one ran all 30 days (an hourly row each hour).
    const state = { ...initialState(), accounts: monthOfAccounts(now, SESSIONS) };
    const persisted = persistedState(state);
    const expected = usageReport(state.accounts, now - 30 * 86_400_000, now).total.coreHoursRequested;
    const daemon = await startBenchDaemon({ sim: sim.info, persisted });
    const historyFile = daemon.paths.historyFile;
    try {
      await sleep(2_000);
      const answer: number[] = [];
      const read: number[] = [];
      let same = true;
      // Interleaved, so both see the same machine noise; the first pair warms the file cache.
      for (let i = 0; i <= RUNS; i++) {
        const viaDaemon = await timedRun(process.execPath, [BIN, 'usage', '--since', '30d', '--json'], daemon.env);
        const file = await timedRun(process.execPath, [join(HARNESS_DIR, 'read-history-child.js'), historyFile], daemon.env);
        const total = (JSON.parse(viaDaemon.stdout) as { total: { coreHoursRequested: number } }).total.coreHoursRequested;
        // The window ends at each run's own now: the hour under way may differ by a run's few seconds.
        same &&= Math.abs(total - expected) / expected < 0.01 && file.stdout.trim() === String(SESSIONS);
        if (i === 0) continue;
        answer.push(viaDaemon.wallMs);
        read.push(file.wallMs);
      }
      const value = median(answer);
      const baseline = median(read);
      const ratio = ratioRow(
        {
          case: 'usage',
          label: 'usage --since 30d, 1000 sessions × 30 days',
          value,
          unit: 'ms',
          baseline: { label: 'read + decode history.bin', value: baseline, unit: 'ms' },
        },
        2,
        '≤ 2×, < 1 s',
      );
      return [
        {
          ...ratio,
          met: ratio.met && value < 1_000 && same,
          note: `median of ${RUNS} interleaved runs, spawn to exit: the built binary asking the running daemon, and a node process reading and decoding the same history file; totals agree with the accounts: ${same ? 'yes' : 'NO'}`,
        },
        row({
          case: 'usage',
          label: 'history.bin, 1000 sessions × 30 days',
          value: persisted.historyBytes.length / MB,
          unit: 'MB',
          baseline: null,
          target: '≤ 3 MB',
          met: persisted.historyBytes.length <= 3 * MB,
          note: 'every session running all 30 days (the most the daemon keeps for 1,000 sessions): 48 hourly rows and ~29 daily rows of 32 bytes each, and its description',
        }),
      ];
    } finally {
      await daemon.stop();
      await sim.stop();
    }
  },
};
