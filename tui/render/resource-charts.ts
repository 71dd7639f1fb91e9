// Pure: the Resources pane as blessed-contrib line charts (UTF-8 screens with colour): the legend
// lines as tagged text, and where each chart goes with its series. Everywhere else (ASCII locale,
// NO_COLOR, a pane too small for a chart) it is the text gauges, which need neither braille nor colour.

import type { Session } from '../../src/domain/session.js';
import type { DaemonState } from '../../src/state/state.js';
import { formatCores, formatDuration, formatGiB } from '../../src/cli/format.js';
import { EMPTY, RESOURCES } from '../text.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import { fit, textWidth, truncate } from './cells.js';
import { escapeTags, type Colour } from './paint.js';
import { loadColour, type RenderContext } from './context.js';
import type { Rect } from './geometry.js';
import { resourcesLines } from './gauges.js';
import { chartAxis, historySpan, platformSeries, sessionSeries, type ChartAxis, type ChartSeries, type SessionResource } from './resource-series.js';

/** The charts the Resources pane can show. */
export type ChartId = 'platform' | 'sessionCpu' | 'sessionRam';

/** Every chart id, in the order the screen creates them. */
export const CHART_IDS: readonly ChartId[] = ['platform', 'sessionCpu', 'sessionRam'];

/** One line chart: where it goes (inside the pane's border and padding), its lines and its y axis. */
export interface ChartSpec {
  id: ChartId;
  rect: Rect;
  series: ChartSeries[];
  axis: ChartAxis;
}

/** The Resources pane: its tagged text, and the charts drawn over it (none for text gauges). */
export interface ResourcesPane {
  content: string;
  charts: ChartSpec[];
}

/** The smallest pane (inside its border) that gets charts; smaller ones get the text gauges. */
export const MIN_CHARTS_SIZE = { width: 46, height: 6 } as const;

// Between the platform half and the session half (the rule is painted grey).
const GAP = ' │ ';

type Seg = { text: string; colour?: Colour; bold?: boolean };

// Lines painted and padded to `width` from the first set of variants where every line fits
// (rows[i] lists line i's variants, longest first); the last variants cut when none does. A
// line's tail (the time span) is set right-aligned when there is room for it.
function legends(rows: Seg[][][], width: number, ctx: RenderContext, tails: (string | null)[] = []): string[] {
  const plain = (segs: Seg[]) => segs.map((s) => s.text).join('');
  const count = Math.min(...rows.map((r) => r.length));
  const pick = Array.from({ length: count }, (_, i) => i).find((i) => rows.every((r) => textWidth(plain(r[i])) <= width));
  return rows.map((variants, row) => {
    if (pick === undefined) return escapeTags(fit(plain(variants[count - 1]), width, 'left', ctx.glyphs.ellipsis));
    const chosen = variants[pick];
    const text = chosen.map((s) => {
      const escaped = escapeTags(s.text);
      const coloured = s.colour ? ctx.paint.fg(s.colour, escaped) : escaped;
      return s.bold ? ctx.paint.bold(coloured) : coloured;
    });
    const room = width - textWidth(plain(chosen));
    const tail = tails[row];
    if (tail && textWidth(tail) + 2 <= room) return text.join('') + ' '.repeat(room - textWidth(tail)) + ctx.paint.fg('gray', escapeTags(tail));
    return text.join('') + ' '.repeat(room);
  });
}

// "last 12m": how far back a chart goes (its x labels do not fit under it).
const spanText = (ms: number) => (ms > 0 ? `${RESOURCES.last} ${formatDuration(ms)}` : null);

function percent(used: number | null, total: number | null): Seg {
  if (used === null || !total) return { text: '  - ', colour: 'gray' };
  return { text: `${String(Math.round((used / total) * 100)).padStart(3)}%`, colour: loadColour(used / total) };
}

function platformLegend(state: DaemonState, resource: SessionResource, first: boolean): Seg[][] {
  const stats = state.stats!;
  const { allocated, capacity } = resource === 'cpu' ? stats.cpu : stats.ramGB;
  const name: Seg = { text: resource === 'cpu' ? RESOURCES.cpu : RESOURCES.ram, colour: resource === 'cpu' ? 'cyan' : 'magenta' };
  const nums = resource === 'cpu' ? `${formatCores(allocated)}/${formatCores(capacity)}` : `${formatGiB(allocated)}/${formatGiB(capacity)}`;
  const unit = ` ${resource === 'cpu' ? RESOURCES.cores : RESOURCES.gib}`;
  // The second line is indented under the first, so "Platform" is said once.
  const lead: Seg = first ? { text: `${RESOURCES.platform} `, bold: true } : { text: ' '.repeat(RESOURCES.platform.length + 1) };
  const pct = percent(allocated, capacity);
  const sp: Seg = { text: ' ' };
  return [
    [lead, name, sp, pct, { text: ` ${nums}${unit}` }],
    [lead, name, sp, pct, { text: ` ${nums}` }],
    [lead, name, sp, pct],
    [name, sp, pct],
  ];
}

function sessionLegend(session: Session, resource: SessionResource, ellipsis: string): Seg[][] {
  const { used, requested } = resource === 'cpu' ? session.cpu : session.ramGB;
  const format = resource === 'cpu' ? formatCores : formatGiB;
  const name: Seg = { text: resource === 'cpu' ? RESOURCES.cpu : RESOURCES.ram, colour: resource === 'cpu' ? 'cyan' : 'magenta' };
  const label = terminalLine(session.name);
  // Like the table: "used/requested", or just "used" when nothing was requested (a flexible session).
  // The request is grey, like the flat line that draws it.
  const nums: Seg[] = [{ text: ` ${format(used)}` }, ...(requested === null ? [] : [{ text: `/${format(requested)}`, colour: 'gray' as const }])];
  const unit: Seg = { text: ` ${resource === 'cpu' ? RESOURCES.cores : RESOURCES.gib}` };
  const pct: Seg[] = requested === null ? [] : [{ text: ' ' }, percent(used, requested)];
  const who = (n: number): Seg => ({ text: `${truncate(label, n, ellipsis)} `, bold: true });
  // Narrower: the name shortened, then the numbers or the share dropped, the name last.
  const short = requested === null ? nums : pct;
  return [
    [who(24), name, ...pct, ...nums, unit],
    [who(24), name, ...pct, ...nums],
    [who(12), name, ...pct, ...nums],
    [who(12), name, ...short],
    [name, ...short],
  ];
}

function chart(id: ChartId, rect: Rect, series: ChartSeries[], floor: number, maxIntervals: number): ChartSpec[] {
  if (rect.height <= 0 || series.length === 0) return [];
  return [{ id, rect, series, axis: chartAxis(series, rect.height, floor, maxIntervals) }];
}

// Points a chart `width` cells wide can show: one per braille dot column right of the y labels.
const pointsFor = (width: number) => Math.max(2, 2 * (width - 5));

/** Pure: the chart form of the pane for `width`×`height` cells inside its border; null when too small for charts. */
export function resourcesChartsPane(
  state: DaemonState | null,
  session: Session | null,
  width: number,
  height: number,
  ctx: RenderContext,
): ResourcesPane | null {
  if (width < MIN_CHARTS_SIZE.width || height < MIN_CHARTS_SIZE.height) return null;
  // Two halves, the platform and the selected session, with a grey rule between them.
  const leftWidth = Math.floor((width - GAP.length) / 2);
  const rightLeft = leftWidth + GAP.length;
  const rightWidth = width - rightLeft;
  const left: string[] = Array.from({ length: height }, () => ' '.repeat(leftWidth));
  const right: string[] = Array.from({ length: height }, () => ' '.repeat(rightWidth));
  const note = (text: string, w: number) => {
    const cut = truncate(text, w, ctx.glyphs.ellipsis);
    return ctx.paint.fg('gray', escapeTags(cut)) + ' '.repeat(w - textWidth(cut));
  };
  const charts: ChartSpec[] = [];
  if (state?.stats) {
    const span = spanText(historySpan(state.statsHistory, pointsFor(leftWidth)));
    [left[0], left[1]] = legends([platformLegend(state, 'cpu', true), platformLegend(state, 'ram', false)], leftWidth, ctx, [null, span]);
    const rect = { top: 2, left: 0, width: leftWidth, height: height - 2 };
    charts.push(...chart('platform', rect, platformSeries(state.statsHistory, pointsFor(leftWidth), ctx.clock), 100, 4));
  } else {
    left[0] = note(EMPTY.noStats, leftWidth);
  }
  if (session) {
    const cpuHeight = Math.ceil(height / 2);
    const history = state?.usage[session.id];
    const parts: [ChartId, SessionResource, number, number][] = [
      ['sessionCpu', 'cpu', 0, cpuHeight],
      ['sessionRam', 'ram', cpuHeight, height - cpuHeight],
    ];
    const span = spanText(historySpan(history, pointsFor(rightWidth)));
    [right[0], right[cpuHeight]] = legends(
      parts.map(([, resource]) => sessionLegend(session, resource, ctx.glyphs.ellipsis)),
      rightWidth,
      ctx,
      [null, span],
    );
    for (const [id, resource, top, rows] of parts) {
      const rect = { top: top + 1, left: rightLeft, width: rightWidth, height: rows - 1 };
      // At most two steps: a session's round tops (1, 2, 4, 6, 8 × 10ⁿ) halve into round labels.
      charts.push(...chart(id, rect, sessionSeries(history, session, resource, pointsFor(rightWidth), ctx.clock), 0, 2));
    }
    const own = charts.filter((c) => c.id !== 'platform');
    if (own.length === 0) right[1] = note(EMPTY.noUsage, rightWidth);
    // The two session charts stacked on each other share their y axis column.
    const labelWidth = Math.max(0, ...own.map((c) => c.axis.labelWidth));
    for (const c of own) c.axis = { ...c.axis, labelWidth };
  } else {
    right[0] = note(EMPTY.noSessionSelected, rightWidth);
  }
  const rule = GAP.replace('│', ctx.paint.fg('gray', '│'));
  return { content: left.map((l, i) => `${l}${rule}${right[i]}`.trimEnd()).join('\n'), charts };
}

/** Pure: the Resources pane: charts when the screen has them and the pane is big enough, else text gauges. */
export function resourcesPane(state: DaemonState | null, session: Session | null, width: number, height: number, ctx: RenderContext): ResourcesPane {
  const charts = ctx.charts ? resourcesChartsPane(state, session, width, height, ctx) : null;
  return charts ?? { content: resourcesLines(state, session, width, ctx).join('\n'), charts: [] };
}
