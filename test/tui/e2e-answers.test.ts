// End to end in a real terminal: the built dashboard (and the daemon it starts) against the simulator,
// read as a person would: a queued job says why it waits until it runs, a preemption is an event and a
// notification, a renew that moves nothing says so, a job killed for memory says "likely out of memory".
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { TmuxPane } from './helpers/tmux.js';

const BIN = path.resolve(process.env.SKAHA_TUI_E2E_BIN ?? 'dist/bin/skaha-tui.js');

let sim: RunningSimulator;
let dir: string;
let home: string;
let app: TmuxPane;
const ids: Record<string, string> = {};

const row = (text: string, name: string) => text.split('\n').find((l) => new RegExp(`\\s${name}\\s`).test(l)) ?? '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'skt-ans-'));
  home = path.join(dir, 'home');
  mkdirSync(path.join(home, 'config'), { recursive: true, mode: 0o700 });
  writeFileSync(
    path.join(home, 'config', 'config.json'),
    JSON.stringify({ notifications: { desktop: false }, polling: { fastMs: 1000, normalMs: 1000, slowMs: 2000, statsMs: 60_000 } }),
  );
  sim = await startSimulator({ port: 0, speed: 1, seed: 13 });
  // Times are clock seconds from now: queued 12 s, then its pod pulls the image for ~10 s, then it runs.
  ids.survey = sim.seedSession({ kind: 'headless', name: 'survey', status: 'Pending', queuedSeconds: 12, pendingSeconds: 32, runSeconds: 3600 });
  ids.sweep = sim.seedSession({ kind: 'headless', name: 'sweep', ageSeconds: 120, runSeconds: 3600, preempt: { inSeconds: 25, queuedSeconds: 60 } });
  ids.fit = sim.seedSession({ kind: 'headless', name: 'fit-model', ageSeconds: 2, pendingSeconds: 1, runSeconds: 30, ram: 4, trouble: 'oom' });
  ids.stuck = sim.seedSession({ kind: 'notebook', name: 'stuck', ageSeconds: 3600, expiresInSeconds: 1800, renew: 'ignored' });
  app = new TmuxPane(dir, 'answers');
  app.start(`node ${BIN}`, {
    NCURSES_NO_UTF8_ACS: '1',
    LANG: 'C.UTF-8',
    SKAHA_TUI_TERMINAL_NOTIFY: 'osc777',
    SKAHA_TUI_HOME: home,
    SKAHA_URL: sim.baseUrl,
    SKAHA_TOKEN: sim.token,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
  });
});

afterAll(async () => {
  app?.keys(['q']);
  await app?.waitForExit(5_000);
  app?.kill();
  let pid = 0;
  try {
    pid = Number(readFileSync(path.join(home, 'run', 'daemon.pid'), 'utf8').trim());
    process.kill(pid, 'SIGTERM');
  } catch {
    // not running
  }
  // The daemon flushes its files as it stops: remove them only once it is gone.
  for (let i = 0; i < 50 && pid > 0; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the dashboard gives answers (tmux, simulator in real time)', { timeout: 120_000 }, () => {
  it('a queued headless job shows "queued — no pod yet", then "pulling image", then Running', async () => {
    await app.waitFor((t) => /survey\s+headless\s+Pending\s+queued — no pod yet \(Kueue\)/.test(t), 20_000);
    await app.waitFor((t) => /survey\s+headless\s+Pending\s+pulling image/.test(row(t, 'survey')), 30_000);
    await app.waitFor((t) => /survey\s+headless\s+Running/.test(row(t, 'survey')), 30_000);
    expect(row(app.capture(), 'survey')).not.toMatch(/queued|pulling/);
  });

  it('a job killed for memory shows "likely out of memory"', async () => {
    app.keys(['a']);
    const text = await app.waitFor((t) => /fit-model\s+headless\s+Failed\s+likely out of memory/.test(row(t, 'fit-model')), 40_000);
    expect(text).toMatch(/all sessions/);
  });

  it('a preempted session shows the event and the notification', async () => {
    await app.waitFor((t) => /sweep\s+headless\s+Pending\s+preempted — queued again/.test(row(t, 'sweep')), 40_000);
    await app.waitFor(() => /\]777;notify;[^\u0007]*Session sweep was preempted/.test(app.written()), 10_000);
  });

  it('a renew that does not move the expiry is reported as such', async () => {
    app.keys(['/']);
    app.keys(['stuck'], true);
    app.keys(['Enter']);
    await app.waitFor(/filter \/stuck\//);
    app.keys(['r']);
    await app.waitFor(/Renew 1 session\?/);
    app.keys(['y']);
    const text = await app.waitFor(/stuck: not renewed: the server did not renew it \(its expiry did not move\)/, 15_000);
    expect(row(text, 'stuck')).toMatch(/not renewed: the server did not/);
  });
});
