// Pure: the log pane's visible lines (tail when following, anchored window otherwise), with wrap and
// search highlights, and its title with follow/wrap/search state.

import { EMPTY, LOGS, TITLES } from '../text.js';
import { firstVisibleLine, matchingLines, searchRegex, type LogView } from '../log-view.js';
import { printable, truncate } from './cells.js';
import { escapeTags } from './paint.js';
import type { RenderContext } from './context.js';

function wrapLine(line: string, width: number): string[] {
  if (width <= 0) return [''];
  const chars = [...line];
  if (chars.length <= width) return [line];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}

/** Pure: `text` with the search matches painted (the current match line stronger). */
export function highlightMatches(text: string, regex: RegExp | null, current: boolean, ctx: RenderContext): string {
  if (!regex) return escapeTags(text);
  let out = '';
  let last = 0;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0] === '') {
      regex.lastIndex++;
      continue;
    }
    out += escapeTags(text.slice(last, m.index));
    const hit = escapeTags(m[0]);
    out += current ? ctx.paint.inverse(ctx.paint.fg('yellow', hit)) : ctx.paint.fg('yellow', ctx.paint.bold(hit));
    last = m.index + m[0].length;
  }
  return out + escapeTags(text.slice(last));
}

/** Pure: the visual rows for the log pane, `height` at most, each cut or wrapped to `width`. */
export function logLines(view: LogView, size: { width: number; height: number }, ctx: RenderContext, name: string | null): string[] {
  const { paint } = ctx;
  if (view.sessionId === null) return [paint.fg('gray', EMPTY.logsHint)];
  if (view.waiting) return [paint.fg('gray', escapeTags(EMPTY.logsWaiting(name ?? view.sessionId)))];
  if (view.lines.length === 0) return [paint.fg('gray', EMPTY.logsEmpty)];
  const regex = searchRegex(view.search);
  const render = (index: number): string[] => {
    const plain = printable(view.lines[index]);
    const pieces = view.wrap ? wrapLine(plain, size.width) : [truncate(plain, size.width, ctx.glyphs.ellipsis)];
    return pieces.map((p) => highlightMatches(p, regex, index === view.matchLine, ctx));
  };
  const rows: string[] = [];
  if (view.follow) {
    // Fill from the bottom so the newest line is always the last row.
    for (let i = view.lines.length - 1; i >= 0 && rows.length < size.height; i--) {
      const pieces = render(i);
      rows.unshift(...pieces.slice(Math.max(0, pieces.length - (size.height - rows.length))));
    }
  } else {
    const first = firstVisibleLine(view, size.height);
    if (first === 0 && view.truncated) rows.push(paint.fg('gray', EMPTY.logsTruncated));
    for (let i = first; i < view.lines.length && rows.length < size.height; i++) rows.push(...render(i).slice(0, size.height - rows.length));
  }
  return rows;
}

/** Pure: the log pane's title: session, follow or paused, wrap, search position, line count. */
export function logTitle(view: LogView, name: string | null, ctx: RenderContext): string {
  if (view.sessionId === null) return TITLES.logs;
  const parts = [LOGS.title(name ?? view.sessionId, view.sessionId), view.follow ? LOGS.follow : LOGS.paused];
  if (view.wrap) parts.push(LOGS.wrap);
  if (view.search) {
    const matches = matchingLines(view.lines, view.search);
    const at = view.matchLine >= 0 ? matches.indexOf(view.matchLine) + 1 : 0;
    parts.push(LOGS.search(view.search, at, matches.length));
  }
  parts.push(`${view.lines.length} lines`);
  return parts.join(` ${ctx.glyphs.dash} `);
}
