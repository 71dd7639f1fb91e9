import { describe, expect, it } from 'vitest';
import { commandFor, footerHints, keyName, KEYMAP } from '../../tui/keys.js';

describe('keys', () => {
  it('names blessed keys the way the keymap spells them', () => {
    expect(keyName('j', { full: 'j', name: 'j' })).toBe('j');
    expect(keyName('R', { full: 'S-r', name: 'r' })).toBe('R');
    expect(keyName('?', { full: '?' })).toBe('?');
    expect(keyName(' ', { full: 'space', name: 'space' })).toBe('space');
    expect(keyName('\r', { full: 'enter', name: 'enter' })).toBe('enter');
    expect(keyName('\r', { full: 'return', name: 'return' })).toBeNull();
    expect(keyName(undefined, { full: 'up', name: 'up' })).toBe('up');
    expect(keyName('\u0004', { full: 'C-d', name: 'd', ctrl: true })).toBe('C-d');
    expect(keyName('\u001b', { full: 'escape', name: 'escape' })).toBe('escape');
  });

  it('maps the keys of the issue in the table', () => {
    const table: [string, string][] = [
      ['up', 'up'],
      ['k', 'up'],
      ['down', 'down'],
      ['j', 'down'],
      ['pageup', 'page-up'],
      ['pagedown', 'page-down'],
      ['g', 'top'],
      ['G', 'bottom'],
      ['tab', 'focus-next'],
      ['enter', 'details'],
      ['l', 'logs'],
      ['e', 'events'],
      ['n', 'launch'],
      ['r', 'renew'],
      ['d', 'delete'],
      ['C-d', 'delete'],
      ['space', 'mark'],
      ['o', 'open'],
      ['y', 'copy'],
      ['R', 'refresh'],
      ['a', 'toggle-all'],
      ['/', 'filter'],
      ['s', 'sort'],
      ['?', 'help'],
      ['escape', 'back'],
      ['q', 'quit'],
      ['C-c', 'quit'],
    ];
    for (const [key, command] of table) expect([key, commandFor('table', key)]).toEqual([key, command]);
  });

  it('gives the log pane its own f, w, /, n, N, Ctrl-S and F', () => {
    const logs: [string, string][] = [
      ['f', 'follow'],
      ['w', 'wrap'],
      ['/', 'search'],
      ['n', 'next-match'],
      ['N', 'prev-match'],
      ['C-s', 'save'],
      ['F', 'full-screen'],
      ['j', 'down'],
      ['d', 'delete'],
    ];
    for (const [key, command] of logs) expect([key, commandFor('logs', key)]).toEqual([key, command]);
    expect(commandFor('table', 'f')).toBeNull();
  });

  it('never binds one key twice in the same pane', () => {
    for (const pane of ['table', 'details', 'logs'] as const) {
      const seen = new Set<string>();
      for (const b of KEYMAP.filter((k) => k.panes.includes(pane))) {
        for (const key of b.keys) {
          expect(seen.has(key), `${key} in ${pane}`).toBe(false);
          seen.add(key);
        }
      }
    }
  });

  it('marks mutating hints as disabled in read-only mode', () => {
    const hints = footerHints('table', true);
    expect(hints.find((h) => h.short === 'delete')?.disabled).toBe(true);
    expect(hints.find((h) => h.short === 'logs')?.disabled).toBe(false);
  });
});
