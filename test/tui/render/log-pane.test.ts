import { describe, expect, it } from 'vitest';
import { highlightMatches, logLines, logTitle } from '../../../tui/render/log-pane.js';
import { renderContext } from '../../../tui/render/context.js';
import { stripTags } from '../../../tui/render/paint.js';
import { emptyLogView, reduceLog, type LogView } from '../../../tui/log-view.js';
import { T0 } from '../../helpers/builders.js';

const ctx = renderContext({ now: T0 });
const withLines = (lines: string[], over: Partial<LogView> = {}): LogView => ({
  ...reduceLog(reduceLog(emptyLogView(), { type: 'open', sessionId: 's1' }), { type: 'reset', sessionId: 's1', lines }),
  ...over,
});

describe('log pane render', () => {
  it('hints how to open logs, then says it is waiting for the history', () => {
    expect(logLines(emptyLogView(), { width: 80, height: 5 }, ctx, null).map(stripTags)).toEqual(["Press l to follow the selected session's logs."]);
    const waiting = reduceLog(emptyLogView(), { type: 'open', sessionId: 's1' });
    expect(stripTags(logLines(waiting, { width: 80, height: 5 }, ctx, 'nb')[0])).toBe('Waiting for the log of nb…');
  });

  it('shows the newest lines at the bottom while following', () => {
    const view = withLines(['a', 'b', 'c', 'd']);
    expect(logLines(view, { width: 20, height: 2 }, ctx, 'nb').map(stripTags)).toEqual(['c', 'd']);
  });

  it('wraps long lines when wrap is on and cuts them otherwise', () => {
    const long = 'x'.repeat(25);
    expect(logLines(withLines([long]), { width: 10, height: 5 }, ctx, 'nb').map(stripTags)).toEqual(['xxxxxxxxx…']);
    expect(logLines(withLines([long], { wrap: true }), { width: 10, height: 5 }, ctx, 'nb').map(stripTags)).toEqual(['xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx']);
    expect(logLines(withLines(['a', long], { wrap: true }), { width: 10, height: 2 }, ctx, 'nb').map(stripTags)).toEqual(['xxxxxxxxxx', 'xxxxx']);
  });

  it('shows the anchored window while paused, with the truncation note at the top', () => {
    const view = withLines(['a', 'b', 'c'], { follow: false, top: 0, truncated: true });
    expect(logLines(view, { width: 40, height: 3 }, ctx, 'nb').map(stripTags)).toEqual(['(older lines were dropped by the daemon buffer)', 'a', 'b']);
  });

  it('highlights search matches, the current one inversed, and escapes tags in log text', () => {
    expect(highlightMatches('an error {here}', /error/gi, false, ctx)).toBe('an {yellow-fg}{bold}error{/bold}{/yellow-fg} {open}here{close}');
    expect(highlightMatches('error', /error/gi, true, ctx)).toBe('{inverse}{yellow-fg}error{/yellow-fg}{/inverse}');
  });

  it('shows control characters in log lines as visible escapes, never raw', () => {
    const [line] = logLines(withLines(['a\u001b[2Jb\u0007c\u009b31md\u001b]52;c;aGk=\u0007e\u007f']), { width: 80, height: 2 }, ctx, 'nb');
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(stripTags(line)).toBe('a\\x1b[2Jb\\x07c\\x9b31md\\x1b]52;c;aGk=\\x07e\\x7f');
  });

  it("translates the log's SGR colours into tags and drops the bytes", () => {
    const [line] = logLines(withLines(['ok \u001b[31mred\u001b[0m \u001b[1;32mbold green\u001b[39m bold\u001b[22m {x}']), { width: 80, height: 2 }, ctx, 'nb');
    expect(line).toBe('ok {red-fg}red{/red-fg} {bold}{green-fg}bold green{/green-fg}{/bold}{bold} bold{/bold} {open}x{close}');
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('measures, cuts and wraps the visible text (escapes count, colour sequences do not)', () => {
    const raw = `\u001b[31m${'r'.repeat(6)}\u001b[0m\u0007${'p'.repeat(6)}`;
    expect(logLines(withLines([raw]), { width: 10, height: 2 }, ctx, 'nb').map(stripTags)).toEqual(['rrrrrr\\x0…']);
    expect(logLines(withLines([raw], { wrap: true }), { width: 10, height: 3 }, ctx, 'nb')).toEqual(['{red-fg}rrrrrr{/red-fg}\\x07', 'pppppp']);
  });

  it("paints search matches over the log's own colours", () => {
    const view = withLines(['\u001b[32mall error here\u001b[0m'], { search: 'error', matchLine: -1 });
    expect(logLines(view, { width: 80, height: 1 }, ctx, 'nb')[0]).toBe(
      '{green-fg}all {/green-fg}{yellow-fg}{bold}error{/bold}{/yellow-fg}{green-fg} here{/green-fg}',
    );
  });

  it('titles the pane with session, follow state, wrap, search position and line count', () => {
    const view = withLines(['error 1', 'ok', 'error 2'], { search: 'error', matchLine: 2, wrap: true, follow: false });
    expect(logTitle(view, 'nb-main', ctx)).toBe('Logs nb-main (s1) — paused — wrap — /error 2/2 — 3 lines');
    expect(logTitle(emptyLogView(), null, ctx)).toBe('Logs');
  });
});
