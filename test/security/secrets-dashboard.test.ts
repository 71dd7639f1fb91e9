// The dashboard's open key: a server URL that is not http(s) never reaches the opener, and the opener that
// does run gets no credentials in its environment.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, assertBuilt, pollUntil } from '../cli/spawn-cli.js';
import { createFakeBin } from '../helpers/fake-bin.js';
import { TmuxPane } from '../tui/helpers/tmux.js';
import { securityHome, skahaTui, type SecurityHome } from './daemon-process.js';
import { startHostileSkaha, wireSession, type HostileSkaha } from './hostile-skaha.js';

const REGISTRY_SECRET = 'registry-secret-dash-8c2b';

let skaha: HostileSkaha | undefined;
let home: SecurityHome | undefined;
let tmuxDir: string | undefined;
let pane: TmuxPane | undefined;
afterEach(async () => {
  pane?.kill();
  if (home) await skahaTui(['daemon', 'stop'], home.env());
  if (tmuxDir) rmSync(tmuxDir, { recursive: true, force: true });
  await skaha?.close();
  home?.cleanup();
  skaha = home = pane = tmuxDir = undefined;
});

describe('the dashboard open key', { timeout: 60_000 }, () => {
  it('refuses a javascript: URL from the server, and opens an https one without the credentials', async () => {
    assertBuilt();
    skaha = await startHostileSkaha();
    skaha.sessions.push(wireSession({ id: 'dddd0001', name: 'evil', connectURL: 'javascript:alert(document.cookie)' }));
    home = securityHome(skaha);
    mkdirSync(home.configDir, { recursive: true, mode: 0o700 });
    writeFileSync(join(home.configDir, 'config.json'), JSON.stringify({ notifications: { desktop: false } }));
    const bin = createFakeBin(['xdg-open']);
    tmuxDir = mkdtempSync(join(tmpdir(), 'skod-'));
    pane = new TmuxPane(tmuxDir, 'dash');
    const env = home.env({ SKAHA_REGISTRY_USERNAME: 'alice', SKAHA_REGISTRY_SECRET: REGISTRY_SECRET, LANG: 'C.UTF-8' });
    // The pane's shell may set its own PATH: the fake opener goes first on the command line itself.
    pane.start(`PATH='${bin.dir}':"$PATH" ${process.execPath} ${BIN}`, { ...(env as Record<string, string>), XDG_RUNTIME_DIR: '' });
    await pane.waitFor(/dddd0001\s+evil/, 20_000);
    pane.keys(['o']);
    await pane.waitFor(/refusing to open/);
    expect(bin.calls('xdg-open')).toEqual([]);

    skaha.sessions[0] = wireSession({ id: 'dddd0001', name: 'evil', connectURL: 'https://workload.example/lab?token=dddd0001' });
    pane.keys(['R']);
    // The details pane shows the selected session's URL once the daemon has polled the new one.
    await pane.waitFor(/https:\/\/workload\.example\/lab/);
    pane.keys(['o']);
    await pollUntil(async () => (bin.calls('xdg-open').length > 0 ? true : undefined), 'the opener to run', 100);
    expect(bin.calls('xdg-open')).toEqual([['https://workload.example/lab?token=dddd0001']]);
    const childEnv = bin.env('xdg-open')[0];
    expect(childEnv).not.toContain(skaha.token);
    expect(childEnv).not.toContain(REGISTRY_SECRET);
    expect(childEnv).not.toMatch(/^(SKAHA_TOKEN|SKAHA_REGISTRY_SECRET)=/m);
  });
});
