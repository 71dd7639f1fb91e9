import { describe, expect, it } from 'vitest';
import { chooseTerminalMethod, terminalNotification, wrapForTmux } from '../../../tui/notify/terminal-notification.js';

describe('chooseTerminalMethod', () => {
  it.each([
    [{ KITTY_WINDOW_ID: '1', TERM: 'xterm-kitty' }, 'osc99'],
    [{ TERM_PROGRAM: 'iTerm.app' }, 'osc9'],
    [{ TERM_PROGRAM: 'WezTerm' }, 'osc777'],
    [{ TERM_PROGRAM: 'ghostty' }, 'osc777'],
    [{ TERM: 'foot' }, 'osc777'],
    [{ VTE_VERSION: '7200', TERM: 'xterm-256color' }, 'osc777'],
    [{ TERM_PROGRAM: 'Apple_Terminal' }, 'bel'],
    [{ TERM_PROGRAM: 'vscode' }, 'bel'],
    [{ TERM: 'alacritty' }, 'bel'],
    [{}, 'bel'],
    [{ TERM_PROGRAM: 'tmux', WEZTERM_PANE: '3' }, 'osc777'],
    [{ TERM_PROGRAM: 'tmux', LC_TERMINAL: 'iTerm2' }, 'osc9'],
    [{ TERM_PROGRAM: 'tmux', GHOSTTY_RESOURCES_DIR: '/usr/share/ghostty' }, 'osc777'],
    [{ TERM_PROGRAM: 'tmux', KITTY_WINDOW_ID: '2' }, 'osc99'],
    [{ TERM_PROGRAM: 'tmux' }, 'bel'],
  ])('%j → %s', (env, method) => expect(chooseTerminalMethod(env)).toBe(method));

  it('lets the setting override detection, including off', () => {
    expect(chooseTerminalMethod({ KITTY_WINDOW_ID: '1' }, 'off')).toBe('off');
    expect(chooseTerminalMethod({}, 'osc9')).toBe('osc9');
  });
});

describe('terminalNotification', () => {
  it('formats each method', () => {
    expect(terminalNotification('osc777', 'nb ready', 'https://x')).toBe('\u001b]777;notify;nb ready;https://x\u0007');
    expect(terminalNotification('osc9', 'nb ready', 'https://x')).toBe('\u001b]9;nb ready: https://x\u0007');
    expect(terminalNotification('osc99', 'nb ready', 'body', { id: 'ab12' })).toBe('\u001b]99;i=ab12:d=0;nb ready\u001b\\\u001b]99;i=ab12:p=body;body\u001b\\');
    expect(terminalNotification('bel', 'x', 'y')).toBe('\u0007');
    expect(terminalNotification('off', 'x', 'y')).toBe('');
  });

  it('keeps a hostile session name from injecting escape sequences or fields', () => {
    const out = terminalNotification('osc777', 'evil;name\u001b]52;c;AAAA\u0007', 'b\u009bX');
    expect(out).toBe('\u001b]777;notify;evil,name\\x1b]52,c,AAAA\\x07;b\\x9bX\u0007');
    expect(terminalNotification('osc9', 'a\r\nb', '')).toBe('\u001b]9;a\\x0d\\x0ab\u0007');
  });

  it('wraps for tmux passthrough with every ESC doubled', () => {
    const inner = '\u001b]9;hi\u0007';
    expect(wrapForTmux(inner)).toBe('\u001bPtmux;\u001b\u001b]9;hi\u0007\u001b\\');
    expect(terminalNotification('osc9', 'hi', '', { insideTmux: true })).toBe(wrapForTmux(inner));
  });
});
