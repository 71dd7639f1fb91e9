// The built dashboard in a real terminal (tmux), attached to a daemon child process polling a hostile
// Skaha: hostile names, statuses and images neither retitle the pane, nor write the clipboard, nor
// clear the screen; they are shown as visible escapes.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, BIN } from '../cli/spawn-cli.js';
import { TmuxPane } from '../tui/helpers/tmux.js';
import { securityHome, startDaemonProcess, type DaemonProcess, type SecurityHome } from './daemon-process.js';
import { startHostileSkaha, wireSession, type HostileSkaha } from './hostile-skaha.js';
import { C1_CSI, CLEAR, OSC0, OSC52, SGR } from './hostile-text.js';

let skaha: HostileSkaha;
let home: SecurityHome;
let daemon: DaemonProcess | undefined;
let pane: TmuxPane | undefined;

beforeEach(async () => {
  assertBuilt();
  skaha = await startHostileSkaha();
  skaha.sessions.push(
    wireSession({ id: 'aaaa0001', name: `t${OSC0}` }),
    wireSession({ id: 'aaaa0002', name: `c${OSC52}`, status: `S${SGR}` }),
    wireSession({ id: 'aaaa0003', name: `x${CLEAR}`, image: `images.canfar.net/skaha/img${C1_CSI}:1` }),
  );
  home = securityHome(skaha);
  mkdirSync(home.configDir, { recursive: true });
  writeFileSync(join(home.configDir, 'config.json'), JSON.stringify({ notifications: { desktop: false } }));
  daemon = await startDaemonProcess(home, home.env());
});
afterEach(async () => {
  pane?.kill();
  pane = undefined;
  await daemon?.stop();
  daemon = undefined;
  await skaha.close();
  home.cleanup();
});

describe('server text never controls the terminal: dashboard in tmux', { timeout: 60_000 }, () => {
  it('hostile names, status and image are shown as visible escapes; the pane keeps its title, the clipboard stays empty, the screen is not cleared', async () => {
    const env = home.env();
    const go = join(home.home, 'go');
    pane = new TmuxPane(home.home, 'dash');
    const vars: Record<string, string> = {
      NCURSES_NO_UTF8_ACS: '1',
      LANG: 'C.UTF-8',
      SKAHA_TUI_TERMINAL_NOTIFY: 'off',
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: env.HOME!,
      SKAHA_TUI_HOME: env.SKAHA_TUI_HOME!,
      SKAHA_URL: env.SKAHA_URL!,
      SKAHA_TOKEN: env.SKAHA_TOKEN!,
    };
    // The dashboard starts once tmux lets applications set the clipboard (OSC 52), so a leak would show.
    pane.start(`while [ ! -e '${go}' ]; do sleep 0.05; done; exec node '${BIN}' dashboard`, vars);
    pane.command('set-option', '-g', 'set-clipboard', 'on');
    const titleBefore = pane.display('#{pane_title}');
    writeFileSync(go, '');
    expect(existsSync(go)).toBe(true);

    const screen = await pane.waitFor((text) => text.includes('aaaa0003') && text.includes('aaaa0001'), 20_000);
    for (const visible of ['t\\x1b]0;owned\\x07', 'c\\x1b]52;c;aGFja2Vk\\x07', 'x\\x1b[2J', 'S\\x1b[1;31m', 'img\\x9b31m:1']) expect(screen).toContain(visible);
    expect(screen).toMatch(/Sessions/);

    expect(pane.display('#{pane_title}')).toBe(titleBefore);
    expect(pane.command('list-buffers')).toBe('');
    const written = pane.written();
    expect(written).not.toContain('\u001b]0;owned');
    expect(written).not.toContain('\u001b]52;');
    expect(written).not.toContain('x\u001b[2J');
    // U+009B as UTF-8, read as latin1.
    expect(written).not.toContain('\u00c2\u009b');
  });
});
