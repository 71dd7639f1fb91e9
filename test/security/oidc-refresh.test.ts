// The built daemon (a child process) keeps a canfar-config OIDC login alive against the simulator's
// identity provider in real time (3-second access tokens), and never lets the tokens out.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { assertBuilt } from '../cli/spawn-cli.js';
import { waitUntil } from '../helpers/wait-until.js';
import { securityHome, skahaTui, startDaemonProcess, type DaemonProcess, type SecurityHome } from './daemon-process.js';

let sim: RunningSimulator | undefined;
let home: SecurityHome | undefined;
let daemon: DaemonProcess | undefined;
afterEach(async () => {
  await daemon?.stop();
  await sim?.close();
  home?.cleanup();
  daemon = sim = home = undefined;
});

const POLLING = { fastMs: 500, normalMs: 1_000, slowMs: 1_000, backoffCapMs: 1_000, statsMs: 1_000 };

/** Writes the canfar config (mode 0600, with a comment) and a daemon config with a hook that records its environment and stdin. */
function writeHome(h: SecurityHome, canfarYaml: string): { file: string; dump: string } {
  const file = join(h.home, '.canfar', 'config.yaml');
  mkdirSync(join(h.home, '.canfar'), { recursive: true });
  writeFileSync(file, `# my own notes\n${canfarYaml}`);
  chmodSync(file, 0o600);
  const dump = join(h.home, 'hook-dump.txt');
  mkdirSync(h.configDir, { recursive: true });
  writeFileSync(
    join(h.configDir, 'config.json'),
    JSON.stringify({ polling: POLLING, hooks: [{ command: `env >> '${dump}'; cat >> '${dump}'`, events: ['*'] }] }),
  );
  return { file, dump };
}

const tokensIn = (file: string): { access: string; refresh: string } => {
  const doc = parse(readFileSync(file, 'utf8')) as { authentication: { simnet: { token: { access: string; refresh: string } } } };
  return doc.authentication.simnet.token;
};

describe('OIDC credentials that stay alive (built daemon, real time)', { timeout: 60_000 }, () => {
  it('refreshes again and again, writes each rotation back, keeps polling, and reports a refused login once; no token reaches a log, the state, a client or a hook', async () => {
    assertBuilt();
    sim = await startSimulator({ seed: 9, oidc: { accessLifetimeSec: 3 } });
    home = securityHome(null);
    const { file, dump } = writeHome(home, await sim.oidc.canfarConfig());
    const seen = new Set<string>([sim.oidc.clientSecret, ...Object.values(tokensIn(file))]);
    daemon = await startDaemonProcess(home, home.env());
    const keep = setInterval(() => Object.values(tokensIn(file)).forEach((t) => seen.add(t)), 50);
    try {
      await waitUntil(() => sim!.oidc.grants() >= 3, 'three refreshes by the daemon', 20_000);
    } finally {
      clearInterval(keep);
    }
    Object.values(tokensIn(file)).forEach((t) => seen.add(t));
    // Each refresh was written back: the file holds the newest login, which Skaha accepts, in the file's old shape.
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# my own notes\n/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const accepted = async () => (await fetch(`${sim!.apiUrl}/session`, { headers: { authorization: `Bearer ${tokensIn(file).access}` } })).status === 200;
    await waitUntil(accepted, 'Skaha to accept the token in the file', 10_000);
    expect(sim.requestLog().filter((r) => r.endpoint === 'session.list').length).toBeGreaterThanOrEqual(4);
    // No poll failed (a 401 at a late refresh is retried once with the new token, and that counts as one poll).
    const working = JSON.parse((await skahaTui(['daemon', 'status', '--json'], home.env())).stdout) as { health: { state: string; lastError: unknown } };
    expect(working.health).toMatchObject({ state: 'ok', lastError: null });
    // After the refreshes the CLI, reading the same canfar config, is still the daemon's user: answered from its cache.
    const ps = await skahaTui(['ps', '--json', '-v'], home.env());
    expect(ps.code, ps.stderr).toBe(0);
    expect(ps.stderr).toMatch(/answering from the daemon cache/);

    // The login ends: one warning, the daemon stays up, the health says why.
    sim.oidc.revokeAll();
    await waitUntil(() => existsSync(dump) && readFileSync(dump, 'utf8').includes('SKAHA_EVENT=credentials:login-expired'), 'the login-expired hook', 15_000);
    await waitUntil(
      async () => {
        const status = await skahaTui(['daemon', 'status', '--json'], home!.env());
        return (JSON.parse(status.stdout) as { health?: { lastError?: { code?: string } } }).health?.lastError?.code === 'LOGIN_EXPIRED';
      },
      'polls failing as LOGIN_EXPIRED',
      15_000,
    );
    const status = JSON.parse((await skahaTui(['daemon', 'status', '--json'], home.env())).stdout) as { health: { state: string } };
    expect(status.health.state).toBe('unknown');
    expect(daemon.child.exitCode).toBeNull();
    expect(await daemon.stop()).toMatchObject({ code: 0 });
    const log = daemon.log();
    expect(log).toMatch(/refreshed the OIDC access token/);
    expect(log.match(/the OIDC login was refused/g)).toHaveLength(1);
    const hookText = readFileSync(dump, 'utf8');
    expect(hookText.match(/SKAHA_EVENT=credentials:login-expired/g)).toHaveLength(1);
    const written = [log, daemon.output(), readFileSync(join(home.stateDir, 'state.json'), 'utf8'), hookText, ps.stdout, ps.stderr].join('\n');
    expect(seen.size).toBeGreaterThanOrEqual(7);
    for (const secret of seen) expect(written).not.toContain(secret);
  });

  it('never sends the refresh token over plain http to anything but a loopback address (a host name is not trusted)', async () => {
    assertBuilt();
    sim = await startSimulator({ seed: 10, oidc: { accessLifetimeSec: 1 } });
    home = securityHome(null);
    const byName = sim.oidc.tokenUrl.replace('127.0.0.1', 'localhost');
    const { file } = writeHome(home, (await sim.oidc.canfarConfig()).replace(`token: ${sim.oidc.tokenUrl}`, `token: ${byName}`));
    expect(readFileSync(file, 'utf8')).toContain(byName);
    daemon = await startDaemonProcess(home, home.env());
    await waitUntil(() => daemon!.log().includes('refusing to send the refresh token over plain http to localhost'), 'the refusal in the log', 15_000);
    expect(sim.oidc.tokenRequests()).toBe(0);
  });
});
