import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startBenchDaemon } from '../harness/daemon-proc.js';
import { BIN, sleep, tempDir, waitFor } from '../harness/paths.js';
import { startSim } from '../harness/sim-proc.js';
import { median } from '../harness/stats.js';
import { startTmux, type TmuxPane } from '../harness/tmux.js';
import { ratioRow, type BenchCase, type BenchRow } from '../harness/types.js';

const RUNS = 7;
const TARGET = 4;
const MARKER_VAR = 'SKAHA_TUI_FIRST_FRAME_FILE';
/** The baseline: node starting and writing the same marker as its only work. */
const NODE_E = `${process.execPath} -e "require('fs').writeFileSync(process.env.${MARKER_VAR}, String(process.hrtime.bigint()))"`;

/** Starts `command` in the pane and resolves with the ms from just before tmux was asked until the marker time. */
async function timeToMarker(pane: TmuxPane, command: string, marker: string): Promise<number> {
  rmSync(marker, { force: true });
  const start = process.hrtime.bigint();
  pane.respawn(command, { [MARKER_VAR]: marker });
  const at = await waitFor('the first frame marker', () => existsSync(marker) && readFileSync(marker, 'utf8').trim(), 20_000, 2);
  return Number(BigInt(at) - start) / 1e6;
}

/** Case 6: from process start to the first full frame, with a warm daemon. */
export const dashboardStart: BenchCase = {
  name: 'dashboard-start',
  title: 'dashboard start to first full frame (warm daemon) vs node -e 0, both in tmux',
  async run(): Promise<BenchRow[]> {
    const sim = await startSim({ sessions: 5 });
    const daemon = await startBenchDaemon({ sim: sim.info });
    const dir = tempDir('skb-start-');
    const pane = startTmux('sleep 600', daemon.env, { LANG: 'C.UTF-8' });
    try {
      await sleep(1_000);
      const marker = join(dir.dir, 'first-frame');
      const dashboard: number[] = [];
      const bare: number[] = [];
      // Interleaved; the first pair warms the daemon's welcome path and the file cache.
      for (let i = 0; i <= RUNS; i++) {
        const d = await timeToMarker(pane, `${process.execPath} ${BIN}`, marker);
        const b = await timeToMarker(pane, NODE_E, marker);
        if (i === 0) continue;
        dashboard.push(d);
        bare.push(b);
      }
      return [
        ratioRow(
          {
            case: 'dashboard-start',
            label: 'start to first full frame',
            value: median(dashboard),
            unit: 'ms',
            baseline: { label: 'node -e (writes the marker)', value: median(bare), unit: 'ms' },
            note: `median of ${RUNS} interleaved runs in one tmux pane (respawn-pane), from just before tmux is asked to the time the dashboard writes to $${MARKER_VAR} after drawing its first frame from the daemon's state; the daemon was already running and polling`,
          },
          TARGET,
        ),
      ];
    } finally {
      pane.kill();
      dir.remove();
      await daemon.stop();
      await sim.stop();
    }
  },
};
