import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from '../../src/config/create-connection.js';
import { resolvePaths, type Paths } from '../../src/config/paths.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Notifier, DesktopNotification } from '../../src/ports/notifier.js';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/sim/index.js';
import { DEFAULT_DAEMON_CONFIG, type DaemonConfig, type PollingConfig } from '../../daemon/config/daemon-config.js';
import { startDaemon, type DaemonLogger, type RunningDaemon, type StartDaemonOptions } from '../../daemon/daemon.js';
import type { StateStore } from '../../daemon/store/state-store.js';
import { TestClient, type TestClientOptions } from './ws-client.js';

/** Fast cadence for tests: 100 ms fast polls, back-off capped at 500 ms. */
export const TEST_POLLING: PollingConfig = {
  fastMs: 100,
  normalMs: 200,
  slowMs: 400,
  fastAfterActionMs: 2_000,
  fastWhilePendingMs: 600_000,
  backoffCapMs: 500,
  statsMs: 300,
  catalogueMs: 60_000,
};

/** A notifier that records what it was asked to show. */
export interface RecordingNotifier extends Notifier {
  shown: DesktopNotification[];
}

/** A Notifier double that records every notification and reports success. */
export function recordingNotifier(): RecordingNotifier {
  const shown: DesktopNotification[] = [];
  return {
    mechanism: 'recording',
    shown,
    notify: async (n) => {
      shown.push(n);
      return true;
    },
  };
}

/** Options of startTestDaemon; everything has a test-friendly default. */
export interface TestDaemonOptions {
  clock?: Clock;
  polling?: Partial<PollingConfig>;
  config?: Partial<DaemonConfig>;
  /** Use the config file instead of an explicit config. */
  configFromFile?: boolean;
  sim?: SimulatorOptions;
  notifier?: Notifier;
  logger?: DaemonLogger;
  store?: StateStore;
  tcp?: { host: string; port: number } | null;
  /** Request timeouts of the daemon's client (default: connect 500 ms, total 1500 ms). */
  timeouts?: { connectMs: number; totalMs: number };
  extra?: Partial<StartDaemonOptions>;
}

/** A daemon in this process, a simulator it polls, and a temp SKAHA_TUI_HOME. */
export interface TestDaemon {
  sim: RunningSimulator;
  daemon: RunningDaemon;
  home: string;
  paths: Paths;
  env: NodeJS.ProcessEnv;
  notifier: Notifier;
  /** Opens a websocket client on the daemon's Unix socket (hello sent unless told otherwise). */
  client(options?: Partial<TestClientOptions>): Promise<TestClient>;
  /** Stops the daemon, the simulator and the clients, and removes the temp home. */
  cleanup(): Promise<void>;
}

/** A short temp home (Unix socket paths must stay under ~104 bytes). */
export function makeShortHome(): { home: string; env: NodeJS.ProcessEnv; paths: Paths } {
  const home = mkdtempSync(join(tmpdir(), 'sk-'));
  const env: NodeJS.ProcessEnv = { HOME: home, SKAHA_TUI_HOME: join(home, 'h') };
  return { home, env, paths: resolvePaths(env) };
}

/** Starts a simulator and a daemon on it, in this process. */
export async function startTestDaemon(options: TestDaemonOptions = {}): Promise<TestDaemon> {
  const { home, env, paths } = makeShortHome();
  const sim = await startSimulator({ seed: 7, ...options.sim });
  const notifier = options.notifier ?? recordingNotifier();
  const connection = createConnection({ url: sim.baseUrl, token: sim.token, timeouts: options.timeouts ?? { connectMs: 500, totalMs: 1_500 } });
  const config: DaemonConfig = {
    ...DEFAULT_DAEMON_CONFIG,
    ...options.config,
    polling: { ...TEST_POLLING, ...options.polling },
  };
  const daemon = await startDaemon({
    paths,
    connection,
    clock: options.clock,
    config: options.configFromFile ? undefined : config,
    notifier,
    logger: options.logger,
    store: options.store,
    env,
    tcp: options.tcp,
    timing: { watchDebounceMs: 50, missingDirPollMs: 50 },
    ...options.extra,
  });
  const clients: TestClient[] = [];
  return {
    sim,
    daemon,
    home,
    paths,
    env,
    notifier,
    async client(clientOptions = {}) {
      const client = await TestClient.open({ target: paths.socketPath, ...clientOptions });
      clients.push(client);
      return client;
    },
    async cleanup() {
      await daemon.stop('test over');
      await Promise.all(clients.map((c) => c.close()));
      await sim.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** The websocket test client, re-exported so daemon tests need one import. */
export { TestClient, type TestClientOptions } from './ws-client.js';
