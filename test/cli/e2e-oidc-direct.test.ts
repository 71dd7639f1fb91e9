// The built CLI, run without a daemon, refreshes an expired canfar-config OIDC access token itself
// (as the official client does) instead of refusing it; doctor says so.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { waitUntil } from '../helpers/wait-until.js';
import { assertBuilt, isolatedEnv, runBin, startBin } from './spawn-cli.js';

let sim: RunningSimulator | undefined;
let home = '';
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  rmSync(home, { recursive: true, force: true });
});

const tokensIn = (file: string) =>
  (parse(readFileSync(file, 'utf8')) as { authentication: { simnet: { token: { access: string; refresh: string } } } }).authentication.simnet.token;

/** A simulator login issued at the clock's time (300-s access tokens) in a canfar config; then simulated time catches up with the wall clock. */
async function simLogin(clock: FakeClock): Promise<{ file: string; old: { access: string; refresh: string } }> {
  sim = await startSimulator({ seed: 3, clock, oidc: { accessLifetimeSec: 300 } });
  sim.seedSession({ kind: 'notebook', status: 'Running', name: 'nb-oidc' });
  home = mkdtempSync(join(tmpdir(), 'oidc-direct-'));
  mkdirSync(join(home, '.canfar'));
  const file = join(home, '.canfar', 'config.yaml');
  writeFileSync(file, `# my notes\n${await sim.oidc.canfarConfig()}`);
  chmodSync(file, 0o600);
  clock.advance(Math.max(0, Date.now() - clock.now()));
  return { file, old: tokensIn(file) };
}

/** A login issued 400 s ago: its access token expired by the wall clock the child reads, its refresh token still good. */
const expiredLogin = () => simLogin(new FakeClock(Date.now() - 400_000));

describe('a command without the daemon and an expired OIDC access token', { timeout: 30_000 }, () => {
  it('ps --no-daemon refreshes the login once, writes the new tokens back and lists the sessions; no token is printed', async () => {
    assertBuilt();
    const { file, old } = await expiredLogin();
    const ps = await runBin(['ps', '--no-daemon', '--json', '-v'], isolatedEnv(home));
    expect(ps.code, ps.stderr).toBe(0);
    expect((JSON.parse(ps.stdout) as Array<{ name: string }>).map((s) => s.name)).toContain('nb-oidc');
    expect(ps.stderr).toContain('refreshed the OIDC access token of the canfar config');
    expect(sim!.oidc.grants()).toBe(1);
    const now = tokensIn(file);
    expect(now.access).not.toBe(old.access);
    expect(readFileSync(file, 'utf8')).toMatch(/^# my notes\n/);
    for (const secret of [old.access, old.refresh, now.access, now.refresh, sim!.oidc.clientSecret]) expect(ps.stdout + ps.stderr).not.toContain(secret);
    // The next command finds a fresh token: no second grant.
    const again = await runBin(['ps', '--no-daemon', '--json'], isolatedEnv(home));
    expect(again.code, again.stderr).toBe(0);
    expect(sim!.oidc.grants()).toBe(1);
  });

  it('doctor refreshes it as any command would and says so, instead of failing the credential as expired', async () => {
    assertBuilt();
    await expiredLogin();
    const doctor = await runBin(['doctor'], isolatedEnv(home));
    expect(doctor.stdout).toMatch(/ok {3}bearer token \(canfar-config\).*its OIDC login refreshed it just now/);
    expect(doctor.stdout).toMatch(/ok {3}your sessions: 1 listed/);
    expect(sim!.oidc.grants()).toBe(1);
  });

  it('says to log in again when the login itself is over, and exits with an error', async () => {
    assertBuilt();
    await expiredLogin();
    sim!.oidc.revokeAll();
    const ps = await runBin(['ps', '--no-daemon'], isolatedEnv(home));
    expect(ps.code).not.toBe(0);
    expect(ps.stderr).toContain('your CANFAR login expired — run `canfar login`');
    const doctor = await runBin(['doctor'], isolatedEnv(home));
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/FAIL .*refreshing it failed: your CANFAR login expired/);
  });

  it('logs -f --no-daemon outlives its access token: the 401 refreshes the login once and the follow goes on', async () => {
    assertBuilt();
    // A fresh login (sim time = now), followed for "an hour" of simulated time.
    const clock = new FakeClock(Date.now());
    const { old } = await simLogin(clock);
    const id = sim!.seedSession({ kind: 'headless', status: 'Running', name: 'long-job' });
    const follow = startBin(['logs', '-f', id, '--no-daemon'], isolatedEnv(home));
    try {
      sim!.appendLog(id, 'first line\n');
      await waitUntil(() => follow.stdout().includes('first line'), 'the first line', 10_000);
      expect(sim!.oidc.grants()).toBe(0);
      clock.advance(3_600_000);
      sim!.appendLog(id, 'after the token expired\n');
      await waitUntil(() => follow.stdout().includes('after the token expired'), 'the line after expiry', 10_000);
      expect(sim!.oidc.grants()).toBe(1);
      expect(follow.stderr()).not.toMatch(/401|unauthori[sz]ed|expired/i);
      for (const secret of [old.access, old.refresh]) expect(follow.stdout() + follow.stderr()).not.toContain(secret);
    } finally {
      follow.child.kill('SIGINT');
      await follow.exited;
    }
  });
});
