// Creates the Resources pane's blessed-contrib line charts (braille, via drawille), working around
// contrib's quirks: it throws strings, sizes its canvas for a bordered box with x labels under it,
// and only sizes it when the widget is attached (so apply re-attaches it after a move or resize).

import { createRequire } from 'node:module';
import type blessed from 'blessed';
import type contrib from 'blessed-contrib';
import { CHART_IDS, type ChartId } from '../render/resource-charts.js';

// Only the line chart: the package's index loads every widget (maps, pictures, trees, …), about
// 40 ms of the dashboard's start-up for nothing. Same function as `contrib.line`. Loaded when the
// first chart is made (it and what it needs take ~30 ms more).
let contribLine: typeof contrib.line | null = null;
const lineWidget = () => (contribLine ??= createRequire(import.meta.url)('blessed-contrib/lib/widget/charts/line.js') as typeof contrib.line);

/** The line charts of the Resources pane, by id. */
export type ChartWidgets = Record<ChartId, contrib.Widgets.LineElement>;

/** Runs a blessed-contrib call, turning anything it throws (contrib throws plain strings) into an Error. */
export function contribCall<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Error) throw error;
    throw new Error(`blessed-contrib ${what} failed: ${String(error)}`);
  }
}

// contrib sizes the canvas as (2w − 12) × (4h − 8) dots, leaving room for a border and a legend we
// do not use. Full width instead; and two rows taller than the widget, so the x labels (which
// contrib always draws 11 dots under the plot) fall below the widget and are cut off, and the x
// axis sits on its last row. The pane's legend lines say what the axes are.
function calcSize(this: contrib.Widgets.LineElement): void {
  this.canvasSize = { width: Math.max(2, (this.width as number) * 2), height: Math.max(1, this.height as number) * 4 + 8 };
}

type ChartInternals = contrib.Widgets.LineElement & {
  ctx: { _canvas: { frame(): string } };
  clearPos(get?: boolean): void;
  _render(): unknown;
};

// contrib's canvas turns its whole braille bitmap into text and sets it as content again on every
// screen render, changed or not (three charts, every frame). The bitmap changes only in setData, and
// is made anew on attach (a move or resize): only then is the text made and set again. Between those,
// blessed draws the same content in the same place, as before.
function drawOnlyWhenChanged(chart: contrib.Widgets.LineElement): void {
  const widget = chart as ChartInternals;
  let stale = true;
  const setData = widget.setData as (this: ChartInternals, ...args: unknown[]) => void;
  widget.setData = function (this: ChartInternals, ...args: unknown[]) {
    stale = true;
    setData.apply(this, args);
  };
  widget.on('attach', () => (stale = true));
  widget.render = function (this: ChartInternals) {
    if (stale) {
      stale = false;
      this.clearPos(true);
      this.setContent(this.ctx._canvas.frame());
    }
    return this._render();
  } as ChartInternals['render'];
}

function lineChart(screen: blessed.Widgets.Screen, parent: blessed.Widgets.BoxElement): contrib.Widgets.LineElement {
  const chart = contribCall('line chart', () =>
    lineWidget()({
      screen,
      top: 0,
      left: 0,
      width: 2,
      height: 1,
      hidden: true,
      // blessed's wrapping breaks a full-width row at a space when it ends in an escape code,
      // which pushes the rest of the chart a row down; the canvas is exactly as wide as the widget.
      wrap: false,
      showLegend: false,
      // Axis options are set per chart by apply, from its spec, before each setData.
      xPadding: 1,
      xLabelPadding: 1,
      numYLabels: 2,
      minY: 0,
      maxY: 100,
      wholeNumbersOnly: false,
      // Grey (256-colour index 8) axes and labels; the typings only admit colour names.
      style: { line: 'cyan', text: 8 as unknown as string, baseline: 8 as unknown as string },
    }),
  );
  chart.calcSize = calcSize;
  drawOnlyWhenChanged(chart);
  // Attaching creates the canvas, now with our size.
  contribCall('line chart attach', () => parent.append(chart));
  return chart;
}

/** Creates one hidden line chart per chart id inside `parent` (the Resources pane). */
export function createChartWidgets(screen: blessed.Widgets.Screen, parent: blessed.Widgets.BoxElement): ChartWidgets {
  return Object.fromEntries(CHART_IDS.map((id) => [id, lineChart(screen, parent)])) as ChartWidgets;
}
