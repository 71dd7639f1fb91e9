import { describe, expect, it } from 'vitest';
import { colorEnabled, createStyle, stripAnsi, visibleWidth } from '../../src/cli/style.js';
import { renderFields, renderTable } from '../../src/cli/table.js';

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
    const text = renderTable(['ID', 'STATUS', 'N'], [
      ['a', red('Failed'), '1'],
      ['bbbb', 'Running', '22'],
    ], { align: ['left', 'left', 'right'] });
    const lines = stripAnsi(text).split('\n');
    expect(lines).toEqual(['ID    STATUS    N', 'a     Failed    1', 'bbbb  Running  22', '']);
  });
  it('renders padded field lists', () => {
    expect(renderFields([['Name', 'x'], ['Session ID', 'y']])).toBe('Name:        x\nSession ID:  y\n');
  });
});
