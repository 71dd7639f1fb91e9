import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePaths, type Paths } from '../../src/config/paths.js';
import { defaultDaemonCommand } from '../../src/daemon-client/daemon-command.js';
import { probeDaemonSocket } from '../../src/daemon-client/socket-probe.js';
import { startChild, type BenchChild } from './child.js';
import type { PollCommit } from './daemon-child.js';
import type { PersistedState } from './day-state.js';
import { tempDir, waitFor } from './paths.js';
import type { SimTarget } from './sim-target.js';

/** How to start a bench daemon. */
export interface BenchDaemonOptions {
  sim: SimTarget;
  /** The daemon config file (merged over: no desktop notifications). */
  config?: Record<string, unknown>;
  /** The state and history files to start from (as the store writes them). */
  persisted?: PersistedState;
  /** Run the probed daemon child (reports each poll commit) instead of the built `skaha-tui daemon`. */
  probed?: boolean;
}

/** A daemon in a child process with its own throwaway SKAHA_TUI_HOME. */
export interface BenchDaemon {
  pid: number;
  env: NodeJS.ProcessEnv;
  paths: Paths;
  /** Poll commits, for a probed daemon (empty otherwise). */
  commits: PollCommit[];
  /** Resolves with the next `count` poll commits of a probed daemon. */
  nextCommits(count: number, timeoutMs?: number): Promise<PollCommit[]>;
  /** Calls a method of a probed daemon child (see daemon-child.ts); rejects for the built binary. */
  call<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  stop(): Promise<void>;
}

/** The environment of skaha-tui processes in a bench: a throwaway home and the simulator, nothing of the user's. */
export function benchEnv(home: string, sim: SimTarget, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(SKAHA_|CANFAR_|XDG_)/.test(name)) env[name] = value;
  }
  return { ...env, HOME: home, SKAHA_TUI_HOME: join(home, 'h'), SKAHA_URL: sim.baseUrl, SKAHA_TOKEN: sim.token, ...extra };
}

function waitExit(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Starts a daemon on the simulator and resolves once its socket answers. */
export async function startBenchDaemon(options: BenchDaemonOptions): Promise<BenchDaemon> {
  const home = tempDir('skb-');
  const env = benchEnv(home.dir, options.sim);
  const paths = resolvePaths(env);
  mkdirSync(paths.configDir, { recursive: true, mode: 0o700 });
  writeFileSync(paths.configFile, JSON.stringify({ ...options.config, notifications: { desktop: false } }));
  if (options.persisted !== undefined) {
    mkdirSync(paths.stateDir, { recursive: true, mode: 0o700 });
    writeFileSync(paths.stateFile, options.persisted.stateText);
    writeFileSync(paths.historyFile, options.persisted.historyBytes);
  }
  const commits: PollCommit[] = [];
  const waiters = new Set<() => void>();
  let pid: number;
  let stopChild: () => Promise<void>;
  let call: BenchDaemon['call'] = async () => {
    throw new Error('only a probed bench daemon answers calls');
  };
  if (options.probed) {
    // BENCH_PROF=<dir> writes a CPU profile of the daemon there (for looking into a figure).
    const profile = process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
    const child: BenchChild = await startChild('daemon-child.js', {}, env, [...process.execArgv, ...profile]);
    child.on('poll', (commit: PollCommit) => {
      commits.push(commit);
      for (const waiter of [...waiters]) waiter();
    });
    pid = child.pid;
    stopChild = () => child.stop();
    call = (method, ...args) => child.call(method, ...args);
  } else {
    const daemon = defaultDaemonCommand();
    const child = spawn(daemon.command, daemon.args, { env, stdio: 'ignore' });
    pid = child.pid!;
    stopChild = async () => {
      child.kill('SIGTERM');
      await waitExit(child, 5_000);
    };
  }
  try {
    await waitFor('the daemon socket', async () => (await probeDaemonSocket(paths.socketPath, 200)) === 'live', 20_000, 25);
  } catch (error) {
    await stopChild();
    home.remove();
    throw error;
  }
  return {
    pid,
    env,
    paths,
    commits,
    call,
    nextCommits(count, timeoutMs = 60_000) {
      const target = commits.length + count;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${count} polls`)), timeoutMs);
        const check = () => {
          if (commits.length < target) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(commits.slice(target - count, target));
        };
        waiters.add(check);
      });
    },
    async stop() {
      await stopChild();
      home.remove();
    },
  };
}

/** A daemon config that polls sessions every `everyMs` and leaves stats and the catalogue alone (read once at start). */
export function steadyPolling(everyMs: number): Record<string, unknown> {
  const day = 24 * 3600_000;
  return { polling: { fastMs: everyMs, normalMs: everyMs, slowMs: everyMs, fastAfterActionMs: 0, statsMs: day, catalogueMs: day } };
}
