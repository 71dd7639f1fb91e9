// Pure: the sessions table as tagged lines (header + the visible window of rows).

import { isActive, isFinished, type Session } from '../../src/domain/session.js';
import type { SessionInsight } from '../../src/state/insight.js';
import { dictGet } from '../../src/domain/dict.js';
import { reasonColour, reasonText } from './reason.js';
import { formatAge, formatCores, formatGiB, formatTimeLeft, formatUsage, parseTime } from '../../src/cli/format.js';
import { COLUMNS, EMPTY } from '../text.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import { fit, truncateStart } from './cells.js';
import { escapeTags } from './paint.js';
import { statusColour, timeLeftColour, type RenderContext } from './context.js';
import type { TableModel, TableRow } from './table-rows.js';
import { largestFirst, type ViewState } from '../view-types.js';

/** A table column: its key, header and the width range it may take. */
interface Column {
  key: keyof typeof COLUMNS;
  min: number;
  max: number;
  align?: 'right';
}

// Listed in the order they are dropped last-to-first when the terminal is narrow.
const COLUMN_PRIORITY: Column[] = [
  { key: 'id', min: 8, max: 8 },
  { key: 'name', min: 10, max: 24 },
  { key: 'status', min: 11, max: 11 },
  { key: 'reason', min: 16, max: 44 },
  { key: 'expires', min: 10, max: 10, align: 'right' },
  { key: 'age', min: 7, max: 7, align: 'right' },
  { key: 'cpu', min: 9, max: 9, align: 'right' },
  { key: 'ram', min: 11, max: 11, align: 'right' },
  { key: 'kind', min: 9, max: 11 },
  { key: 'image', min: 12, max: 200 },
];
const DISPLAY_ORDER: (keyof typeof COLUMNS)[] = ['id', 'name', 'kind', 'status', 'reason', 'age', 'expires', 'cpu', 'ram', 'image'];
const MARKER = 2;

/**
 * Pure: which columns fit in `width` and how wide each is. The WHY column is there only when some row
 * has a reason, and no wider than the longest (`reasonWidth`, 0 when none).
 */
export function tableColumns(width: number, reasonWidth = 0): { key: keyof typeof COLUMNS; width: number; align?: 'right' }[] {
  let used = MARKER;
  const chosen: Column[] = [];
  const reason = (c: Column): Column => ({
    ...c,
    min: Math.min(c.min, reasonWidth),
    max: Math.max(Math.min(c.min, reasonWidth), Math.min(c.max, reasonWidth)),
  });
  for (const candidate of COLUMN_PRIORITY) {
    if (candidate.key === 'reason' && reasonWidth === 0) continue;
    const column = candidate.key === 'reason' ? reason(candidate) : candidate;
    if (used + 1 + column.min > width) break;
    chosen.push(column);
    used += 1 + column.min;
  }
  let spare = width - used;
  const widths = new Map(chosen.map((c) => [c.key, c.min]));
  for (const key of ['name', 'reason', 'image', 'kind'] as const) {
    const column = chosen.find((c) => c.key === key);
    if (!column) continue;
    const extra = Math.min(spare, column.max - column.min);
    widths.set(key, column.min + extra);
    spare -= extra;
  }
  return DISPLAY_ORDER.filter((k) => widths.has(k)).map((key) => ({ key, width: widths.get(key)!, align: chosen.find((c) => c.key === key)!.align }));
}

/** An image without the default registry, cut from the left to `width` ("…astroml:latest"), controls shown as visible escapes. */
export function shortImage(image: string, width: number, ellipsis = '…'): string {
  return truncateStart(terminalLine(image.replace(/^images\.canfar\.net\//, '')), width, ellipsis);
}

// Every text from the server is shown with visible escapes before it is measured and cut.
function sessionCell(
  key: keyof typeof COLUMNS,
  s: Session,
  insight: SessionInsight | undefined,
  now: number,
  width: number,
  ctx: RenderContext,
): { text: string; colour: ReturnType<typeof statusColour> } {
  switch (key) {
    case 'id':
      return { text: terminalLine(s.id), colour: null };
    case 'name':
      return { text: terminalLine(s.name), colour: null };
    case 'kind':
      return { text: terminalLine(s.kind), colour: null };
    case 'status':
      return { text: terminalLine(s.status), colour: statusColour(s.status) };
    case 'age':
      return { text: formatAge(s.startedAt, now), colour: null };
    case 'expires': {
      if (!isActive(s)) return { text: '-', colour: null };
      const at = parseTime(s.expiresAt);
      return { text: formatTimeLeft(s.expiresAt, now), colour: timeLeftColour(at === null ? null : at - now) };
    }
    case 'cpu':
      return { text: formatUsage(s.cpu.used, s.cpu.requested, formatCores), colour: null };
    case 'ram':
      return { text: formatUsage(s.ramGB.used, s.ramGB.requested, formatGiB), colour: null };
    case 'image':
      return { text: shortImage(s.image, width, ctx.glyphs.ellipsis), colour: null };
    case 'reason': {
      const reason = reasonText(s, insight, now);
      return { text: reason ? terminalLine(reason) : '', colour: reasonColour(s, insight) };
    }
  }
}

function markerCell(marked: boolean, row: TableRow, ctx: RenderContext): string {
  const h = row.type === 'session' ? row.highlight : null;
  return (marked ? ctx.glyphs.mark : ' ') + (h === 'new' ? '+' : h === 'changed' ? '~' : h === 'removed' ? '-' : ' ');
}

function groupSummary(row: Extract<TableRow, { type: 'group' }>, width: number, ctx: RenderContext): string {
  const { group, members } = row;
  // A rerun replica's earlier attempt is a member too: only the latest attempt of each replica counts.
  const current = new Set(group.current.map((m) => m.id));
  const done = members.filter((s) => current.has(s.id) && isFinished(s)).length;
  const barWidth = 10;
  const filled = Math.min(barWidth, Math.round((done / Math.max(1, group.total)) * barWidth));
  const bar = ctx.glyphs.progressDone.repeat(filled) + ctx.glyphs.progressLeft.repeat(barWidth - filled);
  const counts = Object.entries(group.countsByStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${n} ${terminalLine(status)}`);
  return fit(`[${bar}] ${done}/${group.total} done  ${counts.join(' ')}`, width, 'left', ctx.glyphs.ellipsis);
}

function rowLine(
  row: TableRow,
  columns: ReturnType<typeof tableColumns>,
  view: ViewState,
  insights: Readonly<Record<string, SessionInsight>>,
  ctx: RenderContext,
): string {
  const { paint, glyphs } = ctx;
  const marked = row.marks.length > 0 && row.marks.every((id) => view.marks.includes(id));
  let out = escapeTags(markerCell(marked, row, ctx));
  if (row.type === 'group') {
    const head = columns.filter((c) => c.key === 'id' || c.key === 'name' || c.key === 'kind');
    for (const c of head) {
      const text =
        c.key === 'id'
          ? `${row.expanded ? glyphs.expanded : glyphs.collapsed} ${row.group.total}x`
          : c.key === 'name'
            ? terminalLine(row.group.base)
            : 'headless';
      out += ' ' + escapeTags(fit(text, c.width, 'left', glyphs.ellipsis));
    }
    const rest = columns.filter((c) => !head.includes(c)).reduce((sum, c) => sum + c.width + 1, 0);
    return out + ' ' + escapeTags(groupSummary(row, Math.max(0, rest - 1), ctx));
  }
  for (const c of columns) {
    const cell = sessionCell(c.key, row.session, dictGet(insights, row.session.id), ctx.now, c.width - (c.key === 'name' ? row.depth * 2 : 0), ctx);
    const text = c.key === 'name' && row.depth > 0 ? `  ${cell.text}` : cell.text;
    const padded = escapeTags(fit(text, c.width, c.align ?? 'left', glyphs.ellipsis));
    out += ' ' + (cell.colour ? paint.fg(cell.colour, padded) : padded);
  }
  return out;
}

function decorate(line: string, row: TableRow, selected: boolean, focused: boolean, ctx: RenderContext): string {
  const { paint } = ctx;
  if (selected) return focused ? paint.inverse(line) : paint.underline(line);
  if (row.type === 'session' && row.ghost) return paint.fg('gray', line);
  if (row.type === 'session' && row.highlight) return paint.bold(line);
  return line;
}

/** The column headers, the sort column's with its direction (↑ smallest first, ↓ largest first), in colour. */
function headerRow(columns: ReturnType<typeof tableColumns>, sort: ViewState['sort'], ctx: RenderContext): string {
  const arrow = largestFirst(sort) ? ctx.glyphs.down : ctx.glyphs.up;
  const cells = columns.map((c) => {
    const sorted = c.key === sort.column;
    const text = escapeTags(fit(sorted ? `${COLUMNS[c.key]} ${arrow}` : COLUMNS[c.key], c.width, c.align ?? 'left'));
    return ' ' + (sorted ? ctx.paint.fg('cyan', text) : text);
  });
  return ctx.paint.bold(' '.repeat(MARKER) + cells.join(''));
}

/** Pure: the table header and the rows from `top` that fit in `height` lines (header included). */
export function sessionsTableLines(
  model: TableModel,
  view: ViewState,
  size: { width: number; height: number },
  ctx: RenderContext,
  options: { readonly?: boolean; synced: boolean; insights?: Readonly<Record<string, SessionInsight>> },
): string[] {
  const insights = options.insights ?? {};
  let reasonWidth = 0;
  for (const row of model.rows) {
    if (row.type !== 'session') continue;
    const reason = reasonText(row.session, dictGet(insights, row.session.id), ctx.now);
    if (reason) reasonWidth = Math.max(reasonWidth, [...terminalLine(reason)].length);
  }
  const columns = tableColumns(size.width, reasonWidth);
  const lines = [headerRow(columns, view.sort, ctx)];
  const body = Math.max(0, size.height - 1);
  if (model.rows.length === 0) {
    const message = !options.synced
      ? EMPTY.synchronising
      : view.filter
        ? EMPTY.noMatch(view.filter)
        : model.hiddenFinished > 0
          ? EMPTY.noActive(model.hiddenFinished)
          : options.readonly
            ? EMPTY.noSessionsReadonly
            : EMPTY.noSessions;
    return [...lines, ctx.paint.fg('gray', escapeTags(fit(` ${message}`, size.width)))];
  }
  const top = Math.max(0, Math.min(view.tableTop, model.rows.length - body));
  const index = model.rows.findIndex((r) => r.key === view.selected);
  for (let i = top; i < Math.min(model.rows.length, top + body); i++) {
    const row = model.rows[i];
    lines.push(decorate(rowLine(row, columns, view, insights, ctx), row, i === index, view.focus === 'table', ctx));
  }
  return lines;
}
