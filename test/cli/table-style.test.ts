import { describe, expect, it } from 'vitest';
import { colorEnabled, createStyle, stripAnsi, visibleWidth } from '../../src/cli/style.js';
import { renderFields, renderTable, styled } from '../../src/cli/table.js';

describe('colorEnabled', () => {
  it('is on only for a TTY without NO_COLOR or TERM=dumb', () => {
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
    expect(colorEnabled({}, {})).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
  it('ignores an empty NO_COLOR, as the convention says', () => {
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
  });
});

describe('createStyle', () => {
  it('is the identity when disabled and wraps in ANSI when enabled', () => {
    expect(createStyle(false).status('Running')).toBe('Running');
    const on = createStyle(true).status('Running');
    expect(on).not.toBe('Running');
    expect(stripAnsi(on)).toBe('Running');
    expect(visibleWidth(on)).toBe(7);
  });
});

describe('renderTable', () => {
  it('aligns columns by visible width, even with colour', () => {
    const red = createStyle(true).red;
    const text = renderTable(
      ['ID', 'STATUS', 'N'],
      [
        ['a', styled('Failed', red), '1'],
        ['bbbb', 'Running', '22'],
      ],
      { align: ['left', 'left', 'right'] },
    );
    const lines = stripAnsi(text).split('\n');
    expect(lines).toEqual(['ID    STATUS    N', 'a     Failed    1', 'bbbb  Running  22', '']);
  });
  it('renders padded field lists', () => {
    expect(
      renderFields([
        ['Name', 'x'],
        ['Session ID', 'y'],
      ]),
    ).toBe('Name:        x\nSession ID:  y\n');
  });
  it('shows controls in every cell as visible escapes and measures the escaped text', () => {
    const text = renderTable(
      ['ID', 'NAME', 'STATUS'],
      [
        ['a\u009b2J', 'x\u001b]52;c;aGk=\u0007', styled('Run\u001b[31m', createStyle(true).green)],
        ['bb', 'two\nlines\tand\u007f', 'Pending'],
      ],
    );
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001a\u001c-\u001f\u007f-\u009f]/);
    const lines = stripAnsi(text).split('\n');
    expect(lines).toEqual([
      'ID       NAME                     STATUS',
      'a\\x9b2J  x\\x1b]52;c;aGk=\\x07      Run\\x1b[31m',
      'bb       two\\x0alines\\x09and\\x7f  Pending',
      '',
    ]);
    // The only raw sequences left are the green the decoration added.
    expect(text.match(/\u001b\[[0-9;]*m/g)).toEqual(['\u001b[32m', '\u001b[39m']);
  });
  it('shows controls in field values and labels as visible escapes', () => {
    expect(
      renderFields([
        ['Name', 'evil\u001b[2J\u0007'],
        ['Bad\u009b', styled('x\ny', createStyle(false).cyan)],
      ]),
    ).toBe('Name:     evil\\x1b[2J\\x07\nBad\\x9b:  x\\x0ay\n');
  });
});

describe('Style', () => {
  it('shows controls in what it decorates as visible escapes, coloured or not', () => {
    expect(createStyle(false).red('a\u001b[2Jb\u009b')).toBe('a\\x1b[2Jb\\x9b');
    expect(createStyle(true).red('a\u001b]0;x\u0007')).toBe('\u001b[31ma\\x1b]0;x\\x07\u001b[39m');
    expect(createStyle(true).status('Weird\u001b[5m')).toBe('Weird\\x1b[5m');
  });
});
