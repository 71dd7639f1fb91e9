// End to end in a real terminal: the dashboard's c key launches a finished session again, and reruns
// the failed replicas of a job array with their REPLICA_IDs, checked by what the simulator received.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { isolatedEnv, runBin } from '../cli/spawn-cli.js';
import { TmuxPane } from './helpers/tmux.js';
import { closeE2e, e2eHome } from './helpers/e2e-home.js';

const BIN = path.resolve(process.env.SKAHA_TUI_E2E_BIN ?? 'dist/bin/skaha-tui.js');

let sim: RunningSimulator;
let dir: string;
let home: string;
let app: TmuxPane;

/** The query of every create the simulator received since the last reset. */
const creates = () =>
  sim
    .requestLog()
    .filter((r) => r.endpoint === 'session.create')
    .map((r) => new URL(r.url, 'http://sim').searchParams);

/** Launches through the CLI, which goes through the dashboard's daemon (so the daemon keeps the launch). */
async function cliLaunch(args: string[]): Promise<void> {
  const r = await runBin(args, isolatedEnv(home, { SKAHA_URL: sim.baseUrl, SKAHA_TOKEN: sim.token }));
  expect(r.code, r.stderr).toBe(0);
}

/** Shows only the rows matching `text` (finished ones too) and selects the first. */
async function select(text: string): Promise<void> {
  app.keys(['/']);
  // The prompt starts with the current filter: cleared first.
  app.keys(Array.from({ length: 10 }, () => 'BSpace'));
  app.keys([text], true);
  app.keys(['Enter', 'g']);
  await app.waitFor(new RegExp(`filter /${text}/`));
}

beforeAll(async () => {
  ({ dir, home } = e2eHome('skt-relaunch-'));
  sim = await startSimulator({ port: 0, speed: 100, seed: 5, headlessRunSeconds: 5 });
  app = new TmuxPane(dir, 'app');
  app.start(`node ${BIN}`, {
    NCURSES_NO_UTF8_ACS: '1',
    LANG: 'C.UTF-8',
    SKAHA_TUI_TERMINAL_NOTIFY: 'off',
    SKAHA_TUI_HOME: home,
    SKAHA_URL: sim.baseUrl,
    SKAHA_TOKEN: sim.token,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
  });
  await app.waitFor(/daemon ● connected/, 20_000);
  app.keys(['a']);
  await app.waitFor(/all sessions/);
});

afterAll(() => closeE2e({ pane: app, home, sim, dir }));

describe('relaunch keys in tmux against the simulator', { timeout: 120_000 }, () => {
  it('c on a finished job launches it again, after a dialog with the equivalent command', async () => {
    await cliLaunch([
      'launch',
      'headless',
      'skaha/terminal:1.1.1',
      '--name',
      'once',
      '--cores',
      '2',
      '--ram',
      '4',
      '--env',
      'MODE=fast',
      '--',
      'python',
      'fit.py',
    ]);
    await app.waitFor(/once\s+headless\s+Completed/, 30_000);
    await select('once');
    app.keys(['c']);
    const dialog = await app.waitFor(/Launch once \(\S+\) again\?/);
    expect(dialog).toContain('As it was launched (the daemon kept its launch):');
    expect(dialog).toMatch(/Command\s+python fit\.py/);
    expect(dialog).toMatch(/skaha-tui relaunch \S+/);
    sim.resetRequests();
    app.keys(['y']);
    await app.waitFor(/launched once/);
    const [sent] = creates();
    expect(Object.fromEntries(sent)).toMatchObject({ name: 'once', type: 'headless', cores: '2', ram: '4', cmd: 'python', args: 'fit.py' });
    expect(sent.getAll('env')).toEqual(['MODE=fast', 'REPLICA_ID=1', 'REPLICA_COUNT=1']);
  });

  it('c on a job array reruns exactly its failed replicas, each with its REPLICA_ID and the count', async () => {
    sim.setFaults({ failReplicas: [2, 4] });
    await cliLaunch(['launch', 'headless', 'skaha/terminal:1.1.1', '--name', 'arr', '--replicas', '4', '--', 'python', 'run.py']);
    await select('arr');
    await app.waitFor(/arr\s+headless\s+\[\S+\] 4\/4 done {2}2 Completed 2 Failed/, 30_000);
    sim.clearFaults();
    app.keys(['c']);
    const dialog = await app.waitFor(/Rerun 2 failed replicas of arr \(of 4\)\?/);
    expect(dialog).toMatch(/Replicas\s+2, 4 of 4, each with its REPLICA_ID/);
    expect(dialog).toContain('skaha-tui relaunch arr --failed');
    sim.resetRequests();
    app.keys(['y']);
    await app.waitFor(/launched arr-2, arr-4/);
    expect(creates().map((q) => [q.get('name'), q.getAll('env')])).toEqual([
      ['arr-2', ['REPLICA_ID=2', 'REPLICA_COUNT=4']],
      ['arr-4', ['REPLICA_ID=4', 'REPLICA_COUNT=4']],
    ]);
    // Once the reruns complete, the group is whole: nothing is left to rerun.
    await app.waitFor(/arr\s+headless\s+\[\S+\] 4\/4 done {2}4 Completed/, 30_000);
    app.keys(['c']);
    await app.waitFor(/no failed replicas in arr \(4 Completed\)/);
  });
});
