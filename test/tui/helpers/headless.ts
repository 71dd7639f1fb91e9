import { PassThrough } from 'node:stream';
import { createWidgets, type Widgets } from '../../../tui/screen/layout.js';
import { createDashboard, type DashboardHandle } from '../../../tui/dashboard.js';
import { startDashboard } from '../../../tui/dashboard-core.js';
import type { FeatureSource } from '../../../tui/controller/feature-types.js';
import type { DashboardDeps, DashboardOptions } from '../../../tui/controller/controller.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { openableUrl } from '../../../src/domain/openable-url.js';
import type { FakeConnection } from './fake-connection.js';

/** A terminal made of streams: keys are written to `input`, bytes land in `written`. */
export interface FakeTerminal {
  input: PassThrough & { isTTY: boolean; setRawMode: (raw: boolean) => void };
  output: PassThrough & { isTTY: boolean; columns: number; rows: number };
  written(): string;
}

/** A fake TTY of `cols`×`rows`. */
export function fakeTerminal(cols = 160, rows = 48): FakeTerminal {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: cols, rows });
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { input, output, written: () => Buffer.concat(chunks).toString('utf8') };
}

/** A dashboard on a fake terminal with a fake clock. */
export interface Headless {
  widgets: Widgets;
  dashboard: DashboardHandle;
  clock: FakeClock;
  terminal: FakeTerminal;
  opened: string[];
  /** The screen's text, one string per row, trailing spaces trimmed. */
  lines(): string[];
  text(): string;
  /** Lets pending promises settle, then draws the pending frame. */
  settle(): Promise<void>;
  /** Feeds keys by dashboard name and settles after each. */
  keys(...names: string[]): Promise<void>;
  destroy(): Promise<void>;
}

/** Starts a dashboard against `connection` on a headless blessed screen. */
export async function startHeadless(
  connection: FakeConnection,
  options: Partial<DashboardOptions> &
    Pick<DashboardDeps, 'ownIdentity' | 'restartDaemon'> & {
      env?: Record<string, string>;
      cols?: number;
      rows?: number;
      saveDir?: string;
      promptHistoryFile?: string;
      profilesDir?: string;
      clock?: FakeClock;
      noBrowser?: boolean;
      /** Where the keys and dialogs come from (default: loaded up front, as createDashboard has them). */
      features?: FeatureSource;
      /** Make the charts after the first frame, as the binary does (default: with the screen). */
      chartsLater?: boolean;
    } = {},
): Promise<Headless> {
  const terminal = fakeTerminal(options.cols, options.rows);
  const env: Record<string, string> = { LANG: 'C.UTF-8', TERM: 'xterm-256color', ...options.env };
  const widgets = createWidgets(
    { input: terminal.input, output: terminal.output, env },
    {
      colour: !env.NO_COLOR,
      unicode: !/^(C|POSIX)$/.test(env.LANG),
      chartsLater: options.chartsLater,
    },
  );
  const clock = options.clock ?? new FakeClock();
  const opened: string[] = [];
  const deps: DashboardDeps = {
    connection,
    clock,
    output: terminal.output,
    env,
    // As the real opener: a URL that is not http(s) is refused before any browser sees it.
    openUrl: async (url) => {
      opened.push(openableUrl(url));
      return !options.noBrowser;
    },
    saveDir: options.saveDir ?? '/nonexistent',
    promptHistoryFile: options.promptHistoryFile,
    profilesDir: options.profilesDir,
    ownIdentity: options.ownIdentity,
    restartDaemon: options.restartDaemon,
    options: { readonly: false, demo: false, terminalNotify: 'auto', mouse: false, ...options },
  };
  const dashboard = options.features ? startDashboard(widgets, deps, options.features) : createDashboard(widgets, deps);
  const lines = () =>
    ((widgets.screen as unknown as { lines: unknown }).lines as [unknown, string][][]).map((row) =>
      row
        .map((cell) => cell[1])
        .join('')
        .trimEnd(),
    );
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    clock.advance(50);
    dashboard.flush();
  };
  const h: Headless = {
    widgets,
    dashboard,
    clock,
    terminal,
    opened,
    lines,
    text: () => lines().join('\n'),
    settle,
    async keys(...names) {
      for (const name of names) {
        dashboard.handleKey(name);
        await settle();
      }
    },
    async destroy() {
      await dashboard.stop();
      widgets.screen.destroy();
    },
  };
  await settle();
  return h;
}
