// End to end in a real terminal: tmux runs the built binary (dashboard, with the daemon it starts)
// against the simulator. Set SKAHA_TUI_E2E_BIN to test another build than dist/.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { TmuxPane } from './helpers/tmux.js';
import { daemonPid as pidIn, e2eHome, stopDaemon as stopDaemonIn } from './helpers/e2e-home.js';

const BIN = path.resolve(process.env.SKAHA_TUI_E2E_BIN ?? 'dist/bin/skaha-tui.js');
const DASHBOARD_MAIN = path.join(path.dirname(BIN), '..', 'tui', 'main.js');

let sim: RunningSimulator;
let dir: string;
let home: string;
const panes: TmuxPane[] = [];

function env(): Record<string, string> {
  return {
    // tmux sets TERM_PROGRAM=tmux inside its panes, hiding the outer terminal: name the method.
    NCURSES_NO_UTF8_ACS: '1',
    LANG: 'C.UTF-8',
    SKAHA_TUI_TERMINAL_NOTIFY: 'osc777',
    SKAHA_TUI_HOME: home,
    SKAHA_URL: sim.baseUrl,
    SKAHA_TOKEN: sim.token,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
  };
}

const daemonPid = () => pidIn(home);
const stopDaemon = () => stopDaemonIn(home);

function pane(name: string, command: string): TmuxPane {
  const p = new TmuxPane(dir, name);
  panes.push(p);
  p.start(command, env());
  return p;
}

beforeAll(async () => {
  ({ dir, home } = e2eHome('skt-e2e-'));
  sim = await startSimulator({ port: 0, speed: 2, seed: 11 });
  sim.seedSession({ kind: 'notebook', name: 'analysis', ageSeconds: 3600, cores: 2, ram: 8 });
  sim.seedSession({ kind: 'carta', name: 'cube-viewer', ageSeconds: 7200 });
});

afterAll(async () => {
  for (const p of panes) p.kill();
  stopDaemon();
  await sim?.close();
  await new Promise((resolve) => setTimeout(resolve, 300));
  rmSync(dir, { recursive: true, force: true });
});

describe('dashboard in tmux against the simulator', { timeout: 120_000 }, () => {
  let app: TmuxPane;

  it('starts the daemon and shows the sessions', async () => {
    app = pane('app', `node ${BIN}`);
    const text = await app.waitFor(/analysis\s+notebook\s+Running/, 20_000);
    expect(text).toMatch(/┌─+ Sessions ─+┐/);
    expect(text).toMatch(/daemon ● connected/);
    expect(text).toMatch(/cube-viewer\s+carta\s+Running/);
    expect(daemonPid()).not.toBeNull();
  });

  it('launches a notebook through the form: Pending at once, then Running, and the user is told', async () => {
    app.keys(['n']);
    await app.waitFor(/Launch a session/);
    app.keys(['Down']);
    app.keys(['astroml:lat'], true);
    await app.waitFor(/> images\.canfar\.net\/skaha\/astroml:latest/);
    // Tab completes the highlighted suggestion, a second Tab moves on to the name, Ctrl-U clears it.
    app.keys(['Tab']);
    await app.waitFor(/Image\s+images\.canfar\.net\/skaha\/astroml:latest▏/);
    app.keys(['Tab']);
    app.keys(['C-u']);
    app.keys(['e2enb'], true);
    await app.waitFor(/skaha-tui launch notebook images\.canfar\.net\/skaha\/astroml\S* --name e2enb/);
    app.keys(['Enter']);
    await app.waitFor(/e2enb\s+notebook\s+Pending/, 10_000);
    await app.waitFor(/e2enb\s+notebook\s+Running/, 30_000);
    await app.waitFor(/e2enb is ready/, 5_000);
  });

  it('writes a terminal notification escape sequence on a state change', async () => {
    await app.waitFor(() => app.written().includes(']777;notify;'), 20_000);
    expect(app.written()).toMatch(/\u001bPtmux;\u001b\u001b\]777;notify;[^\u0007]*e2enb/);
  });

  it('renews the selected session after a confirmation', async () => {
    await app.waitFor(/\S+\s+e2enb\s+notebook\s+Running/);
    const before = sim.requestCount('session.renew');
    app.keys(['r']);
    await app.waitFor(/Renew 1 session\?/);
    app.keys(['y']);
    await app.waitFor(/e2enb: (renewed until \d\d:\d\d \w{3}|not renewed: not needed yet)/);
    expect(sim.requestCount('session.renew')).toBe(before + 1);
  });

  it('the log pane shows new lines as the simulator writes them', async () => {
    app.keys(['/']);
    app.keys(['analysis'], true);
    app.keys(['Enter', 'l']);
    const first = await app.waitFor(/Logs analysis \(\w+\) — follow — \d+ lines/);
    const count = Number(/— (\d+) lines/.exec(first)![1]);
    // A notebook logs every few simulated minutes: move the simulator's time on instead of waiting.
    sim.advance(10 * 60_000);
    await app.waitFor((text) => {
      const m = /Logs analysis \(\w+\) — follow — (\d+) lines/.exec(text);
      return m !== null && Number(m[1]) > count;
    }, 30_000);
    app.keys(['Escape']);
  });

  it('the filter hides rows', async () => {
    app.keys(['Escape']);
    await app.waitFor(/cube-viewer/);
    app.keys(['/']);
    app.keys(['cube'], true);
    app.keys(['Enter']);
    const text = await app.waitFor(/filter \/cube\//);
    expect(text).toMatch(/cube-viewer\s+carta/);
    expect(text).not.toMatch(/analysis\s+notebook/);
    // Only the table: the footer may still flash the renew of e2enb.
    expect(text).not.toMatch(/e2enb\s+notebook/);
    app.keys(['Escape']);
    await app.waitFor(/analysis\s+notebook/);
  });

  it('deletes with a confirmation listing what will go', async () => {
    app.keys(['/']);
    app.keys(['e2enb'], true);
    app.keys(['Enter']);
    await app.waitFor(/filter \/e2enb\//);
    app.keys(['d']);
    const dialog = await app.waitFor(/Delete 1 session\? This cannot be undone\./);
    expect(dialog).toMatch(/These will go:/);
    expect(dialog).toMatch(/skaha-tui delete \w+/);
    app.keys(['y']);
    await app.waitFor(/delete requested for 1 session/);
    await app.waitFor((text) => !/e2enb\s+notebook\s+(Running|Terminating)/.test(text), 30_000);
    app.keys(['Escape']);
  });

  it('daemon killed: banner, the data stays; daemon back: it recovers', async () => {
    const pid = daemonPid()!;
    process.kill(pid, 'SIGKILL');
    const banner = await app.waitFor(/daemon unreachable — retrying/, 15_000);
    expect(banner).toMatch(/analysis\s+notebook\s+Running/);
    const started = spawnSync(process.execPath, [BIN, 'daemon', 'start'], { env: { ...process.env, ...env() }, encoding: 'utf8', timeout: 20_000 });
    expect(started.status, started.stderr).toBe(0);
    await app.waitFor((text) => !text.includes('daemon unreachable') && /daemon ● connected/.test(text), 30_000);
    expect(app.capture()).toMatch(/analysis\s+notebook\s+Running/);
  });

  it('q quits cleanly with exit code 0 and leaves the daemon running', async () => {
    app.keys(['q']);
    expect(await app.waitForExit()).toBe(0);
    expect(daemonPid()).not.toBeNull();
  });

  it('--readonly blocks delete', async () => {
    const ro = pane('ro', `node --input-type=module -e "process.exitCode = await (await import('${DASHBOARD_MAIN}')).runDashboard(['--readonly'])"`);
    await ro.waitFor(/READ-ONLY/, 20_000);
    await ro.waitFor(/analysis\s+notebook\s+Running/);
    const before = sim.requestCount('session.delete');
    ro.keys(['d']);
    await ro.waitFor(/read-only: delete is disabled/);
    expect(ro.capture()).not.toContain('This cannot be undone');
    expect(sim.requestCount('session.delete')).toBe(before);
    ro.keys(['q']);
  });
});
