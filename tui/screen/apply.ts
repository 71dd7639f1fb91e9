// The only code that changes widgets after creation: positions, labels, borders, content and
// chart data, each set only when it differs from what was applied last, so an unchanged frame
// costs nothing; and a frame that moved nothing says which panes to draw again.

import type blessed from 'blessed';
import type contrib from 'blessed-contrib';
import type { Frame, PaneFrame } from '../render/frame.js';
import type { Rect } from '../render/geometry.js';
import type { Widgets } from './layout.js';
import { CHART_IDS, type ChartSpec } from '../render/resource-charts.js';
import { contribCall, type ChartWidgets } from './charts.js';

/** What was last written to each widget (to skip writes that change nothing). */
export type AppliedCache = Map<string, unknown>;

/** What a frame changed: `whole` when anything moved, showed or hid (or a dialog is open over it), else the widgets whose content changed. */
export interface Applied {
  whole: boolean;
  widgets: blessed.Widgets.BoxElement[];
}

/** Options for applying frames. */
export interface ApplyOptions {
  colour: boolean;
  /** Marks the focused pane's title when there is no colour to show it. */
  focusMark: string;
}

function place(cache: AppliedCache, name: string, widget: blessed.Widgets.BoxElement, rect: Rect): boolean {
  const key = `${rect.top},${rect.left},${rect.width},${rect.height}`;
  if (cache.get(`${name}:rect`) === key) return false;
  cache.set(`${name}:rect`, key);
  if (rect.height <= 0 || rect.width <= 0) {
    widget.hide();
    return true;
  }
  widget.top = rect.top;
  widget.left = rect.left;
  widget.width = rect.width;
  widget.height = rect.height;
  widget.show();
  return true;
}

function content(cache: AppliedCache, name: string, widget: blessed.Widgets.BoxElement, text: string): boolean {
  if (cache.get(`${name}:content`) === text) return false;
  cache.set(`${name}:content`, text);
  widget.setContent(text);
  return true;
}

function pane(cache: AppliedCache, name: string, widget: blessed.Widgets.BoxElement, frame: PaneFrame, options: ApplyOptions): boolean {
  let changed = content(cache, name, widget, frame.content);
  const label = ` ${frame.focused && !options.colour ? options.focusMark + ' ' : ''}${frame.label} `;
  if (cache.get(`${name}:label`) !== label) {
    cache.set(`${name}:label`, label);
    // Labels are plain text: a session name must not be read as a tag.
    widget.setLabel(label.replace(/[{}]/g, ''));
    changed = true;
  }
  const focus = String(frame.focused);
  if (cache.get(`${name}:focus`) !== focus) {
    cache.set(`${name}:focus`, focus);
    if (options.colour) (widget.style as { border: { fg: string } }).border.fg = frame.focused ? 'cyan' : 'gray';
    changed = true;
  }
  return changed;
}

type LineChart = ChartWidgets[keyof ChartWidgets];

/** How a chart changed: moved (or showed), or only got data. */
type ChartChange = 'moved' | 'data' | null;

// A chart is re-attached when it moves or resizes (contrib sizes its canvas only on attach), and
// given data only when its series or axis changed: an idle screen never redraws a chart.
function chart(cache: AppliedCache, widget: LineChart, spec: ChartSpec): ChartChange {
  const name = `chart:${spec.id}`;
  let changed: ChartChange = null;
  const rect = `${spec.rect.top},${spec.rect.left},${spec.rect.width},${spec.rect.height}`;
  if (cache.get(`${name}:rect`) !== rect) {
    cache.set(`${name}:rect`, rect);
    cache.delete(`${name}:data`);
    cache.delete(`${name}:spec`);
    Object.assign(widget, { top: spec.rect.top, left: spec.rect.left, width: spec.rect.width, height: spec.rect.height });
    contribCall('line chart resize', () => widget.emit('attach'));
    changed = 'moved';
  }
  // The same spec object as last time (the pane's text was kept) needs no comparing.
  const same = cache.get(`${name}:spec`) === spec;
  cache.set(`${name}:spec`, spec);
  const data = same ? cache.get(`${name}:data`) : JSON.stringify([spec.axis, spec.series]);
  if (cache.get(`${name}:data`) !== data) {
    cache.set(`${name}:data`, data);
    // contrib reads its axis options on every setData: labels every maxY/numYLabels, paddings in
    // braille dots (2 a column).
    const { maxY, step, labelWidth } = spec.axis;
    Object.assign(widget.options, { maxY, numYLabels: maxY / step, xPadding: 2 * labelWidth, xLabelPadding: 2 * labelWidth });
    contribCall('line chart data', () => widget.setData(spec.series as unknown as contrib.Widgets.LineData[]));
    changed ??= 'data';
  }
  if (widget.hidden) {
    widget.show();
    changed = 'moved';
  }
  return changed;
}

function charts(cache: AppliedCache, widgets: ChartWidgets | null, specs: readonly ChartSpec[]): ChartChange {
  if (!widgets) return null;
  let changed: ChartChange = null;
  for (const id of CHART_IDS) {
    const spec = specs.find((s) => s.id === id);
    if (spec) {
      const change = chart(cache, widgets[id], spec);
      if (change === 'moved') changed = 'moved';
      else if (change === 'data') changed ??= 'data';
    } else if (!widgets[id].hidden) {
      widgets[id].hide();
      changed = 'moved';
    }
  }
  return changed;
}

/** Applies a frame; says what changed (so the caller renders only that, or nothing). */
export function applyFrame(widgets: Widgets, frame: Frame, cache: AppliedCache, options: ApplyOptions): Applied {
  const g = frame.geometry;
  let whole = false;
  const changed = new Set<blessed.Widgets.BoxElement>();
  const mark = (widget: blessed.Widgets.BoxElement, did: boolean) => void (did && changed.add(widget));
  whole = place(cache, 'header', widgets.header, g.header) || whole;
  mark(widgets.header, content(cache, 'header', widgets.header, frame.header));
  whole = place(cache, 'footer', widgets.footer, g.footer) || whole;
  mark(widgets.footer, content(cache, 'footer', widgets.footer, frame.footer));
  for (const name of ['table', 'resources', 'details', 'logs'] as const) {
    whole = place(cache, name, widgets[name], g[name]) || whole;
    mark(widgets[name], pane(cache, name, widgets[name], frame[name], options));
  }
  const chartChange = charts(cache, widgets.charts, frame.resources.charts ?? []);
  // A chart is drawn by its pane (it is the pane's child).
  whole = chartChange === 'moved' || whole;
  mark(widgets.resources, chartChange === 'data');
  if (frame.dialog) {
    whole = place(cache, 'dialog', widgets.dialog, frame.dialog.rect) || whole;
    whole = pane(cache, 'dialog', widgets.dialog, frame.dialog, options) || whole;
    if (widgets.dialog.hidden) {
      widgets.dialog.show();
      widgets.dialog.setFront();
      whole = true;
    }
    // A pane drawn again would draw over the dialog.
    whole ||= changed.size > 0;
  } else if (!widgets.dialog.hidden) {
    widgets.dialog.hide();
    cache.delete('dialog:rect');
    whole = true;
  }
  return { whole, widgets: whole ? [] : [...changed] };
}
