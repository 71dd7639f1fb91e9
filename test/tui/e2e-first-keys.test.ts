// End to end in a real terminal: the built dashboard loads its keys, dialogs and prompt after its
// first frame; a key pressed as soon as that frame shows works the first time, and q quits cleanly
// even while they are still loading. Set SKAHA_TUI_E2E_BIN to test another build than dist/.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { TmuxPane } from './helpers/tmux.js';
import { closeE2e, e2eHome } from './helpers/e2e-home.js';

const BIN = path.resolve(process.env.SKAHA_TUI_E2E_BIN ?? 'dist/bin/skaha-tui.js');

let sim: RunningSimulator;
let dir: string;
let home: string;
let pane: TmuxPane | undefined;
let n = 0;

beforeAll(async () => {
  ({ dir, home } = e2eHome('skt-first-'));
  sim = await startSimulator({ port: 0, speed: 1, seed: 5 });
  sim.seedSession({ kind: 'notebook', name: 'analysis', ageSeconds: 3600, cores: 2, ram: 8 });
});

afterAll(async () => {
  await closeE2e({ pane, home, sim, dir });
});

/** A new dashboard, once its first frame with the sessions shows. */
async function started(): Promise<TmuxPane> {
  pane?.kill();
  pane = new TmuxPane(dir, `first${++n}`);
  pane.start(`node ${BIN}`, {
    NCURSES_NO_UTF8_ACS: '1',
    LANG: 'C.UTF-8',
    SKAHA_TUI_HOME: home,
    SKAHA_URL: sim.baseUrl,
    SKAHA_TOKEN: sim.token,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
  });
  await pane.waitFor(/analysis\s+notebook/, 20_000);
  return pane;
}

describe('the first key of a freshly started dashboard', { timeout: 120_000 }, () => {
  const cases: [string, string[], RegExp][] = [
    [': opens the prompt and runs a command', [':', 'sort name --reverse', 'Enter'], /NAME ↓/],
    ['x opens the export dialog', ['x'], /Export the table/],
    ['U opens the usage dialog', ['U'], /Usage, last 7 days/],
    ['? opens the help', ['?'], /─ Keys ─/],
    ['n opens the launch form', ['n'], /Launch a session/],
  ];
  it.each(cases)('%s', async (_name, keys, shows) => {
    const app = await started();
    for (const key of keys) app.keys([key], key.length > 1 && !/^[A-Z][a-z]+$/.test(key));
    await app.waitFor(shows);
  });

  it('q at once quits with 0, the terminal restored', async () => {
    const app = await started();
    app.keys(['q']);
    expect(await app.waitForExit()).toBe(0);
    expect(app.written()).toContain('\u001b[?1049l');
  });
});
