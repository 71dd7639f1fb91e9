import { describe, expect, it } from 'vitest';
import { emptyLogView, firstVisibleLine, matchingLines, MAX_LOG_LINES, reduceLog, type LogAction, type LogView } from '../../tui/log-view.js';

const lines = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);

function run(view: LogView, ...actions: LogAction[]): LogView {
  return actions.reduce(reduceLog, view);
}

const opened = () => run(emptyLogView(), { type: 'open', sessionId: 's1' }, { type: 'reset', sessionId: 's1', lines: lines(100) });

describe('log pane state', () => {
  it('waits for the buffered history after opening, then shows it (no blank pane until new output)', () => {
    const view = run(emptyLogView(), { type: 'open', sessionId: 's1' });
    expect(view.waiting).toBe(true);
    const reset = reduceLog(view, { type: 'reset', sessionId: 's1', lines: ['a', 'b'], truncated: true });
    expect(reset).toMatchObject({ waiting: false, lines: ['a', 'b'], truncated: true, follow: true });
  });

  it('ignores lines for another session', () => {
    const view = opened();
    expect(reduceLog(view, { type: 'append', sessionId: 'other', lines: ['x'] })).toBe(view);
    expect(reduceLog(view, { type: 'reset', sessionId: 'other', lines: ['x'] })).toBe(view);
  });

  it('scrolling back to the bottom by keys follows again; scrolling up pauses; f pauses even at the bottom', () => {
    const up = run(opened(), { type: 'scroll', delta: -5, height: 10 });
    expect(up.follow).toBe(false);
    expect(run(up, { type: 'scroll', delta: 3, height: 10 }).follow).toBe(false);
    expect(run(up, { type: 'scroll', delta: 10, height: 10 }).follow).toBe(true);
    const paused = run(opened(), { type: 'toggle-follow', height: 10 });
    expect(paused.follow).toBe(false);
  });

  it('follows the tail while following', () => {
    const view = run(opened(), { type: 'append', sessionId: 's1', lines: ['new'] });
    expect(firstVisibleLine(view, 10)).toBe(91);
  });

  it('keeps the user where they scrolled when new lines arrive (no jumping)', () => {
    const scrolled = run(opened(), { type: 'scroll', delta: -20, height: 10 });
    expect(scrolled.follow).toBe(false);
    expect(firstVisibleLine(scrolled, 10)).toBe(70);
    const more = run(scrolled, { type: 'append', sessionId: 's1', lines: lines(50, 'more') });
    expect(firstVisibleLine(more, 10)).toBe(70);
  });

  it('keeps the place when the cap drops lines from the top', () => {
    const big = run(
      emptyLogView(),
      { type: 'open', sessionId: 's1' },
      { type: 'reset', sessionId: 's1', lines: lines(MAX_LOG_LINES) },
      { type: 'scroll', delta: -100, height: 10 },
    );
    const topLine = big.lines[firstVisibleLine(big, 10)];
    const after = reduceLog(big, { type: 'append', sessionId: 's1', lines: lines(500, 'extra') });
    expect(after.lines).toHaveLength(MAX_LOG_LINES);
    expect(after.truncated).toBe(true);
    expect(after.lines[firstVisibleLine(after, 10)]).toBe(topLine);
  });

  it('toggles follow (f) at the current place, and G/end follows again', () => {
    const paused = run(opened(), { type: 'toggle-follow', height: 10 });
    expect(paused.follow).toBe(false);
    expect(firstVisibleLine(paused, 10)).toBe(90);
    expect(run(paused, { type: 'toggle-follow', height: 10 }).follow).toBe(true);
    expect(run(paused, { type: 'home', height: 10 }).top).toBe(0);
    expect(run(paused, { type: 'end' }).follow).toBe(true);
  });

  it('toggles wrap (w) and keeps it across sessions', () => {
    const wrapped = run(opened(), { type: 'toggle-wrap' });
    expect(wrapped.wrap).toBe(true);
    expect(run(wrapped, { type: 'open', sessionId: 's2' }).wrap).toBe(true);
  });

  it('searches with a typed regex, jumps to the nearest match, and n/N cycle through matches', () => {
    const view = run(opened(), { type: 'search-start' }, { type: 'search-input', text: 'line 1' }, { type: 'search-input', text: '5' });
    expect(view.draft).toBe('line 15');
    const found = reduceLog(view, { type: 'search-commit', height: 10 });
    expect(found.search).toBe('line 15');
    expect(found.matchLine).toBe(15);
    expect(found.follow).toBe(false);
    expect(firstVisibleLine(found, 10)).toBeLessThanOrEqual(15);
    const next = reduceLog(found, { type: 'next-match', direction: 1, height: 10 });
    expect(next.matchLine).toBe(15);
    const regex = run(opened(), { type: 'search-start' }, { type: 'search-input', text: 'line [0-9]0$' }, { type: 'search-commit', height: 10 });
    expect(regex.matchLine).toBe(90);
    expect(run(regex, { type: 'next-match', direction: 1, height: 10 }).matchLine).toBe(10);
    expect(run(regex, { type: 'next-match', direction: -1, height: 10 }).matchLine).toBe(80);
  });

  it('cancels a search being typed and treats an invalid regex as text', () => {
    const cancelled = run(opened(), { type: 'search-start' }, { type: 'search-input', text: 'x' }, { type: 'search-backspace' }, { type: 'search-cancel' });
    expect(cancelled).toMatchObject({ searchEditing: false, search: '' });
    expect(matchingLines(['a(b', 'ab'], 'a(')).toEqual([0]);
  });
});
