// A daemon with other credentials: with a daemon running for account A, a command run with B's token (or a
// nonsense one) must not borrow A's connection. The daemon tells clients which server and credential it uses
// (never the secret); a CLI command whose own connection differs asks Skaha itself; the dashboard shows the
// mismatch and restarts the daemon with its own connection when asked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { PROTOCOL_VERSION } from '../../src/protocol/version.js';
import { BIN, assertBuilt } from '../cli/spawn-cli.js';
import { TestClient } from '../helpers/ws-client.js';
import { TmuxPane } from '../tui/helpers/tmux.js';
import { securityHome, skahaTui, startDaemonProcess, type DaemonProcess, type SecurityHome } from './daemon-process.js';

const TOKEN_A = 'token-of-account-a-5b2e7c';
const TOKEN_B = 'token-of-account-b-9d4f1a';

let sim: RunningSimulator | undefined;
let home: SecurityHome | undefined;
let daemon: DaemonProcess | undefined;
let tmuxDir: string | undefined;
let pane: TmuxPane | undefined;
afterEach(async () => {
  pane?.kill();
  if (tmuxDir) rmSync(tmuxDir, { recursive: true, force: true });
  await daemon?.stop();
  // A daemon the dashboard restarted is not our child: stop it through the binary.
  if (home) await skahaTui(['daemon', 'stop'], home.env());
  await sim?.close();
  home?.cleanup();
  sim = home = daemon = pane = tmuxDir = undefined;
});

async function setUp(): Promise<{ sim: RunningSimulator; home: SecurityHome; idOfA: string }> {
  assertBuilt();
  sim = await startSimulator({ users: { [TOKEN_A]: 'alice', [TOKEN_B]: 'bob' }, seed: 3 });
  const idOfA = sim.seedSession({ kind: 'notebook', user: 'alice', name: 'alices-notebook' });
  home = securityHome({ baseUrl: sim.baseUrl, token: TOKEN_A });
  daemon = await startDaemonProcess(home, home.env());
  return { sim, home, idOfA };
}

/** The daemon's welcome, in whichever protocol it speaks. */
async function welcome(socketPath: string): Promise<{ text: string; frame: Record<string, unknown> }> {
  let client = await TestClient.open({ target: socketPath });
  const refused = client.frames.find((f) => f.type === 'refused') as { protocol?: number } | undefined;
  if (refused) {
    client.ws.close();
    client = await TestClient.open({ target: socketPath, protocol: refused.protocol ?? PROTOCOL_VERSION });
  }
  const index = client.frames.findIndex((f) => f.type === 'welcome');
  client.ws.close();
  return { text: client.texts[index], frame: client.frames[index] as unknown as Record<string, unknown> };
}

describe('a daemon running with other credentials', { timeout: 60_000 }, () => {
  it('tells clients its server and credential fingerprint, never the token', async () => {
    const { sim, home } = await setUp();
    const { text, frame } = await welcome(join(home.runtimeDir, 'daemon.sock'));
    expect(frame.identity).toEqual({
      server: `${sim.baseUrl}/v1`,
      credential: { kind: 'token', source: 'env', fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/) },
    });
    expect(text).not.toContain(TOKEN_A);
  });

  it("a command with B's token or a nonsense token asks Skaha itself: it cannot delete A's session or list A's sessions", async () => {
    const { sim, home, idOfA } = await setUp();
    const mine = await skahaTui(['ps', '--json', '-v'], home.env());
    expect(mine.code, mine.stderr).toBe(0);
    expect(mine.stderr).toMatch(/answering from the daemon cache/);
    expect(JSON.parse(mine.stdout).map((s: { id: string }) => s.id)).toEqual([idOfA]);

    // Skaha itself would answer B's delete of A's id with 200 and delete nothing: what matters is who
    // asked. B's own listing does not hold A's id, so the delete is refused before any request.
    const asB = await skahaTui(['delete', idOfA, '--force', '-v'], home.env({ SKAHA_TOKEN: TOKEN_B }));
    expect(asB.stderr).toMatch(/the running skaha-tui daemon uses another server or credential than this command: asking Skaha directly/);
    expect(asB.stderr).toContain(`error: no session ${idOfA}: it is not one of your sessions`);
    expect(asB.code).toBe(1);
    expect(asB.stderr).not.toContain(TOKEN_A);
    const stillThere = await skahaTui(['ps', '--json', '--no-daemon'], home.env());
    expect(JSON.parse(stillThere.stdout).map((s: { id: string }) => s.id)).toEqual([idOfA]);

    const nonsense = await skahaTui(['ps', '--json'], home.env({ SKAHA_TOKEN: 'nonsense' }));
    expect(nonsense.code).toBe(1);
    expect(nonsense.stdout).not.toContain(idOfA);
    expect(nonsense.stderr).toMatch(/401|unauthori[sz]ed|credentials/i);
    expect(sim.requestLog().filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(sim.requestLog().filter((r) => r.endpoint === 'session.list' && r.user === 'bob')).not.toEqual([]);
  });

  it('the dashboard shows the mismatch in its header and restarts the daemon with its own connection on D, y', async () => {
    const { home } = await setUp();
    const socketPath = join(home.runtimeDir, 'daemon.sock');
    const before = (await welcome(socketPath)).frame.identity as { credential: { fingerprint: string } };
    tmuxDir = mkdtempSync(join(tmpdir(), 'skid-'));
    pane = new TmuxPane(tmuxDir, 'dash');
    const env = home.env({ SKAHA_TOKEN: TOKEN_B, LANG: 'C.UTF-8', NCURSES_NO_UTF8_ACS: '1' }) as Record<string, string>;
    pane.start(`${process.execPath} ${BIN}`, { ...env, XDG_RUNTIME_DIR: '' });
    const shown = await pane.waitFor(/another connection \(D: restart the daemon with yours\)/, 20_000);
    expect(shown).toContain(`daemon: token ${before.credential.fingerprint} (env)`);
    pane.keys(['D']);
    await pane.waitFor(/Restart the daemon with this dashboard's connection\?/);
    pane.keys(['y']);
    await pane.waitFor((text) => /daemon ● connected/.test(text) && !/another connection/.test(text), 30_000);
    const after = (await welcome(socketPath)).frame.identity as { credential: { fingerprint: string } };
    expect(after.credential.fingerprint).not.toBe(before.credential.fingerprint);
    pane.keys(['q']);
    expect(await pane.waitForExit(10_000)).toBe(0);
    expect(pane.written()).not.toContain(TOKEN_A);
    expect(pane.written()).not.toContain(TOKEN_B);
  });
});
