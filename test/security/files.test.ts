// Issue 9, shutdown, files and config: one SIGTERM ends the daemon even when its last writes fail,
// a history path that is a folder is moved aside and said once, and a deleted config file keeps
// the last good config (and its token) instead of cutting the daemon off.
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt } from '../cli/spawn-cli.js';
import { giveHomeTo, OTHER_UID, securityHome, skahaTui, startDaemonProcess, type DaemonProcess, type SecurityHome } from './daemon-process.js';
import { writeConfig } from './home-files.js';
import { startHostileSkaha, wireSession } from './hostile-skaha.js';
import { openRawDaemonClient } from './raw-daemon-client.js';
import { useSecurityRig } from './security-rig.js';

const rig = useSecurityRig();

const fastPolling = { polling: { fastMs: 1_000, normalMs: 1_000, slowMs: 1_000, fastAfterActionMs: 0, statsMs: 1_000, catalogueMs: 600_000 } };

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const sessionPolls = () => rig.skaha!.server.requests.filter((r) => r.method === 'GET' && r.path === '/skaha/v1/session' && !r.query.has('view'));

async function statusJson(): Promise<{ health: { state: string } | null; notices: Array<{ message: string; at: string | null }> }> {
  const result = await skahaTui(['daemon', 'status', '--json'], rig.home!.env());
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('shutdown with failing writes', { timeout: 60_000 }, () => {
  it('one SIGTERM ends the daemon within 10 s when the state folder (history.bin with it) has become unwritable', async () => {
    assertBuilt();
    const skaha = (rig.skaha = await startHostileSkaha());
    skaha.sessions.push(wireSession({ id: 'abcd1234', name: 'busy' }), wireSession({ id: 'efgh5678', name: 'busier', cpuCoresInUse: '1.5' }));
    const home = (rig.home = securityHome(skaha));
    writeConfig(home, fastPolling);
    giveHomeTo(home, OTHER_UID);
    const daemon = (rig.daemon = await startDaemonProcess(home, home.env(), [], 15_000, { uid: OTHER_UID }));
    await until('three session polls', () => sessionPolls().length >= 3);
    // The daemon runs as nobody, so the mode holds: no temp file can be made for the final writes.
    chmodSync(home.stateDir, 0o500);
    const started = Date.now();
    const exit = await daemon.stop(20_000);
    const took = Date.now() - started;
    expect(exit, daemon.log().slice(-3000)).toEqual({ code: 0, signal: null });
    expect(took).toBeLessThan(10_000);
    expect(daemon.log()).toMatch(/history file write failed at shutdown/);
    expect(daemon.log()).toMatch(/daemon stopped/);
  });
});

describe('files moved aside are said once', { timeout: 60_000 }, () => {
  async function startOnFolders(names: string[]): Promise<{ home: SecurityHome; daemon: DaemonProcess }> {
    assertBuilt();
    const skaha = (rig.skaha = await startHostileSkaha());
    skaha.sessions.push(wireSession({ id: 'abcd1234', name: 'plain' }));
    const home = (rig.home = securityHome(skaha));
    for (const name of names) mkdirSync(join(home.stateDir, name, 'inside'), { recursive: true });
    const daemon = (rig.daemon = await startDaemonProcess(home, home.env(), [], 15_000, { probeOnly: true }));
    return { home, daemon };
  }

  it('a history path that is a folder is moved aside; `daemon status` says so once, then the --json no longer lists it', async () => {
    const { home, daemon } = await startOnFolders(['history.bin']);
    // The socket accepts before the state is loaded: wait for the move rather than race it.
    const aside = await until('history.bin moved aside', () => {
      const found = readdirSync(home.stateDir).filter((f) => f.startsWith('history.bin.corrupt-'));
      return found.length > 0 && found;
    });
    expect(aside).toHaveLength(1);
    expect(statSync(join(home.stateDir, aside[0], 'inside')).isDirectory()).toBe(true);
    const first = await skahaTui(['daemon', 'status'], home.env());
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/notice:.*history file .*history\.bin was not usable.*moved it to .*history\.bin\.corrupt-/);
    expect((await statusJson()).notices).toEqual([]);
    expect((await skahaTui(['daemon', 'status'], home.env())).stdout).not.toMatch(/notice:/);
    // The daemon writes its history where the folder was, and stops cleanly.
    expect(await daemon.stop()).toEqual({ code: 0, signal: null });
    expect(statSync(join(home.stateDir, 'history.bin')).isFile()).toBe(true);
  });

  it('a state path that is a folder is moved aside too; `daemon status --json` lists it once, and the dashboard protocol carries it until acknowledged', async () => {
    const { home } = await startOnFolders(['state.json', 'history.bin']);
    const aside = await until('both moved aside', () => {
      const found = readdirSync(home.stateDir).filter((f) => f.includes('.corrupt-'));
      return found.length >= 2 && found;
    });
    expect(aside).toHaveLength(2);
    const client = await openRawDaemonClient(join(home.runtimeDir, 'daemon.sock'), 'security-dashboard');
    const notices = JSON.parse(client.welcome).snapshot.notices as Array<{ key: string; message: string }>;
    await client.close();
    expect(notices).toHaveLength(1);
    expect(notices[0].message).toMatch(/state file .*state\.json was not usable.*moved it to/);
    expect(notices[0].message).toMatch(/history file .*history\.bin was not usable.*moved it to/);
    const first = await statusJson();
    expect(first.notices).toEqual([{ message: notices[0].message, at: expect.any(String) }]);
    expect((await statusJson()).notices).toEqual([]);
  });
});

describe('config file deletion', { timeout: 60_000 }, () => {
  it('keeps the last good config and its token while the file is gone, and applies it again once it is back', async () => {
    assertBuilt();
    const skaha = (rig.skaha = await startHostileSkaha());
    skaha.sessions.push(wireSession({ id: 'abcd1234', name: 'plain' }));
    const home = (rig.home = securityHome(null));
    const file = writeConfig(home, { url: skaha.baseUrl, token: skaha.token, ...fastPolling });
    const daemon = (rig.daemon = await startDaemonProcess(home, home.env()));
    await until('two session polls', () => sessionPolls().length >= 2);
    rmSync(file);
    // Whatever this build does about it, it logs the reload.
    await until('the deletion noticed', () => /was deleted|config applied|cannot connect to Skaha/.test(daemon.log()));
    const after = sessionPolls().length;
    await until('three more polls', () => sessionPolls().length >= after + 3, 10_000);
    for (const request of sessionPolls().slice(after)) expect(request.headers.authorization).toBe(`Bearer ${skaha.token}`);
    const status = await statusJson();
    expect(status.health?.state).toBe('ok');
    const client = await openRawDaemonClient(join(home.runtimeDir, 'daemon.sock'), 'security-config');
    const snapshot = JSON.parse(client.welcome).snapshot;
    await client.close();
    expect(snapshot.credentials).toMatchObject({ kind: 'token' });
    expect(snapshot.config.warning).toMatch(/was deleted/);
    expect(JSON.stringify(snapshot.notifications)).not.toMatch(/refuses your credentials/i);
    // Back again: applied (the warning clears).
    writeFileSync(file, JSON.stringify({ url: skaha.baseUrl, token: skaha.token, ...fastPolling, notifications: { desktop: false } }), { mode: 0o600 });
    await until('the config applied again', async () => {
      const again = await openRawDaemonClient(join(home.runtimeDir, 'daemon.sock'), 'security-config-2');
      const warning = JSON.parse(again.welcome).snapshot.config.warning;
      await again.close();
      return warning === null;
    });
    expect(existsSync(file)).toBe(true);
  });
});
