// Pure: gauge bars, sparklines and the resources pane (platform allocation, selected session usage).

import type { Session } from '../../src/domain/session.js';
import type { DaemonState } from '../../src/state/state.js';
import { historyPoints } from '../../src/state/history.js';
import { formatCores, formatGiB } from '../../src/cli/format.js';
import { EMPTY, RESOURCES } from '../text.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import { fit, truncate } from './cells.js';
import { escapeTags } from './paint.js';
import { loadColour, type RenderContext } from './context.js';
import type { Glyphs } from './glyphs.js';

/** Pure: a bar `width` cells wide filled to `fraction` (0–1, clamped); any use shows at least one cell. */
export function gaugeBar(fraction: number, width: number, glyphs: Glyphs): string {
  const clamped = Math.max(0, Math.min(1, fraction));
  const filled = clamped > 0 ? Math.max(1, Math.round(clamped * width)) : 0;
  return glyphs.barFull.repeat(filled) + glyphs.barEmpty.repeat(Math.max(0, width - filled));
}

/** Pure: the last `width` values as a sparkline scaled to `max` (or the series' own max); nulls are blanks. */
export function sparkline(values: readonly (number | null)[], width: number, glyphs: Glyphs, max: number | null = null): string {
  if (width <= 0) return '';
  const tail = values.slice(-width);
  const top = max ?? Math.max(0, ...tail.filter((v): v is number => v !== null));
  const levels = glyphs.spark.length;
  const chars = tail.map((v) => {
    if (v === null) return ' ';
    if (top <= 0) return glyphs.spark[0];
    return glyphs.spark[Math.max(0, Math.min(levels - 1, Math.round((v / top) * (levels - 1))))];
  });
  return ' '.repeat(width - chars.length) + chars.join('');
}

/** One gauge line's data: a label, used and total, how to print them, and the history. */
export interface GaugeSpec {
  label: string;
  /** Always shown after the label, which is cut first ("CPU", "RAM"). */
  tag?: string;
  used: number | null;
  total: number | null;
  format: (value: number | null) => string;
  unit?: string;
  history: readonly (number | null)[];
  /** Scale of the history (the total when it is stable, else the series max). */
  historyMax: number | null;
}

/** Pure: one tagged gauge line: label, bar, percentage, used/total and the sparkline in the rest. */
export function gaugeLine(spec: GaugeSpec, width: number, ctx: RenderContext): string {
  const { paint, glyphs } = ctx;
  const narrow = width < 60;
  const labelWidth = Math.min(20, Math.max(14, Math.floor(width / 5)));
  const barWidth = narrow ? 6 : Math.min(20, Math.floor(width / 6));
  const fraction = spec.used !== null && spec.total ? spec.used / spec.total : null;
  const pct = fraction === null ? '  - ' : `${String(Math.round(fraction * 100)).padStart(3)}%`;
  // Narrow panes drop the unit, then the sparkline, before cutting the numbers.
  const nums = `${spec.format(spec.used)}/${spec.format(spec.total)}${spec.unit && !narrow ? ` ${spec.unit}` : ''}`;
  const numsWidth = Math.min(16, Math.max(0, width - labelWidth - barWidth - 8));
  const bar = gaugeBar(fraction ?? 0, barWidth, glyphs);
  const sparkWidth = Math.max(0, width - labelWidth - barWidth - 2 - 1 - 4 - 1 - numsWidth - 1);
  const colour = fraction === null ? 'gray' : loadColour(fraction);
  return (
    escapeTags(gaugeLabel(spec, labelWidth - 1, glyphs.ellipsis)) +
    ' ' +
    '[' +
    paint.fg(colour, bar) +
    '] ' +
    pct +
    ' ' +
    escapeTags(fit(nums, numsWidth, 'left', glyphs.ellipsis)) +
    (sparkWidth > 0 ? ' ' + paint.fg('cyan', sparkline(spec.history, sparkWidth, glyphs, spec.historyMax)) : '')
  );
}

function gaugeLabel(spec: GaugeSpec, width: number, ellipsis: string): string {
  if (!spec.tag) return fit(terminalLine(spec.label), width, 'left', ellipsis);
  const room = Math.max(1, width - spec.tag.length - 1);
  return fit(`${truncate(terminalLine(spec.label), room, ellipsis)} ${spec.tag}`, width);
}

const cores = (v: number | null) => formatCores(v);
/** Memory reported in decimal GB, shown in GiB (the unit of `--ram` and the launch form). */
const gib = (v: number | null) => formatGiB(v);

/** Pure: the gauge specs for the platform (stats) and, when given, one session (usage history). */
export function resourceGauges(state: DaemonState | null, session: Session | null): GaugeSpec[] {
  const specs: GaugeSpec[] = [];
  if (state?.stats) {
    const points = historyPoints(state.statsHistory);
    const cpuCap = state.stats.cpu.capacity;
    const ramCap = state.stats.ramGB.capacity;
    specs.push({
      label: RESOURCES.platformCpu,
      used: state.stats.cpu.allocated,
      total: cpuCap,
      format: cores,
      unit: RESOURCES.cores,
      history: points.map((p) => p.cpuAllocated),
      historyMax: cpuCap,
    });
    specs.push({
      label: RESOURCES.platformRam,
      used: state.stats.ramGB.allocated,
      total: ramCap,
      format: gib,
      unit: RESOURCES.gib,
      history: points.map((p) => p.ramAllocated),
      historyMax: ramCap,
    });
  }
  if (session) {
    const points = historyPoints(state?.usage[session.id]);
    specs.push({
      label: session.name,
      tag: RESOURCES.cpu,
      used: session.cpu.used,
      total: session.cpu.requested,
      format: cores,
      history: points.map((p) => p.cpu),
      historyMax: session.cpu.requested,
    });
    specs.push({
      label: session.name,
      tag: RESOURCES.ram,
      used: session.ramGB.used,
      total: session.ramGB.requested,
      format: gib,
      unit: RESOURCES.gib,
      history: points.map((p) => p.ram),
      historyMax: session.ramGB.requested,
    });
  }
  return specs;
}

/** Pure: the resources pane lines. */
export function resourcesLines(state: DaemonState | null, session: Session | null, width: number, ctx: RenderContext): string[] {
  const specs = resourceGauges(state, session);
  const lines = specs.map((spec) => gaugeLine(spec, width, ctx));
  if (!state?.stats) lines.unshift(ctx.paint.fg('gray', EMPTY.noStats));
  if (session && session.cpu.used === null && session.ramGB.used === null) lines.push(ctx.paint.fg('gray', EMPTY.noUsage));
  return lines;
}
