// With no daemon running, `logs --follow` starts one (detached, with the CLI's connection settings) and streams through it.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { readDaemonPid } from '../../src/daemon-client/socket-probe.js';
import { makeShortHome } from '../helpers/start-daemon.js';
import { waitUntil } from '../helpers/wait-until.js';
import { assertBuilt, isolatedEnv, runBin, startBin, type LiveBin } from './spawn-cli.js';

let sim: RunningSimulator;
let follow: LiveBin | undefined;
const { home, env: homeEnv, paths } = makeShortHome();
const env = () => isolatedEnv(home, { SKAHA_TUI_HOME: homeEnv.SKAHA_TUI_HOME!, SKAHA_URL: sim.baseUrl, SKAHA_TOKEN: sim.token });

beforeAll(async () => {
  assertBuilt();
  sim = await startSimulator({ speed: 100, seed: 11 });
});
afterAll(async () => {
  follow?.child.kill('SIGKILL');
  await runBin(['daemon', 'stop'], env()).catch(() => undefined);
  const pid = readDaemonPid(paths.pidFile);
  if (pid !== null) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await sim?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('auto-start', { timeout: 60_000 }, () => {
  it('logs --follow starts the daemon when none runs, then streams through it; the daemon outlives the CLI', async () => {
    const id = sim.seedSession({ kind: 'notebook', name: 'auto', ageSeconds: 0.2, pendingSeconds: 0.1 });
    expect(existsSync(paths.socketPath)).toBe(false);
    follow = startBin(['logs', id, '-f', '-v'], env());
    await waitUntil(() => follow!.stdout().includes('Jupyter Server 2.14.2 is running at:'), 'the log through the started daemon', 20_000);
    expect(follow.stderr()).toMatch(/INFO  started the skaha-tui daemon/);
    follow.child.kill('SIGINT');
    expect((await follow.exited).code).toBe(0);
    const status = await runBin(['daemon', 'status'], env());
    expect(status.code, status.stdout + status.stderr).toBe(0);
    expect(status.stdout).toMatch(/running/i);
    expect(readFileSync(paths.daemonLog, 'utf8')).not.toContain(sim.token);
  });
});
