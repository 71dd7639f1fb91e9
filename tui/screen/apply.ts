// The only code that changes widgets after creation: positions, labels, borders, content and
// chart data, each set only when it differs from what was applied last, so an unchanged frame
// costs nothing.

import type blessed from 'blessed';
import type contrib from 'blessed-contrib';
import type { Frame, PaneFrame } from '../render/frame.js';
import type { Rect } from '../render/geometry.js';
import type { Widgets } from './layout.js';
import { CHART_IDS, type ChartSpec } from '../render/resource-charts.js';
import { contribCall, type ChartWidgets } from './charts.js';

/** What was last written to each widget (to skip writes that change nothing). */
export type AppliedCache = Map<string, string>;

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

// A chart is re-attached when it moves or resizes (contrib sizes its canvas only on attach), and
// given data only when its series or axis changed: an idle screen never redraws a chart.
function chart(cache: AppliedCache, widget: LineChart, spec: ChartSpec): boolean {
  const name = `chart:${spec.id}`;
  let changed = false;
  const rect = `${spec.rect.top},${spec.rect.left},${spec.rect.width},${spec.rect.height}`;
  if (cache.get(`${name}:rect`) !== rect) {
    cache.set(`${name}:rect`, rect);
    cache.delete(`${name}:data`);
    Object.assign(widget, { top: spec.rect.top, left: spec.rect.left, width: spec.rect.width, height: spec.rect.height });
    contribCall('line chart resize', () => widget.emit('attach'));
    changed = true;
  }
  const data = JSON.stringify([spec.axis, spec.series]);
  if (cache.get(`${name}:data`) !== data) {
    cache.set(`${name}:data`, data);
    // contrib reads its axis options on every setData: labels every maxY/numYLabels, paddings in
    // braille dots (2 a column).
    const { maxY, step, labelWidth } = spec.axis;
    Object.assign(widget.options, { maxY, numYLabels: maxY / step, xPadding: 2 * labelWidth, xLabelPadding: 2 * labelWidth });
    contribCall('line chart data', () => widget.setData(spec.series as unknown as contrib.Widgets.LineData[]));
    changed = true;
  }
  if (widget.hidden) {
    widget.show();
    changed = true;
  }
  return changed;
}

function charts(cache: AppliedCache, widgets: ChartWidgets | null, specs: readonly ChartSpec[]): boolean {
  if (!widgets) return false;
  let changed = false;
  for (const id of CHART_IDS) {
    const spec = specs.find((s) => s.id === id);
    if (spec) changed = chart(cache, widgets[id], spec) || changed;
    else if (!widgets[id].hidden) {
      widgets[id].hide();
      changed = true;
    }
  }
  return changed;
}

/** Applies a frame; returns whether anything changed (so the caller renders only then). */
export function applyFrame(widgets: Widgets, frame: Frame, cache: AppliedCache, options: ApplyOptions): boolean {
  const g = frame.geometry;
  let changed = false;
  changed = place(cache, 'header', widgets.header, g.header) || changed;
  changed = content(cache, 'header', widgets.header, frame.header) || changed;
  changed = place(cache, 'footer', widgets.footer, g.footer) || changed;
  changed = content(cache, 'footer', widgets.footer, frame.footer) || changed;
  for (const name of ['table', 'resources', 'details', 'logs'] as const) {
    changed = place(cache, name, widgets[name], g[name]) || changed;
    changed = pane(cache, name, widgets[name], frame[name], options) || changed;
  }
  changed = charts(cache, widgets.charts, frame.resources.charts ?? []) || changed;
  if (frame.dialog) {
    changed = place(cache, 'dialog', widgets.dialog, frame.dialog.rect) || changed;
    changed = pane(cache, 'dialog', widgets.dialog, frame.dialog, options) || changed;
    if (widgets.dialog.hidden) {
      widgets.dialog.show();
      widgets.dialog.setFront();
      changed = true;
    }
  } else if (!widgets.dialog.hidden) {
    widgets.dialog.hide();
    cache.delete('dialog:rect');
    changed = true;
  }
  return changed;
}
