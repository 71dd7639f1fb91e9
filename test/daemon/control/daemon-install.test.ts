import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolvePaths, type Paths } from '../../../src/config/paths.js';
import { runDaemonControl } from '../../../daemon/control/run-daemon-control.js';
import type { ControlOptions } from '../../../daemon/control/control-options.js';
import { shortTempDir } from '../../daemon-client/socket-helpers.js';
import { memoryIo } from './control-harness.js';

let tmp: ReturnType<typeof shortTempDir>;
let env: Record<string, string | undefined>;
let paths: Paths;

beforeEach(() => {
  tmp = shortTempDir();
  env = { SKAHA_TUI_HOME: tmp.dir, HOME: tmp.dir };
  paths = resolvePaths(env as NodeJS.ProcessEnv);
});

afterEach(() => tmp.cleanup());

async function run(argv: string[], options: ControlOptions) {
  const m = memoryIo(env);
  const code = await runDaemonControl(argv, m.io, options);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('daemon install', () => {
  it('prints a systemd user unit pinning SKAHA_TUI_HOME, never a credential, and how to enable it', async () => {
    env.SKAHA_TOKEN = 'install-secret-token-42';
    const result = await run(['install', '--print'], { platform: 'linux', service: { nodePath: '/usr/bin/node', binPath: '/opt/skaha-tui/dist/bin/skaha-tui.js' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ExecStart=/usr/bin/node /opt/skaha-tui/dist/bin/skaha-tui.js daemon\n');
    expect(result.stdout).toContain(`Environment=SKAHA_TUI_HOME=${tmp.dir}\n`);
    expect(result.stderr).toContain(`# save this as ${tmp.dir}/.config/systemd/user/skaha-tui.service`);
    expect(result.stderr).toContain('systemctl --user enable --now skaha-tui.service');
    expect(result.stdout + result.stderr).not.toContain('install-secret-token-42');
    expect(existsSync(`${tmp.dir}/.config/systemd/user/skaha-tui.service`)).toBe(false);
  });

  it('prints a launchd agent on macOS and refuses other platforms', async () => {
    const mac = await run(['install', '--print'], { platform: 'darwin' });
    expect(mac.code).toBe(0);
    expect(mac.stdout).toContain('<key>Label</key><string>net.canfar.skaha-tui</string>');
    expect(mac.stdout).toContain(`<string>${paths.daemonLog}</string>`);
    const win = await run(['install', '--print'], { platform: 'win32' });
    expect(win.code).toBe(1);
    expect(win.stderr).toContain('not win32');
  });

  it('writes the unit, then reports it unchanged', async () => {
    const first = await run(['install'], { platform: 'linux' });
    const file = `${tmp.dir}/.config/systemd/user/skaha-tui.service`;
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`wrote ${file}\nenable it with:\n  systemctl --user daemon-reload\n`);
    expect(existsSync(file)).toBe(true);
    expect((await run(['install'], { platform: 'linux' })).stdout).toContain(`${file} is already up to date`);
  });
});
