import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePaths } from '../../src/config/paths.js';
import { isAppError } from '../../src/domain/errors.js';

describe('resolvePaths', () => {
  it('puts everything under SKAHA_TUI_HOME when it is set', () => {
    const p = resolvePaths({ SKAHA_TUI_HOME: '/tmp/sth', HOME: '/home/u', XDG_CONFIG_HOME: '/x/c' });
    expect(p).toEqual({
      configDir: '/tmp/sth/config',
      stateDir: '/tmp/sth/state',
      runtimeDir: '/tmp/sth/run',
      configFile: '/tmp/sth/config/config.json',
      stateFile: '/tmp/sth/state/state.json',
      historyFile: '/tmp/sth/state/history.bin',
      daemonLog: '/tmp/sth/state/daemon.log',
      socketPath: '/tmp/sth/run/daemon.sock',
      pidFile: '/tmp/sth/run/daemon.pid',
      tokenFile: '/tmp/sth/config/daemon.token',
    });
  });

  it('uses the XDG base directories', () => {
    const p = resolvePaths({ HOME: '/home/u', XDG_CONFIG_HOME: '/x/c', XDG_STATE_HOME: '/x/s', XDG_RUNTIME_DIR: '/run/user/7' });
    expect(p.configFile).toBe('/x/c/skaha-tui/config.json');
    expect(p.stateFile).toBe('/x/s/skaha-tui/state.json');
    expect(p.socketPath).toBe('/run/user/7/skaha-tui/daemon.sock');
  });

  it('falls back to ~/.config, ~/.local/state and a per-user tmp folder', () => {
    const p = resolvePaths({ HOME: '/home/u', TMPDIR: '/tmp' });
    expect(p.configDir).toBe('/home/u/.config/skaha-tui');
    expect(p.stateDir).toBe('/home/u/.local/state/skaha-tui');
    expect(p.runtimeDir).toBe(path.join('/tmp', `skaha-tui-${process.getuid?.() ?? os.userInfo().username}`));
  });

  it('ignores relative XDG values, as the XDG spec requires', () => {
    expect(resolvePaths({ HOME: '/home/u', XDG_CONFIG_HOME: 'relative' }).configDir).toBe('/home/u/.config/skaha-tui');
  });

  it('refuses a socket path over 104 bytes and says to set a shorter SKAHA_TUI_HOME', () => {
    const long = `/tmp/${'x'.repeat(100)}`;
    let caught: unknown;
    try {
      resolvePaths({ SKAHA_TUI_HOME: long });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('CONFIG_ERROR');
    expect((caught as Error).message).toMatch(/SKAHA_TUI_HOME/);
    expect(() => resolvePaths({ SKAHA_TUI_HOME: long }, { checkSocket: false })).not.toThrow();
  });
});
