// A new user's walk through the built dashboard in tmux, against the simulator: launch through the
// form by typing a full image name; mark three sessions, let one leave while the delete dialog is
// open, and check that counts, marks and the dialog agree; then press `o` where no browser can open
// (as over SSH) and find the URL on screen. Set SKAHA_TUI_E2E_BIN to test another build than dist/.
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
  // Younger than cube-viewer: with the newest first, the launched notebook and these two are the top three rows.
  sim.seedSession({ kind: 'headless', name: 'job-a', ageSeconds: 300, runSeconds: 36_000, cmd: 'python', args: 'a.py' });
  sim.seedSession({ kind: 'headless', name: 'job-b', ageSeconds: 400, runSeconds: 36_000, cmd: 'python', args: 'b.py' });
  app = new TmuxPane(dir, 'walk');
  // No browser here: PATH holds only node (no xdg-open, no open), and BROWSER names none.
  app.start(`node ${BIN}`, {
    NCURSES_NO_UTF8_ACS: '1',
    LANG: 'C.UTF-8',
    SKAHA_TUI_HOME: home,
    SKAHA_URL: sim.baseUrl,
    SKAHA_TOKEN: sim.token,
    PATH: path.dirname(process.execPath),
    BROWSER: '',
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

  it('marks three sessions, one leaves: counts, marks and the open dialog agree with the rows', async () => {
    // The table's sessions: a row that just left stays a moment, greyed and marked "-", and is no session.
    const rows = (screen: string) => screen.split('\n').filter((l) => /^│ .[^-] [a-z0-9]{8} /.test(l));
    const marked = (screen: string) => rows(screen).filter((l) => l.startsWith('│ ✓'));
    const count = (screen: string) => Number(/(\d+) sessions?\b/.exec(screen.split('\n').find((l) => l.startsWith('filter')) ?? '')?.[1]);
    const before = await app.waitFor(/job-b\s+headless\s+Running/, 20_000);
    expect(count(before)).toBe(4);
    expect(rows(before)).toHaveLength(4);
    app.keys(['g']);
    app.keys(['Space', 'Space', 'Space']);
    expect(marked(await app.waitFor(/4 sessions {2}3 marked/))).toHaveLength(3);
    app.keys(['d']);
    const dialog = await app.waitFor(/Delete 3 sessions\?/);
    for (const name of ['walkthrough', 'job-a', 'job-b']) expect(dialog).toMatch(new RegExp(`${name}\\s+(notebook|headless)\\s+Running`));
    // job-a leaves (deleted from elsewhere, as from another terminal) while the dialog is open.
    const jobA = /(\w{8}) job-a\s+headless/.exec(dialog)![1];
    const client = new SkahaClient(createConnection({ url: sim.baseUrl, token: sim.token }));
    await client.deleteSession(jobA);
    await client.close();
    // The footer says why the dialog changed (a daemon notice about job-a may join the note, not hide it).
    const after = await app.waitFor(
      (screen) => screen.includes('Delete 2 sessions?') && screen.includes('job-a left: the dialog now lists 2 sessions'),
      30_000,
    );
    expect(after).toMatch(/3 sessions {2}2 marked/);
    expect(after).not.toMatch(/job-a\s+headless\s+Running/);
    expect(after).toContain(`skaha-tui delete ${/(\w{8}) walkthrough/.exec(after)![1]} ${/(\w{8}) job-b/.exec(after)![1]}`);
    app.keys(['n']);
    const closed = await app.waitFor((screen) => !screen.includes('Delete 2 sessions'));
    expect(count(closed)).toBe(3);
    expect(rows(closed)).toHaveLength(3);
    expect(closed).toMatch(/3 sessions {2}2 marked/);
    expect(marked(closed)).toHaveLength(2);
    // Back to the launched notebook (the newest, at the top) for the next step.
    app.keys(['g']);
    await app.waitFor(/walkthrough \(\w{8}\) notebook/);
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
