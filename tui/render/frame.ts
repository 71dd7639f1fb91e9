// Pure: the whole screen as data (geometry, and the tagged text of every pane), from the model.

import type { Image } from '../../src/domain/platform.js';
import type { TerminalNotifySetting } from '../../src/domain/terminal-notify.js';
import type { DaemonState } from '../../src/state/state.js';
import type { ConnectionStatus } from '../../src/daemon-client/daemon-connection.js';
import { TITLES } from '../text.js';
import type { ViewState } from '../view-state.js';
import type { FormEnv } from '../form/launch-form.js';
import { computeGeometry, innerHeight, innerWidth, type Geometry, type Rect } from './geometry.js';
import { bannerLine, headerLines } from './header.js';
import { sessionsTableLines } from './sessions-table.js';
import { resourcesPane, type ChartSpec } from './resource-charts.js';
import { detailsLines, type EventsView } from './details.js';
import type { AppsView } from './apps-lines.js';
import { logLines, logTitle } from './log-pane.js';
import { footerLine } from './footer.js';
import type { TableModel, TableRow } from './table-rows.js';
import type { RenderContext } from './context.js';
import { toAscii } from './ascii.js';
import { LastResult } from './last-result.js';
import { terminalLine, terminalText } from '../../src/domain/terminal-text.js';
import type { OtherConnection } from './other-connection.js';

/** Everything the screen shows, as the controller holds it. */
export interface DashboardModel {
  state: DaemonState | null;
  connection: ConnectionStatus;
  view: ViewState;
  table: TableModel;
  events: EventsView | null;
  /** The apps of the selected desktop, as last read. */
  apps: AppsView | null;
  images: readonly Image[] | null;
  serverUrl: string | null;
  user: string | null;
  readonly: boolean;
  demo: boolean;
  /** Whether the mouse works (not --no-mouse). */
  mouse?: boolean;
  /** The config file's terminal-notification setting, as the daemon last reported it (null until read). */
  terminalNotify?: TerminalNotifySetting | null;
  /** Set while the daemon uses another server or credential than this dashboard would. */
  otherConnection: OtherConnection | null;
  /** The `:` prompt's aliases from the config file's `commands.aliases` (through the daemon, live). */
  commandAliases?: Readonly<Record<string, string>>;
}

/** One bordered pane's title and content (and, for Resources, the charts drawn over it). */
export interface PaneFrame {
  label: string;
  content: string;
  focused: boolean;
  charts?: readonly ChartSpec[];
}

/** The screen as data: apply turns it into widget updates. */
export interface Frame {
  geometry: Geometry;
  header: string;
  table: PaneFrame;
  resources: PaneFrame;
  details: PaneFrame;
  logs: PaneFrame;
  footer: string;
  dialog: (PaneFrame & { rect: Rect }) | null;
}

/** The selected table row, if any. */
export function selectedRow(model: Pick<DashboardModel, 'table' | 'view'>): TableRow | null {
  return model.table.rows.find((r) => r.key === model.view.selected) ?? null;
}

/** The form's view of the daemon state. */
export function formEnv(model: Pick<DashboardModel, 'state' | 'images'>): FormEnv {
  const state = model.state;
  return {
    context: state?.context ?? null,
    images: model.images,
    sessions: Object.values(state?.sessions ?? {}),
    launches: state?.launches ?? [],
    registry: state?.credentials?.registry === true,
  };
}

/** Pure: the header lines including the banner, so layout can size the header. */
export function headerBlock(model: DashboardModel, cols: number, ctx: RenderContext): string[] {
  const banner = bannerLine(model.connection, cols, ctx);
  const lines = headerLines({ ...model, demo: model.demo }, cols, ctx);
  return banner ? [banner, ...lines] : lines;
}

/** Pure: the open dialog as a frame part (render/dialog-frame.ts; it comes with the keys, after the first frame). */
export type DialogRenderer = (model: DashboardModel, cols: number, rows: number, ctx: RenderContext) => Frame['dialog'];

/**
 * Pure: the frame for a `cols`×`rows` screen (ASCII only when the glyphs are); no raw control character in any text.
 * An open dialog is drawn by `dialog` (none without it: only the keys open dialogs, and they bring it).
 */
export function renderFrame(model: DashboardModel, cols: number, rows: number, ctx: RenderContext, dialog: DialogRenderer | null): Frame {
  // Each pane shows server text with visible escapes already (so widths are right); this pass is the
  // net under all of them: whatever a pane missed still cannot reach the terminal as a control.
  const frame = mapFrame(composeFrame(model, cols, rows, ctx, dialog), terminalText, terminalLine);
  if (ctx.glyphs.unicode) return frame;
  const ascii = mapFrame(frame, toAscii, toAscii);
  return { ...ascii, resources: { ...ascii.resources, charts: [] } };
}

function mapPane<P extends PaneFrame>(pane: P, text: (s: string) => string, line: (s: string) => string): P {
  return { ...pane, label: line(pane.label), content: text(pane.content) };
}

function mapFrame(frame: Frame, text: (s: string) => string, line: (s: string) => string): Frame {
  return {
    ...frame,
    header: text(frame.header),
    footer: text(frame.footer),
    table: mapPane(frame.table, text, line),
    resources: mapPane(frame.resources, text, line),
    details: mapPane(frame.details, text, line),
    logs: mapPane(frame.logs, text, line),
    dialog: frame.dialog ? mapPane(frame.dialog, text, line) : null,
  };
}

const memo = { resources: new LastResult<ReturnType<typeof resourcesPane>>(), logs: new LastResult<string>() };

function composeFrame(model: DashboardModel, cols: number, rows: number, ctx: RenderContext, dialog: DialogRenderer | null): Frame {
  const header = headerBlock(model, cols, ctx);
  const geometry = computeGeometry(cols, rows, header.length, model.view.logsFull, model.view.tableFit);
  const { view } = model;
  const row = selectedRow(model);
  const session = row?.type === 'session' ? row.session : null;
  const logsSession = view.logs.sessionId ? (model.state?.sessions[view.logs.sessionId] ?? null) : null;
  const logsName = logsSession?.name ?? null;
  const table = sessionsTableLines(model.table, view, { width: innerWidth(geometry.table), height: innerHeight(geometry.table) }, ctx, {
    readonly: model.readonly,
    synced: model.state !== null,
    insights: model.state?.insights,
  });
  const detailsOptions = {
    mode: view.detailsMode,
    events: model.events,
    armed: session ? view.openWhenReady.includes(session.id) : false,
    top: view.detailsTop,
    width: innerWidth(geometry.details),
    height: innerHeight(geometry.details),
    insights: model.state?.insights,
    waits: model.state?.waits,
    apps: model.apps,
    readonly: model.readonly,
  };
  const [resourcesWidth, resourcesHeight] = [innerWidth(geometry.resources), innerHeight(geometry.resources)];
  // Neither pane reads the clock: while its inputs are the same objects, so is its text.
  const { state } = model;
  const resources = memo.resources.get(
    [
      state?.stats,
      state?.statsHistory,
      session,
      session && state?.usage[session.id],
      resourcesWidth,
      resourcesHeight,
      ctx.paint,
      ctx.glyphs,
      ctx.clock,
      ctx.charts,
    ],
    () => resourcesPane(state, session, resourcesWidth, resourcesHeight, ctx),
  );
  const [logsWidth, logsHeight] = [innerWidth(geometry.logs), innerHeight(geometry.logs)];
  const logs = memo.logs.get([view.logs, logsName, logsWidth, logsHeight, ctx.paint, ctx.glyphs], () =>
    logLines(view.logs, { width: logsWidth, height: logsHeight }, ctx, logsName).join('\n'),
  );
  return {
    geometry,
    header: header.join('\n'),
    table: { label: TITLES.sessions, content: table.join('\n'), focused: view.focus === 'table' },
    resources: { label: TITLES.resources, content: resources.content, charts: resources.charts, focused: false },
    details: {
      label: view.detailsMode === 'events' ? TITLES.events : TITLES.details,
      content: detailsLines(row, detailsOptions, ctx).join('\n'),
      focused: view.focus === 'details',
    },
    logs: {
      label: logTitle(view.logs, logsName, ctx),
      content: logs,
      focused: view.focus === 'logs',
    },
    footer: footerLine(view, cols, ctx, model.readonly),
    dialog: model.view.modal && dialog ? dialog(model, cols, rows, ctx) : null,
  };
}
