// `skaha-tui demo` (what `npm start` runs): a simulator with seeded sessions, a daemon of its own in a
// throwaway home, and the dashboard on top, labelled DEMO. Everything is cleaned up on quit.

import { terminalText } from '../src/domain/terminal-text.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, seedDemo, type RunningSimulator } from '../src/sim/index.js';
import { resolvePaths, type Paths } from '../src/config/paths.js';
import { connectDaemon, ensureDaemon, probeDaemonSocket } from '../src/daemon-client/index.js';
import { demoInstructions, untilSignal } from '../src/cli/demo.js';
import { processDashboardIo, runDashboard, type DashboardIo } from './main.js';
import { DEMO_TEXT } from './text.js';

/** Options of the demo command. */
export interface DemoArgs {
  speed: number;
  seed: number;
  help: boolean;
}

/** Parses `[--speed X] [--seed N]`; throws with a message on anything else. */
export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  const args: DemoArgs = { speed: 30, seed: 42, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') {
      args.help = true;
      continue;
    }
    if (flag !== '--speed' && flag !== '--seed') throw new Error(DEMO_TEXT.unknownOption(argv[i]));
    const value = Number(inline ?? argv[++i]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(DEMO_TEXT.badNumber(flag));
    if (flag === '--speed') args.speed = value;
    else args.seed = Math.floor(value);
  }
  return args;
}

/**
 * The demo's own config: brisk polling so the screen moves, no desktop pop-ups from a demo, and
 * auto-renew of the sessions that expire in 5 minutes, so a renew that works and two that do not
 * (a 500, and a 200 that moves nothing) show without a key press.
 */
function writeDemoConfig(paths: Paths): void {
  mkdirSync(paths.configDir, { recursive: true, mode: 0o700 });
  const config = {
    polling: { fastMs: 1000, normalMs: 3000, slowMs: 10_000, statsMs: 5000 },
    notifications: { desktop: false },
    autoRenew: [{ match: '^(analysis|cube-viewer|spectra)$', thresholdMinutes: 10 }],
  };
  writeFileSync(paths.configFile, JSON.stringify(config, null, 2));
}

/** The environment of the demo's daemon and dashboard: the throwaway home and the simulator, nothing of the user's. */
function demoEnv(base: NodeJS.ProcessEnv, home: string, sim: RunningSimulator): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, SKAHA_TUI_HOME: home, SKAHA_URL: sim.baseUrl, SKAHA_TOKEN: sim.token };
  for (const name of ['SKAHA_CERT', 'CANFAR_URL', 'CANFAR_TOKEN', 'CANFAR_CERTIFICATE', 'XDG_RUNTIME_DIR']) delete env[name];
  return env;
}

/** Waits until the daemon's socket stops answering, at most `ms`. */
async function waitForDaemonGone(socketPath: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && (await probeDaemonSocket(socketPath, 200)) === 'live') await new Promise((r) => setTimeout(r, 100));
}

/** Runs the demo until the user quits the dashboard (or, without a terminal, until Ctrl-C); the exit code. */
export async function runDemo(argv: readonly string[], io: DashboardIo = processDashboardIo()): Promise<number> {
  let args: DemoArgs;
  try {
    args = parseDemoArgs(argv);
  } catch (error) {
    io.stderr.write(`${terminalText((error as Error).message)}\n${DEMO_TEXT.usage}\n`);
    return 2;
  }
  if (args.help) {
    io.output.write(`${DEMO_TEXT.usage}\n`);
    return 0;
  }
  const home = mkdtempSync(join(tmpdir(), 'skaha-demo-'));
  const sim = await startSimulator({ port: 0, speed: args.speed, seed: args.seed });
  const env = demoEnv(io.env, home, sim);
  const paths = resolvePaths(env);
  let daemonPid: number | undefined;
  try {
    seedDemo(sim, args.speed);
    writeDemoConfig(paths);
    daemonPid = (await ensureDaemon({ paths, autoStart: true, env })).pid;
    if (!io.input.isTTY || !io.output.isTTY) {
      io.output.write(`${DEMO_TEXT.noTerminal(home)}\n${demoInstructions(sim.baseUrl, sim.token)}`);
      io.output.write(`  export SKAHA_TUI_HOME=${home}\n`);
      await untilSignal();
      return 0;
    }
    return await runDashboard(['--demo-label', '--server-url', sim.baseUrl], { ...io, env, stopDaemonOnExit: true });
  } catch (error) {
    io.stderr.write(`${terminalText(DEMO_TEXT.failed((error as Error).message))}\n`);
    return 1;
  } finally {
    await shutdownDaemon(paths, daemonPid);
    await sim.close();
    rmSync(home, { recursive: true, force: true });
  }
}

/** Stops the demo's daemon: a shutdown request, then a signal if it is still there. */
async function shutdownDaemon(paths: Paths, pid: number | undefined): Promise<void> {
  if ((await probeDaemonSocket(paths.socketPath, 200)) === 'live') {
    const connection = await connectDaemon({ socketPath: paths.socketPath, clientName: 'skaha-tui demo', connectTimeoutMs: 1000 }).catch(() => null);
    await connection?.request('shutdown', {}, { timeoutMs: 2000 }).catch(() => undefined);
    await connection?.close();
  }
  await waitForDaemonGone(paths.socketPath, 3000);
  if (pid === undefined) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  await waitForDaemonGone(paths.socketPath, 3000);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}
