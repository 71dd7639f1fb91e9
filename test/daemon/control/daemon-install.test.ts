import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolvePaths, type Paths } from '../../../src/config/paths.js';
import { runDaemonControl } from '../../../daemon/control/run-daemon-control.js';
import type { ControlOptions } from '../../../daemon/control/control-options.js';
import { shortTempDir } from '../../daemon-client/socket-helpers.js';
import { createFakeBin } from '../../helpers/fake-bin.js';
import { memoryIo } from './control-harness.js';

const TOKEN = 'install-secret-token-42';
const SERVICE = { nodePath: '/usr/bin/node', binPath: '/opt/skaha-tui/dist/bin/skaha-tui.js' };

let tmp: ReturnType<typeof shortTempDir>;
let env: Record<string, string | undefined>;
let paths: Paths;
let unit: string;

beforeEach(() => {
  tmp = shortTempDir();
  env = { SKAHA_TUI_HOME: tmp.dir, HOME: tmp.dir };
  paths = resolvePaths(env);
  unit = `${tmp.dir}/.config/systemd/user/skaha-tui.service`;
});

afterEach(() => tmp.cleanup());

async function run(argv: string[], options: ControlOptions) {
  const m = memoryIo(env);
  const code = await runDaemonControl(argv, m.io, options);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

/** The way the README says to give a service its token: a 0600 file named in the config, with the URL. */
function tokenInConfig(url = 'https://ws-uv.canfar.net/skaha'): void {
  mkdirSync(paths.configDir, { recursive: true });
  const tokenFile = join(paths.configDir, 'token');
  writeFileSync(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
  writeFileSync(paths.configFile, JSON.stringify({ url, tokenFile }));
  chmodSync(paths.configFile, 0o600);
}

describe('daemon install', () => {
  it('prints a systemd user unit pinning SKAHA_TUI_HOME, never a credential, with no network ordering, and how to enable it', async () => {
    tokenInConfig();
    const result = await run(['install', '--print'], { platform: 'linux', service: SERVICE });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('ExecStart=/usr/bin/node /opt/skaha-tui/dist/bin/skaha-tui.js daemon\n');
    expect(result.stdout).toContain(`Environment=SKAHA_TUI_HOME=${tmp.dir}\n`);
    expect(result.stdout).not.toMatch(/network-online|After=/);
    expect(result.stderr).toContain(`# save this as ${unit}`);
    expect(result.stderr).toContain('systemctl --user enable --now skaha-tui.service');
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    expect(existsSync(unit)).toBe(false);
  });

  it("refuses, writing nothing, when the token is only in this shell's environment, and says how to fix it", async () => {
    env.SKAHA_URL = 'https://ws-uv.canfar.net/skaha';
    env.SKAHA_TOKEN = TOKEN;
    const result = await run(['install'], { platform: 'linux', service: SERVICE });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: the service would not connect the way this shell does/);
    expect(result.stderr).toMatch(/ {2}this shell: {2}https:\/\/ws-uv\.canfar\.net\/skaha\/v1 with token [0-9a-f]{12} \(env\)\n/);
    expect(result.stderr).toMatch(/ {2}the service: no usable connection\n/);
    expect(result.stderr).toContain(`name it in ${paths.configFile}`);
    expect(result.stderr).toContain('canfar login');
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    expect(existsSync(unit)).toBe(false);
  });

  it('refuses when only the URL comes from the environment (the service would talk to another server)', async () => {
    tokenInConfig();
    env.SKAHA_URL = 'https://other.example/skaha';
    const result = await run(['install', '--print'], { platform: 'linux', service: SERVICE });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/this shell: {2}https:\/\/other\.example\/skaha\/v1 with token/);
    expect(result.stderr).toMatch(/the service: https:\/\/ws-uv\.canfar\.net\/skaha\/v1 with token/);
  });

  it('--force installs anyway, with the warning', async () => {
    env.SKAHA_TOKEN = TOKEN;
    env.SKAHA_URL = 'https://ws-uv.canfar.net/skaha';
    const result = await run(['install', '--force'], { platform: 'linux', service: SERVICE });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^warning: the service would not connect the way this shell does/);
    expect(result.stderr).toContain('installing anyway (--force)');
    expect(readFileSync(unit, 'utf8')).not.toContain(TOKEN);
  });

  it('installs without a warning when neither this shell nor the service has credentials yet, and says so', async () => {
    const result = await run(['install'], { platform: 'linux', service: SERVICE });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('no credentials are set up yet');
    expect(existsSync(unit)).toBe(true);
  });

  it('prints a launchd agent on macOS and refuses other platforms', async () => {
    tokenInConfig();
    const mac = await run(['install', '--print'], { platform: 'darwin' });
    expect(mac.code).toBe(0);
    expect(mac.stdout).toContain('<key>Label</key><string>net.canfar.skaha-tui</string>');
    expect(mac.stdout).toContain(`<string>${paths.daemonLog}</string>`);
    expect(mac.stdout).not.toContain(TOKEN);
    const win = await run(['install', '--print'], { platform: 'win32' });
    expect(win.code).toBe(1);
    expect(win.stderr).toContain('not win32');
  });

  it('writes the unit, then reports it unchanged', async () => {
    tokenInConfig();
    const first = await run(['install'], { platform: 'linux' });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`wrote ${unit}\nenable it with:\n  systemctl --user daemon-reload\n`);
    expect(existsSync(unit)).toBe(true);
    expect((await run(['install'], { platform: 'linux' })).stdout).toContain(`${unit} is already up to date`);
  });
});

describe('daemon uninstall', () => {
  it('stops and disables the service, removes the unit install wrote, and lets systemd forget it', async () => {
    tokenInConfig();
    await run(['install'], { platform: 'linux', service: SERVICE });
    const fake = createFakeBin(['systemctl']);
    env.PATH = `${fake.dir}:${process.env.PATH}`;
    env.SKAHA_TOKEN = TOKEN;
    const result = await run(['uninstall'], { platform: 'linux', service: SERVICE });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`ran: systemctl --user disable --now skaha-tui.service\nremoved ${unit}\n`);
    expect(existsSync(unit)).toBe(false);
    expect(fake.calls('systemctl')).toEqual([
      ['--user', 'disable', '--now', 'skaha-tui.service'],
      ['--user', 'daemon-reload'],
    ]);
    expect(fake.env('systemctl').join('')).not.toContain(TOKEN);
    expect((await run(['uninstall'], { platform: 'linux', service: SERVICE })).stdout).toBe(`nothing to uninstall: ${unit} does not exist\n`);
  });

  it('still removes the unit when the service was not running, saying so', async () => {
    tokenInConfig();
    await run(['install'], { platform: 'linux', service: SERVICE });
    const fake = createFakeBin(['systemctl'], 5);
    env.PATH = `${fake.dir}:${process.env.PATH}`;
    const result = await run(['uninstall'], { platform: 'linux', service: SERVICE });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^systemctl --user disable --now skaha-tui.service: .+ \(it was probably not running\)\nremoved /);
    expect(existsSync(unit)).toBe(false);
  });

  it('boots the launchd agent out on macOS before removing it', async () => {
    tokenInConfig();
    await run(['install'], { platform: 'darwin', service: SERVICE });
    const plist = `${tmp.dir}/Library/LaunchAgents/net.canfar.skaha-tui.plist`;
    expect(existsSync(plist)).toBe(true);
    const fake = createFakeBin(['launchctl']);
    env.PATH = `${fake.dir}:${process.env.PATH}`;
    expect((await run(['uninstall'], { platform: 'darwin', service: SERVICE })).code).toBe(0);
    expect(fake.calls('launchctl')).toEqual([['bootout', `gui/${process.getuid!()}/net.canfar.skaha-tui`]]);
    expect(existsSync(plist)).toBe(false);
  });
});
