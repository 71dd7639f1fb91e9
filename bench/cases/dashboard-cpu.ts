import { startBenchDaemon } from '../harness/daemon-proc.js';
import { BIN, sleep, tempDir, waitFor } from '../harness/paths.js';
import { paneCpuWindows } from '../harness/pane-cpu.js';
import { startSim } from '../harness/sim-proc.js';
import type { SimChildOptions } from '../harness/sim-child.js';
import { median } from '../harness/stats.js';
import { startTmux, type TmuxPane } from '../harness/tmux.js';
import { ensureTools, startPm2, type Tool } from '../harness/tools.js';
import { row, unmeasuredRow, type BenchCase, type BenchRow } from '../harness/types.js';

// 4 × 15 s = 60 s; 15 s is the daemon's normal poll interval, so each idle window holds one poll.
const WINDOWS = 4;
const WINDOW_MS = 15_000;
const SETTLE_MS = 15_000;
const LIVE_MAX_PERCENT = 1;
const PANE_ENV = { LANG: 'C.UTF-8' };
/** What `skaha-tui demo` gives its daemon: brisk polling so the screen moves. */
const DEMO_CONFIG = { polling: { fastMs: 1000, normalMs: 3000, slowMs: 10_000, statsMs: 5000 } };

type ToolName = 'pm2' | 'gtop' | 'htop' | 'btop';

/** One scenario: what the platform does and which tools run beside the dashboard. */
interface Scenario {
  name: 'idle' | 'live';
  sim: SimChildOptions;
  config: Record<string, unknown>;
  dashboardArgs: (baseUrl: string) => string;
  /** Text on screen once the dashboard shows the sessions. */
  ready: RegExp;
  followLog: boolean;
  tools: ToolName[];
}

const IDLE: Scenario = {
  name: 'idle',
  sim: { sessions: 4 },
  config: {},
  dashboardArgs: () => '',
  ready: /bench-\w+-1/,
  followLog: false,
  tools: ['pm2', 'gtop', 'htop', 'btop'],
};
const LIVE: Scenario = {
  name: 'live',
  sim: { demo: true, speed: 30 },
  config: DEMO_CONFIG,
  dashboardArgs: (url) => ` --demo-label --server-url ${url}`,
  ready: /analysis/,
  followLog: true,
  tools: ['pm2', 'gtop'],
};

/** Runs the dashboard and the tools side by side in their own tmux servers; % of a core per window for each. */
async function measure(scenario: Scenario, tools: Record<ToolName, Tool>): Promise<Record<string, number[]>> {
  const sim = await startSim(scenario.sim);
  const daemon = await startBenchDaemon({ sim: sim.info, config: scenario.config });
  const home = tempDir('skb-tools-');
  const panes: Record<string, TmuxPane> = {};
  let pm2: ReturnType<typeof startPm2> | null = null;
  try {
    panes.dashboard = startTmux(`${process.execPath} ${BIN}${scenario.dashboardArgs(sim.info.baseUrl)}`, daemon.env, PANE_ENV);
    await waitFor('the dashboard to show the sessions', () => scenario.ready.test(panes.dashboard.capture()), 30_000, 200);
    if (scenario.followLog) panes.dashboard.sendKeys('l');
    for (const name of scenario.tools) {
      const tool = tools[name];
      if (!('command' in tool)) continue;
      let env: NodeJS.ProcessEnv = { ...process.env, HOME: home.dir };
      if (name === 'pm2') env = (pm2 = startPm2(home.dir, scenario.name === 'live')).env;
      panes[name] = startTmux(tool.command, env, PANE_ENV);
    }
    // Past start-up (the daemon's first polls and catalogue reads, JIT and GC settling) before measuring.
    await sleep(SETTLE_MS);
    return await paneCpuWindows(panes, WINDOWS, WINDOW_MS);
  } finally {
    for (const pane of Object.values(panes)) pane.kill();
    pm2?.stop();
    home.remove();
    await daemon.stop();
    await sim.stop();
  }
}

/** Case 5: the dashboard's CPU against terminal dashboards people already run, idle and live. */
export const dashboardCpu: BenchCase = {
  name: 'dashboard-cpu',
  title: 'dashboard CPU in tmux (160×48), idle and live, vs pm2 monit, gtop, htop and btop side by side',
  async run(): Promise<BenchRow[]> {
    const tools = ensureTools();
    const rows: BenchRow[] = [];
    for (const scenario of [IDLE, LIVE]) {
      const cpu = await measure(scenario, tools);
      const mine = median(cpu.dashboard);
      for (const name of scenario.tools) {
        const tool = tools[name];
        const label = `${scenario.name}, vs ${tool.name}`;
        const target = scenario.name === 'idle' ? 'below' : `below, ≤ ${LIVE_MAX_PERCENT}% core`;
        if (!('command' in tool)) {
          rows.push(unmeasuredRow({ case: 'dashboard-cpu', label, unit: '% core', target }, `${tool.name} could not be installed: ${tool.missing}`));
          continue;
        }
        const theirs = median(cpu[name]);
        rows.push(
          row({
            case: 'dashboard-cpu',
            label,
            value: mine,
            unit: '% core',
            baseline: { label: tool.name, value: theirs, unit: '% core' },
            target,
            met: mine < theirs && (scenario.name === 'idle' || mine <= LIVE_MAX_PERCENT),
          }),
        );
      }
      const last = rows[rows.length - 1];
      last.note =
        scenario.name === 'idle'
          ? `idle: ${IDLE.sim.sessions} Running sessions, default polling, no log pane; all five panes side by side (each in its own tmux server, 160×48, CPU of the pane's process tree from /proc: threads by schedstat, plus reaped children), median of ${WINDOWS} × ${WINDOW_MS / 1000} s windows (${(WINDOWS * WINDOW_MS) / 1000} s in all) after ${SETTLE_MS / 1000} s of settling; dashboard windows: ${cpu.dashboard.map((v) => v.toFixed(2)).join(', ')}`
          : `live: the demo's platform (speed ${LIVE.sim.speed}) and the demo's daemon config, dashboard following the log of the selected session (l); simulator and daemon run outside the measured tree; pm2 monit follows an app logging every second; dashboard windows: ${cpu.dashboard.map((v) => v.toFixed(2)).join(', ')}`;
    }
    return rows;
  },
};
