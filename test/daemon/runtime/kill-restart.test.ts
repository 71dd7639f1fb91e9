import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonStateStore } from '../../../daemon/store/json-state-store.js';
import { readDaemonPid } from '../../../src/daemon-client/socket-probe.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { buildDaemon, type DaemonBuild } from '../../helpers/daemon-child.js';
import { createFakeBin, type FakeBin } from '../../helpers/fake-bin.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { makeShortHome } from '../../helpers/start-daemon.js';
import { waitUntil } from '../../helpers/wait-until.js';

const ROUNDS = 50;
let build: DaemonBuild;
let sim: RunningSimulator;
let bin: FakeBin;
let home: ReturnType<typeof makeShortHome>;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  build = buildDaemon();
  // Speed 100: notebooks start in ~60 ms, jobs run 0.6 s, so every restart finds changes to report.
  sim = await startSimulator({ seed: 9, speed: 100 });
  bin = createFakeBin(['notify-send']);
  home = makeShortHome();
  mkdirSync(dirname(home.paths.configFile), { recursive: true });
  writeFileSync(
    home.paths.configFile,
    JSON.stringify({
      url: sim.baseUrl,
      token: sim.token,
      polling: { fastMs: 500, normalMs: 1_000, slowMs: 1_000, backoffCapMs: 1_000, statsMs: 60_000 },
    }),
  );
  env = {
    HOME: home.home,
    SKAHA_TUI_HOME: home.env.SKAHA_TUI_HOME,
    PATH: `${bin.dir}:${process.env.PATH}`,
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
  };
});
afterAll(async () => {
  await sim?.close();
  build?.cleanup();
  rmSync(home.home, { recursive: true, force: true });
  rmSync(bin.dir, { recursive: true, force: true });
});

/** A deterministic pseudo-random sequence (so a failure can be replayed). */
function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

async function stateFileLoads(): Promise<string | null> {
  if (!existsSync(home.paths.stateFile)) return null;
  const store = new JsonStateStore(home.paths.stateFile, { clock: new FakeClock() });
  try {
    return (await store.load()).warning;
  } finally {
    await store.close();
  }
}

/** Titles given to notify-send, with how often each was shown. */
function shownTitles(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of bin.calls('notify-send')) counts.set(call[5], (counts.get(call[5]) ?? 0) + 1);
  return counts;
}

describe('kill -9 of the daemon process, again and again', () => {
  it(`the state file always loads and no notification is shown twice across ${ROUNDS} kills`, async () => {
    const random = lcg(42);
    for (let round = 0; round < ROUNDS; round++) {
      sim.seedSession({ kind: 'notebook', status: 'Pending', name: `nb${round}x` });
      sim.seedSession({ kind: 'headless', status: 'Pending', name: `job${round}x` });
      const child = build.spawn([], env);
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
      // Most kills land in the first polls after start-up (writes, flushes, notify-send runs);
      // every fifth lands during start-up itself.
      if (round % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 50 + random() * 200));
      else {
        await waitUntil(() => readDaemonPid(home.paths.pidFile) === child.pid, `round ${round}: the daemon to start`);
        await new Promise((resolve) => setTimeout(resolve, random() * 120));
      }
      child.kill('SIGKILL');
      expect(await exited, `round ${round}: ${stderr}`).toBe('SIGKILL');
      expect(await stateFileLoads(), `round ${round}: the state file must load`).toBeNull();
    }
    const titles = shownTitles();
    const repeated = [...titles].filter(([, n]) => n > 1);
    expect(repeated, 'notifications shown more than once').toEqual([]);
    expect(titles.size, 'enough notifications to make the check meaningful').toBeGreaterThanOrEqual(20);

    // A last, clean run: SIGTERM takes the one shutdown path and exits 0, leaving no pid or socket behind.
    const child = build.spawn([], env);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await waitUntil(() => readDaemonPid(home.paths.pidFile) === child.pid, 'the daemon to start');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(home.paths.pidFile)).toBe(false);
    expect(existsSync(home.paths.socketPath)).toBe(false);
    expect(await stateFileLoads()).toBeNull();
    expect([...shownTitles()].filter(([, n]) => n > 1)).toEqual([]);
    const log = readFileSync(home.paths.daemonLog, 'utf8');
    expect(log).toMatch(/daemon stopped reason="signal SIGTERM"/);
    expect(log).not.toContain(sim.token);
  }, 60_000);
});
