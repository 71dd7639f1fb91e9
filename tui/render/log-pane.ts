// Pure: the log pane's visible lines (tail when following, anchored window otherwise), with wrap,
// the log's own SGR colours as tags, search highlights, and its title with follow/wrap/search state.

import { terminalLine } from '../../src/domain/terminal-text.js';
import { EMPTY, LOGS, TITLES } from '../text.js';
import { firstVisibleLine, matchingLines, searchRegex, type LogView } from '../log-view.js';
import { cutAt } from './cells.js';
import { escapeTags, type Paint } from './paint.js';
import type { RenderContext } from './context.js';
import { logLineText, type LogLineText, type SgrStyle } from './log-line.js';

/** A piece of a line's text to draw (UTF-16 offsets), with the ellipsis that marks a cut. */
interface Piece {
  start: number;
  end: number;
  ellipsis: string;
}

// Offsets of every code point boundary, so pieces never split a surrogate pair.
function boundaries(text: string): number[] {
  const at = [0];
  for (const ch of text) at.push(at[at.length - 1] + ch.length);
  return at;
}

function wrapPieces(text: string, width: number): Piece[] {
  const at = boundaries(text);
  const count = at.length - 1;
  if (width <= 0) return [{ start: 0, end: 0, ellipsis: '' }];
  if (count <= width) return [{ start: 0, end: text.length, ellipsis: '' }];
  const out: Piece[] = [];
  for (let i = 0; i < count; i += width) out.push({ start: at[i], end: at[Math.min(count, i + width)], ellipsis: '' });
  return out;
}

function styled(paint: Paint, style: SgrStyle, text: string): string {
  let out = text;
  if (style.fg) out = paint.fg(style.fg, out);
  if (style.bg) out = paint.bg(style.bg, out);
  if (style.bold) out = paint.bold(out);
  if (style.underline) out = paint.underline(out);
  if (style.inverse) out = paint.inverse(out);
  return out;
}

function matchRanges(text: string, regex: RegExp | null): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  if (!regex) return hits;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0] === '') regex.lastIndex++;
    else hits.push([m.index, m.index + m[0].length]);
  }
  return hits;
}

/** Pure: one piece of a log line as tags: the line's own colours, the search matches painted over them (the current match line stronger). */
export function paintPiece(line: LogLineText, piece: Pick<Piece, 'start' | 'end'>, regex: RegExp | null, current: boolean, ctx: RenderContext): string {
  const { paint } = ctx;
  const text = line.text.slice(piece.start, piece.end);
  const hits = matchRanges(text, regex);
  const cuts = new Set([0, text.length, ...hits.flat()]);
  for (const run of line.runs) for (const at of [run.start, run.end]) if (at > piece.start && at < piece.end) cuts.add(at - piece.start);
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const shown = escapeTags(text.slice(a, b));
    if (hits.some(([s, e]) => s <= a && b <= e)) {
      out += current ? paint.inverse(paint.fg('yellow', shown)) : paint.fg('yellow', paint.bold(shown));
      continue;
    }
    const run = line.runs.find((r) => r.start <= piece.start + a && piece.start + a < r.end);
    out += run ? styled(paint, run.style, shown) : shown;
  }
  return out;
}

/** Pure: `text` (already visible text) with the search matches painted (the current match line stronger). */
export function highlightMatches(text: string, regex: RegExp | null, current: boolean, ctx: RenderContext): string {
  return paintPiece({ text, runs: [] }, { start: 0, end: text.length }, regex, current, ctx);
}

/** Pure: the visual rows for the log pane, `height` at most, each cut or wrapped to `width`. */
export function logLines(view: LogView, size: { width: number; height: number }, ctx: RenderContext, name: string | null): string[] {
  const { paint } = ctx;
  if (view.sessionId === null) return [paint.fg('gray', EMPTY.logsHint)];
  if (view.waiting) return [paint.fg('gray', escapeTags(EMPTY.logsWaiting(terminalLine(name ?? view.sessionId))))];
  if (view.lines.length === 0) return [paint.fg('gray', EMPTY.logsEmpty)];
  const regex = searchRegex(view.search);
  const render = (index: number): string[] => {
    const line = logLineText(view.lines[index]);
    const pieces = view.wrap ? wrapPieces(line.text, size.width) : [{ start: 0, ...cutAt(line.text, size.width, ctx.glyphs.ellipsis) }];
    return pieces.map((p) => paintPiece(line, p, regex, index === view.matchLine, ctx) + p.ellipsis);
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
  const parts = [LOGS.title(terminalLine(name ?? view.sessionId), terminalLine(view.sessionId)), view.follow ? LOGS.follow : LOGS.paused];
  if (view.wrap) parts.push(LOGS.wrap);
  if (view.search) {
    const matches = matchingLines(view.lines, view.search);
    const at = view.matchLine >= 0 ? matches.indexOf(view.matchLine) + 1 : 0;
    parts.push(LOGS.search(terminalLine(view.search), at, matches.length));
  }
  parts.push(`${view.lines.length} lines`);
  return parts.join(` ${ctx.glyphs.dash} `);
}
