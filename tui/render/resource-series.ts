// Pure: the history series the Resources charts draw, shaped for blessed-contrib's line chart
// ({title, x, y, style}): platform allocation as % of capacity, a session's use against its request.

import type { Session } from '../../src/domain/session.js';
import { historyPoints, type HistoryPoint, type PointSource } from '../../src/state/history.js';
import type { StatsHistory, UsageHistory } from '../../src/state/usage.js';
import { RESOURCES } from '../text.js';

/** A line colour: one of the 8 ANSI names contrib knows, `normal` (the default colour) or a 256-colour index. */
export type ChartColour = 'cyan' | 'magenta' | 'normal' | number;

/** One line of a chart, in the shape contrib's `line.setData` takes. */
export interface ChartSeries {
  title: string;
  /** One label per point (the sample's wall-clock time); contrib spaces the points by these. */
  x: string[];
  y: number[];
  style: { line: ChartColour };
}

/** The colours of the lines: CPU, RAM, and the request a session's use is drawn against (grey). */
export const SERIES_COLOURS = { cpu: 'cyan', ram: 'magenta', request: 8 } as const satisfies Record<string, ChartColour>;

/** A session resource the charts show. */
export type SessionResource = 'cpu' | 'ram';

/** Pure: gaps (null) filled with the previous value, leading gaps with the first; null when all are missing. */
export function fillGaps(values: readonly (number | null)[]): number[] | null {
  const first = values.find((v): v is number => v !== null && Number.isFinite(v));
  if (first === undefined) return null;
  let last = first;
  return values.map((v) => (v !== null && Number.isFinite(v) ? (last = v) : last));
}

// contrib's line chart needs at least two points: a single sample becomes a flat line.
function twoAtLeast<T>(values: readonly T[]): T[] {
  return values.length === 1 ? [values[0], values[0]] : values.slice();
}

/** Pure: the time between the oldest and the newest of the newest `maxPoints` points (0 for fewer than two). */
export function historySpan(history: PointSource<HistoryPoint> | undefined, maxPoints: number): number {
  const points = historyPoints(history, Math.max(1, maxPoints));
  return points.length < 2 ? 0 : points[points.length - 1].t - points[0].t;
}

const hhmm = (clock: (ms: number) => string, t: number) => clock(t).slice(0, 5);

/**
 * Pure: platform CPU and RAM allocation as % of the capacity at each sample, over the newest
 * `maxPoints` samples; empty when there is no sample (or no capacity) to draw.
 */
export function platformSeries(history: StatsHistory, maxPoints: number, clock: (ms: number) => string): ChartSeries[] {
  const points = historyPoints(history, Math.max(1, maxPoints));
  const pct = (used: number | null, total: number | null) => (used !== null && total ? (100 * used) / total : null);
  const cpu = fillGaps(points.map((p) => pct(p.cpuAllocated, p.cpuCapacity)));
  const ram = fillGaps(points.map((p) => pct(p.ramAllocated, p.ramCapacity)));
  if (!cpu && !ram) return [];
  const x = twoAtLeast(points.map((p) => hhmm(clock, p.t)));
  const series: ChartSeries[] = [];
  if (cpu) series.push({ title: RESOURCES.cpu, x, y: twoAtLeast(cpu), style: { line: SERIES_COLOURS.cpu } });
  if (ram) series.push({ title: RESOURCES.ram, x, y: twoAtLeast(ram), style: { line: SERIES_COLOURS.ram } });
  return series;
}

/**
 * Pure: one resource of a session over its newest `maxPoints` usage samples, in its own unit
 * (cores or GB), with the request as a flat grey line under it when there is one; empty when the
 * session reported no use of that resource yet.
 */
export function sessionSeries(
  history: UsageHistory | undefined,
  session: Session,
  resource: SessionResource,
  maxPoints: number,
  clock: (ms: number) => string,
): ChartSeries[] {
  const points = historyPoints(history, Math.max(1, maxPoints));
  const used = fillGaps(points.map((p) => p[resource]));
  if (!used) return [];
  const x = twoAtLeast(points.map((p) => hhmm(clock, p.t)));
  const y = twoAtLeast(used);
  const requested = resource === 'cpu' ? session.cpu.requested : session.ramGB.requested;
  const title = resource === 'cpu' ? RESOURCES.cpu : RESOURCES.ram;
  const series: ChartSeries[] = [];
  // Drawn first, so where the lines meet the use keeps its colour.
  if (requested !== null && requested > 0) series.push({ title: RESOURCES.requested, x, y: y.map(() => requested), style: { line: SERIES_COLOURS.request } });
  series.push({ title, x, y, style: { line: SERIES_COLOURS[resource] } });
  return series;
}

const STEPS = [1, 2, 4, 6, 8, 10];

/**
 * Pure: a round axis top at or above `value` (1, 2, 4, 6, 8 or 10 times a power of ten), so the
 * chart's middle label is round too; 1 for nothing to show, so the axis always has a range.
 */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = STEPS.find((s) => s * power >= value * (1 - 1e-9)) ?? 10;
  return Number((step * power).toPrecision(6));
}

/** A chart's y axis as contrib draws it: 0 to `maxY`, a label every `step` from 0, `labelWidth` columns for them. */
export interface ChartAxis {
  maxY: number;
  step: number;
  labelWidth: number;
}

/** Pure: the y label contrib's line chart writes for `value` when its labels are `step` apart. */
export function yLabel(value: number, step: number): string {
  return value.toFixed(step < 1 && value !== 0 ? 2 : 0);
}

/**
 * Pure: the y axis of a chart `rows` high showing `series`: its top is `floor` when every point
 * fits under it, else a round value over the highest point; labelled at 0, the top and between
 * (at most `maxIntervals` steps, one label a row, each printed exactly).
 */
export function chartAxis(series: readonly ChartSeries[], rows: number, floor = 0, maxIntervals = 4): ChartAxis {
  let peak = 0;
  for (const s of series) for (const v of s.y) if (v > peak) peak = v;
  const top = floor > 0 && peak <= floor ? floor : niceMax(peak);
  // In our canvas contrib plots a value v at dot row P·(1 − v/maxY) − 2, P = 4·rows − 3: the top
  // two dot rows are never drawn, so maxY goes past `top` until `top` lands on dot row 0.
  const plot = 4 * rows - 3;
  const maxY = plot > 2 ? ((top * plot) / (plot - 2)) * (1 + 1e-9) : top * 2;
  const exact = (k: number) => Array.from({ length: k + 1 }, (_, j) => (j * top) / k).every((v) => Math.abs(Number(yLabel(v, top / k)) - v) < 1e-9);
  const intervals = [4, 2, 1].find((k) => k <= maxIntervals && k + 1 <= rows - 1 && exact(k));
  // Without room for two labels, only 0 is labelled (the next label would be maxY, never written).
  const step = intervals ? top / intervals : maxY;
  const labels = intervals ? Array.from({ length: intervals + 1 }, (_, j) => yLabel(j * step, step)) : ['0'];
  // contrib keeps room for the label of maxY even though it never writes it.
  return { maxY, step, labelWidth: Math.max(yLabel(maxY, step).length, ...labels.map((l) => l.length)) };
}
