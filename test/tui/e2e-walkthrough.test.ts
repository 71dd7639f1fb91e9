// A new user's walk through the built dashboard in tmux, against the simulator: launch through the
// form by typing a full image name, then press `o` where no browser can open (as over SSH) and find
// the URL on screen. Set SKAHA_TUI_E2E_BIN to test another build than dist/.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { createConnection } from '../../src/config/create-connection.js';
import { TmuxPane } from './helpers/tmux.js';
import { closeE2e, e2eHome } from './helpers/e2e-home.js';

const BIN = path.resolve(process.env.SKAHA_TUI_E2E_BIN ?? 'dist/bin/skaha-tui.js');

let sim: RunningSimulator;
let dir: string;
let home: string;
let app: TmuxPane;

beforeAll(async () => {
  ({ dir, home } = e2eHome('skt-walk-'));
  sim = await startSimulator({ port: 0, speed: 2, seed: 12 });
  sim.seedSession({ kind: 'carta', name: 'cube-viewer', ageSeconds: 600 });
  app = new TmuxPane(dir, 'walk');
  // No browser here: PATH holds only node (no xdg-open, no open), and BROWSER names none.
  app.start(`node ${BIN}`, {
    NCURSES_NO_UTF8_ACS: '1', LANG: 'C.UTF-8', SKAHA_TUI_HOME: home, SKAHA_URL: sim.baseUrl, SKAHA_TOKEN: sim.token,
    PATH: path.dirname(process.execPath), BROWSER: '',
  });
});

afterAll(() => closeE2e({ pane: app, home, sim, dir }));

describe('a new user in tmux', { timeout: 120_000 }, () => {
  it('launches through the form by typing a full image name', async () => {
    await app.waitFor(/cube-viewer\s+carta\s+Running/, 20_000);
    app.keys(['n']);
    await app.waitFor(/Launch a session/);
    app.keys(['Down']);
    app.keys(['skaha/astroml:latest'], true);
    await app.waitFor(/Image\s+skaha\/astroml:latest▏/);
    // A full name needs no picking: Tab takes it as typed and moves on to the name.
    app.keys(['Tab']);
    await app.waitFor(/Name\s+notebook1▏/);
    app.keys(['C-u']);
    app.keys(['walkthrough'], true);
    await app.waitFor(/skaha-tui launch notebook images\.canfar\.net\/skaha\/astroml:latest --name walkthrough/);
    app.keys(['Enter']);
    await app.waitFor(/walkthrough\s+notebook\s+Pending/, 10_000);
    await app.waitFor(/walkthrough\s+notebook\s+Running/, 30_000);
  });

  it('o with no browser shows the URL on screen, copies it (OSC 52) and says both', async () => {
    const id = /(\w{8}) walkthrough\s+notebook\s+Running/.exec(app.capture())![1];
    const client = new SkahaClient(createConnection({ url: sim.baseUrl, token: sim.token }));
    const url = (await client.getSession(id)).url;
    await client.close();
    expect(url).toMatch(/^https:\/\//);
    app.keys(['o']);
    const text = await app.waitFor(/Open in the browser/);
    expect(text).toContain('No browser could be opened here');
    expect(text).toContain(url!);
    expect(text).toContain('no browser here: the URL of walkthrough is shown, and copied (OSC 52)');
    expect(app.written()).toContain(Buffer.from(url!).toString('base64'));
    app.keys(['Escape']);
    await app.waitFor((screen) => !screen.includes('Open in the browser'));
    app.keys(['q']);
    expect(await app.waitForExit()).toBe(0);
  });
});
