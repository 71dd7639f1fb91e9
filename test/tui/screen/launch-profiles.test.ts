// The launch form's profiles: the saved ones listed, Enter on Profile loads one, Ctrl-S saves the form as one (never a secret).
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readJobFile } from '../../../src/config/job-file.js';
import { saveProfile } from '../../../src/config/profiles.js';
import { launchingDaemon } from '../helpers/launching-daemon.js';
import { useHeadlessDashboard } from '../helpers/headless-harness.js';
import type { Headless } from '../helpers/headless.js';

const start = useHeadlessDashboard();
let dir: string;
beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'skaha-profiles-')), 'profiles');
});
afterEach(async () => rm(path.dirname(dir), { recursive: true, force: true }));

const type = (h: Headless, text: string) => h.keys(...[...text].map((c) => (c === ' ' ? 'space' : c)));
/** Waits for file I/O the dashboard started to finish and the screen to show `text`. */
async function shows(h: Headless, text: string): Promise<void> {
  await vi.waitFor(async () => {
    await h.settle();
    expect(h.text()).toContain(text);
  });
}
const focus = (h: Headless) => (h.dashboard.model().view.modal as { form: { focus: string } }).form.focus;
const field = (h: Headless, label: string) => h.lines().find((l) => l.includes(`│ ${label.padEnd(16)} `)) ?? '';

describe('launch form profiles', () => {
  it('lists the saved profiles; Enter on Profile fills the form with one, and Enter elsewhere launches it', async () => {
    await saveProfile(dir, 'fit', {
      kind: 'headless',
      image: 'images.canfar.net/skaha/terminal:1.1.1',
      cores: 2,
      ram: 8,
      cmd: 'python',
      args: 'fit.py --fast',
      env: ['MODE=fast'],
      replicas: 3,
    });
    await saveProfile(dir, 'big', { kind: 'notebook', image: 'images.canfar.net/skaha/astroml:latest', cores: 8, ram: 32 });
    const { connection, launched } = launchingDaemon();
    const { h } = await start(connection, { profilesDir: dir, env: { NO_COLOR: '1' } });
    await h.keys('n');
    await shows(h, 'saved: big, fit');
    await h.keys('up');
    expect(h.text()).toContain('Enter loads the profile named here; Ctrl-S saves the form under this name');
    await type(h, 'fit');
    await h.keys('enter');
    await shows(h, 'loaded profile fit');
    expect(field(h, 'Kind')).toContain('headless');
    expect(field(h, 'Command')).toContain('python');
    expect(h.text()).toContain('skaha-tui launch headless images.canfar.net/skaha/terminal:1.1.1 --name headless1 --cores 2 --ram 8 \\');
    expect(h.text()).toContain('--env MODE=fast --replicas 3 -- python fit.py --fast');
    await h.keys('down', 'enter');
    await vi.waitFor(() => expect(launched).toHaveLength(1));
    expect(launched[0]).toEqual({
      kind: 'headless',
      image: 'images.canfar.net/skaha/terminal:1.1.1',
      name: 'headless1',
      cores: 2,
      ram: 8,
      cmd: 'python',
      args: 'fit.py --fast',
      env: ['MODE=fast'],
      replicas: 3,
    });
  });

  it('Ctrl-S saves the form as a private job file, secret env values redacted; the list shows it', async () => {
    const { connection, launched } = launchingDaemon();
    const { h } = await start(connection, { profilesDir: dir, env: { NO_COLOR: '1' } });
    await h.keys('n');
    await shows(h, 'no profiles saved yet');
    await h.keys('left', 'down');
    await type(h, 'images.canfar.net/skaha/terminal:1.1.1');
    await h.keys('tab', 'tab', 'tab', 'tab');
    expect(focus(h)).toBe('cmd');
    await type(h, 'echo');
    await h.keys('tab', 'tab');
    await type(h, 'MODE=slow DB_PASS=hunter2');
    await h.keys('C-s');
    expect(h.text()).toContain('type a profile name in the Profile field first');
    await h.keys('tab', 'tab', 'tab', 'tab');
    expect(focus(h)).toBe('profile');
    await type(h, 'nightly');
    await h.keys('C-s');
    const file = path.join(dir, 'nightly.yaml');
    await shows(h, 'saved profile nightly; DB_PASS written as <redacted> (secrets are never saved)');
    expect(h.text()).toContain('saved: nightly');
    expect(await readJobFile(file)).toEqual({
      kind: 'headless',
      image: 'images.canfar.net/skaha/terminal:1.1.1',
      cmd: 'echo',
      env: ['MODE=slow', 'DB_PASS=<redacted>'],
    });
    expect(await readFile(file, 'utf8')).not.toContain('hunter2');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(launched).toEqual([]);
  });

  it('a profile name that is not saved, breaks the rule, or a broken file, is said so', async () => {
    await saveProfile(dir, 'ok', { kind: 'notebook' });
    await writeFile(path.join(dir, 'bad.yaml'), 'kind: notebook\npassword: x\n');
    const { connection } = launchingDaemon();
    const { h } = await start(connection, { profilesDir: dir, env: { NO_COLOR: '1' } });
    await h.keys('n', 'up');
    await type(h, 'nope');
    await h.keys('enter');
    await shows(h, 'no profile nope: Ctrl-S saves the form under this name');
    await h.keys('C-u');
    await type(h, '../x');
    await h.keys('C-s');
    await shows(h, 'is not allowed: a profile name is 1 to 64 characters');
    await h.keys('C-u');
    await type(h, 'bad');
    await h.keys('enter');
    await shows(h, 'profile bad cannot be used');
    expect(h.text()).toContain('registry credentials are never kept in a job file');
  });
});
