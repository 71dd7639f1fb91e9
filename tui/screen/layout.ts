// Creates the blessed screen and every widget once, working around blessed's terminfo traps:
// Debian's terminfo cannot be parsed (use the bundled xterm-256color; keep the parser's console
// noise off the terminal), extended capabilities crash (extended: false), warnings are events.

import type { Readable, Writable } from 'node:stream';
import blessed from 'blessed';
import { createChartWidgets, type ChartWidgets } from './charts.js';

/** The streams and environment the screen runs on. */
export interface ScreenIo {
  input: Readable;
  output: Writable;
  env: Readonly<Record<string, string | undefined>>;
}

/** The screen and its widgets; only apply.ts and dialogs.ts change them after creation. */
export interface Widgets {
  screen: blessed.Widgets.Screen;
  program: blessed.BlessedProgram;
  header: blessed.Widgets.BoxElement;
  table: blessed.Widgets.BoxElement;
  resources: blessed.Widgets.BoxElement;
  details: blessed.Widgets.BoxElement;
  logs: blessed.Widgets.BoxElement;
  footer: blessed.Widgets.BoxElement;
  dialog: blessed.Widgets.BoxElement;
  /** The Resources pane's contrib line charts (braille in colour): only on UTF-8 screens with colour, once made (see addCharts). */
  charts: ChartWidgets | null;
  /** Whether the screen has (or will have) the charts: UTF-8 with colour. */
  wantsCharts: boolean;
  /** Terminfo and TTY warnings blessed reported (shown nowhere; kept for diagnosis). */
  warnings: string[];
}

/** Options for createWidgets. */
export interface LayoutOptions {
  colour: boolean;
  unicode: boolean;
  /** Make the charts only when addCharts is called (the binary does after its first frame, which has no history to chart yet). */
  chartsLater?: boolean;
}

/** The terminal type to hand blessed: its bundled xterm-256color for anything xterm-like. */
export function blessedTerminal(term: string | undefined): string {
  if (term === 'linux' || term === 'vt100' || term === 'vt220' || term === 'dumb') return term;
  return 'xterm-256color';
}

// blessed's terminfo compiler prints generated JS with console.error when it meets a capability it
// cannot parse; on a real terminal that lands on screen. Keep it, as a warning, instead.
function quietly<T>(warnings: string[], create: () => T): T {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' ').slice(0, 200));
  };
  try {
    return create();
  } finally {
    console.error = original;
  }
}

function pane(screen: blessed.Widgets.Screen, colour: boolean, extra: blessed.Widgets.BoxOptions = {}): blessed.Widgets.BoxElement {
  const box = blessed.box({
    parent: screen,
    top: 0,
    left: 0,
    width: 1,
    height: 1,
    tags: true,
    wrap: false,
    border: { type: 'line' },
    padding: { left: 1, right: 0, top: 0, bottom: 0 },
    style: colour ? { border: { fg: 'gray' }, label: { bold: true } } : { label: { bold: true } },
    ...extra,
  });
  // blessed places a label one cell differently the first time it is set than on later updates
  // (with padding); setting a blank one now makes every real label go through the same path.
  box.setLabel(' ');
  // On every resize blessed schedules a whole-screen render just to re-seat the label for a scroll
  // offset these panes never have (content is set whole, never scrolled): one extra full render per
  // pane each time the layout moves, after the frame that moved it was already drawn.
  const relabel = (box as unknown as { _labelResize?: (...args: unknown[]) => void })._labelResize;
  if (relabel) box.removeListener('resize', relabel);
  return box;
}

/** Creates the program, the screen and the widgets (positions come later from apply). */
export function createWidgets(io: ScreenIo, options: LayoutOptions): Widgets {
  const warnings: string[] = [];
  const terminal = blessedTerminal(io.env.TERM);
  const program = quietly(warnings, () =>
    // The typings lack `extended` and mistype `tput`; these are the options blessed.program reads.
    blessed.program({ input: io.input, output: io.output, extended: false, tput: true, terminal, forceUnicode: options.unicode } as unknown as Parameters<
      typeof blessed.program
    >[0]),
  );
  program.on('warning', (text: string) => warnings.push(String(text)));
  const screen = quietly(warnings, () =>
    blessed.screen({
      program,
      terminal,
      smartCSR: true,
      fullUnicode: false,
      forceUnicode: options.unicode,
      warnings: false,
      title: 'skaha-tui',
      autoPadding: true,
    }),
  );
  screen.on('warning', (text: string) => warnings.push(String(text)));
  const plain = { parent: screen, top: 0, left: 0, width: 1, height: 1, tags: true, wrap: false };
  const header = blessed.box({ ...plain });
  const table = pane(screen, options.colour);
  const resources = pane(screen, options.colour);
  // Braille needs UTF-8; and the chart lines are told apart only by colour.
  const wantsCharts = options.unicode && options.colour;
  const charts = wantsCharts && !options.chartsLater ? createChartWidgets(screen, resources) : null;
  const details = pane(screen, options.colour);
  const logs = pane(screen, options.colour);
  const footer = blessed.box({ ...plain });
  const dialog = pane(screen, options.colour, {
    hidden: true,
    style: options.colour ? { border: { fg: 'cyan' }, label: { bold: true } } : { label: { bold: true } },
  });
  return { screen, program, header, table, resources, details, logs, footer, dialog, charts, wantsCharts, warnings };
}

/** Makes the Resources pane's charts if the screen wants them and has none yet; returns whether it did. */
export function addCharts(widgets: Widgets): boolean {
  if (!widgets.wantsCharts || widgets.charts !== null) return false;
  widgets.charts = createChartWidgets(widgets.screen, widgets.resources);
  return true;
}
