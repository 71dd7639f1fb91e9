// End to end in a real terminal: tmux runs the built dashboard (and the daemon it starts) against the
// simulator; x exports the table to a file, : runs commands with Tab completion, the history survives
// a restart, and an alias added to the config file works without one. SKAHA_TUI_E2E_BIN tests another build.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { TmuxPane } from './helpers/tmux.js';
import { closeE2e, e2eHome } from './helpers/e2e-home.js';
import { waitUntil } from '../helpers/wait-until.js';

const BIN = path.resolve(process.env.SKAHA_TUI_E2E_BIN ?? 'dist/bin/skaha-tui.js');

let sim: RunningSimulator;
let dir: string;
let home: string;
const panes: TmuxPane[] = [];

function dashboard(name: string): TmuxPane {
  const p = new TmuxPane(dir, name);
  panes.push(p);
  // The export goes to the current directory: the test's own folder.
  p.start(`cd '${dir}' && node ${BIN}`, {
    NCURSES_NO_UTF8_ACS: '1',
    LANG: 'C.UTF-8',
    SKAHA_TUI_TERMINAL_NOTIFY: 'off',
    SKAHA_TUI_HOME: home,
    SKAHA_URL: sim.baseUrl,
    SKAHA_TOKEN: sim.token,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
  });
  return p;
}

beforeAll(async () => {
  ({ dir, home } = e2eHome('skt-cmd-'));
  sim = await startSimulator({ port: 0, speed: 2, seed: 13 });
  sim.seedSession({ kind: 'notebook', name: 'analysis', ageSeconds: 3600, cores: 2, ram: 8 });
  sim.seedSession({ kind: 'carta', name: 'cube-viewer', ageSeconds: 7200 });
  sim.seedSession({ kind: 'headless', name: 'calib', status: 'Completed', finishedSecondsAgo: 60 });
});

afterAll(() => closeE2e({ pane: { kill: () => panes.forEach((p) => p.kill()) }, home, sim, dir }));

describe('export and the command prompt in tmux', { timeout: 120_000 }, () => {
  let app: TmuxPane;

  it('x exports the table as shown to a Markdown file and says where', async () => {
    app = dashboard('first');
    await app.waitFor(/analysis\s+notebook\s+Running/, 20_000);
    await app.waitFor(/cube-viewer\s+carta\s+Running/);
    app.keys(['x']);
    await app.waitFor(/Export the table/);
    await app.waitFor(new RegExp(`in ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    app.keys(['m']);
    const text = await app.waitFor(/exported 2 sessions as Markdown to \S+\.md/);
    const file = /exported 2 sessions as Markdown to (\S+\.md)/.exec(text)![1];
    expect(path.dirname(file)).toBe(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\| id \| name \| kind \| status \|/);
    // Active sessions only (calib is Completed and the table hides it), oldest first as the table sorts them.
    expect(lines.slice(2).map((l) => l.split(' | ')[1])).toEqual(['analysis', 'cube-viewer']);
  });

  it(': completes commands and session names with Tab, and delete NAME goes through the usual confirmation', async () => {
    app.keys([':']);
    app.keys(['del'], true);
    app.keys(['Tab']);
    await app.waitFor(/^:del▏\s+del\s+delete\s*$/m);
    app.keys(['ete cube'], true);
    app.keys(['Tab']);
    await app.waitFor(/^:delete cube-viewer ▏\s*$/m);
    const before = sim.requestCount('session.delete');
    app.keys(['Enter']);
    await app.waitFor(/Delete 1 session\? This cannot be undone/);
    await app.waitFor(/skaha-tui delete \S+/);
    app.keys(['y']);
    await waitUntil(() => sim.requestCount('session.delete') === before + 1, 'the delete request');
    await app.waitFor(/delete requested for 1 session/);
  });

  it('an unknown command names the closest one; :quit quits', async () => {
    app.keys([':']);
    app.keys(['sotr name'], true);
    app.keys(['Enter']);
    await app.waitFor(/unknown command 'sotr': did you mean sort\?/);
    app.keys([':']);
    app.keys(['quit'], true);
    app.keys(['Enter']);
    expect(await app.waitForExit()).toBe(0);
  });

  it('the history survives a restart (owner-only), and ↑ recalls it', async () => {
    const history = path.join(home, 'state', 'prompt-history');
    // The unknown command was not kept.
    expect(readFileSync(history, 'utf8')).toBe('delete cube-viewer\nquit\n');
    expect(statSync(history).mode & 0o777).toBe(0o600);
    app = dashboard('second');
    await app.waitFor(/analysis\s+notebook\s+Running/, 20_000);
    app.keys([':', 'Up', 'Up']);
    await app.waitFor(/^:delete cube-viewer▏\s*$/m);
    app.keys(['Escape']);
    await app.waitFor((t) => !/^:delete/m.test(t));
  });

  it('an alias written to the config file works at once, without a restart', async () => {
    const config = path.join(home, 'config', 'config.json');
    const current = JSON.parse(readFileSync(config, 'utf8')) as Record<string, unknown>;
    writeFileSync(config, JSON.stringify({ ...current, commands: { aliases: { nbs: 'filter notebook' } } }));
    // The daemon applies the file, then the dashboard reads the new aliases: until then the name is unknown.
    for (let attempt = 0; attempt < 30 && !/filter \/notebook\/\s+sort/.test(app.capture()); attempt++) {
      app.keys([':']);
      app.keys(['nbs'], true);
      app.keys(['Enter']);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await app.waitFor(/filter \/notebook\/\s+sort/, 1_000);
    expect(app.capture()).toMatch(/analysis\s+notebook/);
  });
});
