// The controller: daemon events and keys → actions → view state → frame → widgets. The keys, dialogs
// and prompt (features) come from `features`: the binary loads them after the first frame.

import { writeFileSync } from 'node:fs';
import type { DashboardHandle } from './controller/handle.js';
import type { DashboardDeps, Controller } from './controller/controller.js';
import { addCharts, type Widgets } from './screen/layout.js';
import { initialView, reduceViewWith } from './view-reducer.js';
import type { ViewAction } from './view-actions.js';
import { buildTable } from './render/table-rows.js';
import { renderFrame, selectedRow, type DashboardModel, type Frame } from './render/frame.js';
import { computeGeometry, innerHeight } from './render/geometry.js';
import { renderContext, type RenderContext } from './render/context.js';
import { colourAllowed, createPaint } from './render/paint.js';
import { glyphsFor } from './render/glyphs.js';
import { applyFrame, type AppliedCache } from './screen/apply.js';
import { createRenderLoop } from './screen/render-loop.js';
import { renderWidgets } from './screen/render-widgets.js';
import { FLASH } from './text.js';
import { loadDaemonConfig, mainUser, onEvent, onState, onStatus } from './controller/daemon-sync.js';
import { rowsInfo, syncTable } from './controller/row-sync.js';
import { fetchEvents } from './controller/session-actions.js';
import { fetchApps } from './controller/app-actions.js';
import { HistorySync } from './controller/history-sync.js';
import { NoticeDesk } from './controller/notices.js';
import { attachMouse } from './controller/mouse.js';
import { nextWake } from './controller/wake.js';
import { checkIdentity } from './controller/daemon-identity.js';
import { FeatureGate } from './controller/feature-gate.js';
import type { FeatureSource } from './controller/feature-types.js';
import { attachKeyboard, feedKey } from './controller/keyboard.js';
import { WakeTimer } from './controller/wake-timer.js';

// What the daemon sends comes in bursts (a patch, then the events it caused), and the clock's own
// changes (a countdown's tick, a highlight's end) often fall just before a poll's patch: whatever
// comes within 50 ms of the first makes one frame. Keys draw at once.
const GATHER_MS = 50;

/** Starts the dashboard on created widgets with its keys and dialogs from `features`; it runs until the user quits. */
export function startDashboard(widgets: Widgets, deps: DashboardDeps, features: FeatureSource): DashboardHandle {
  const { connection, clock, options, env } = deps;
  const colour = colourAllowed(env);
  const glyphs = glyphsFor(env);
  const baseCtx: Omit<RenderContext, 'now'> = {
    ...renderContext({ now: 0 }),
    paint: createPaint(colour),
    glyphs,
    charts: widgets.wantsCharts && colour && glyphs.unicode,
  };
  let model: DashboardModel = {
    state: connection.state,
    connection: connection.status,
    view: initialView(),
    table: buildTable(connection.state, initialView()),
    events: null,
    apps: null,
    images: null,
    serverUrl: options.serverUrl ?? null,
    user: mainUser(connection.state),
    readonly: options.readonly,
    demo: options.demo,
    mouse: options.mouse,
    terminalNotify: null,
    otherConnection: null,
  };
  let lastFrame: Frame | null = null;
  let wasConnected = connection.status.state === 'connected';
  let background = false;
  let resolveDone: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (resolveDone = resolve));
  const cache: AppliedCache = new Map();
  const histories = new HistorySync((params) => connection.request('history', params));
  const size = () => ({ cols: Math.max(1, widgets.screen.width as number), rows: Math.max(1, widgets.screen.height as number) });
  const geometry = () => lastFrame?.geometry ?? computeGeometry(size().cols, size().rows, 4, model.view.logsFull, model.view.tableFit);

  const page = () => Math.max(1, innerHeight(geometry().table) - 1);
  // The first frame already selects a row and sizes the table to its rows.
  model = syncTable(model, model, page()).model;

  function refreshTable(previous: DashboardModel): void {
    const synced = syncTable(previous, model, page());
    model = synced.model;
    if (synced.note) ctl.flash('info', synced.note, 'note');
    const row = selectedRow(model);
    if (row?.type === 'session' && row.session.status === 'Pending' && model.events?.sessionId !== row.session.id) void fetchEvents(ctl, row.session.id);
    // A selected desktop shows its apps in the details pane.
    if (row?.type === 'session' && row.session.kind === 'desktop' && model.apps?.sessionId !== row.session.id && model.connection.state === 'connected')
      void fetchApps(ctl, row.session.id);
    if (model.connection.state === 'connected') histories.want(model.state, row?.type === 'session' ? row.session.id : null);
  }

  const ctl: Controller = {
    deps,
    model: () => model,
    dispatch(action: ViewAction) {
      const previous = model;
      model = { ...model, view: reduceViewWith(model.view, action, gate.loaded?.reduceForm ?? null) };
      refreshTable(previous);
      loop.request(background ? GATHER_MS : 0);
    },
    update(patch) {
      const previous = model;
      model = { ...model, ...patch };
      if (patch.state !== undefined) model.user = mainUser(model.state);
      refreshTable(previous);
      loop.request(background ? GATHER_MS : 0);
    },
    flash(level, text, kind) {
      ctl.dispatch({ type: 'flash', level, text, now: clock.now(), kind });
    },
    async call(method, params, what) {
      try {
        return await connection.request(method, params);
      } catch (error) {
        const e = error as { code?: string; message?: string };
        ctl.flash('error', FLASH.requestFailed(what, e.code ?? 'INTERNAL_ERROR', e.message ?? String(error)));
        return null;
      }
    },
    rows: () => rowsInfo(model.table, page()),
    logHeight: () => Math.max(1, innerHeight(geometry().logs)),
    detailsHeight: () => Math.max(1, innerHeight(geometry().details)),
    quit() {
      void stop().then(() => resolveDone(0));
    },
  };

  const inBackground =
    <A extends unknown[]>(handle: (...args: A) => void) =>
    (...args: A) => {
      background = true;
      try {
        handle(...args);
      } finally {
        background = false;
      }
    };
  const wake = new WakeTimer(
    clock,
    inBackground(() => ctl.dispatch({ type: 'expire', now: clock.now() })),
  );
  const gate = new FeatureGate(features, {
    // A dialog opened before they were in (a ready session's URL) is drawn now.
    loaded: () => loop.request(),
    failed: (error) => ctl.flash('error', FLASH.keysFailed(error instanceof Error ? error.message : String(error))),
  });
  // Benchmarks only (bench/cases/dashboard-start.ts): the monotonic time of the first frame drawn from the daemon's state.
  let firstFrameFile = env.SKAHA_TUI_FIRST_FRAME_FILE || null;
  let drawnConnected = false;
  function draw(): void {
    const { cols, rows } = size();
    const frame = renderFrame(model, cols, rows, { ...baseCtx, now: clock.now() }, gate.loaded?.dialog ?? null);
    lastFrame = frame;
    const applied = applyFrame(widgets, frame, cache, { colour, focusMark: baseCtx.glyphs.collapsed });
    if (applied.whole) widgets.screen.render();
    else if (applied.widgets.length > 0) renderWidgets(widgets.screen, applied.widgets);
    wake.set(nextWake(model, clock.now()));
    if (model.view.modal !== null) gate.load();
    if (drawnConnected || model.connection.state !== 'connected') return;
    drawnConnected = true;
    if (firstFrameFile) writeFileSync(firstFrameFile, String(process.hrtime.bigint()));
    firstFrameFile = null;
    // The keys and dialogs load once the daemon's state is on screen, so they are in before a key comes;
    // the charts are made then too (the first state holds no history to draw).
    gate.load();
    if (addCharts(widgets)) loop.request();
  }

  const loop = createRenderLoop(clock, draw);
  const notices = new NoticeDesk(ctl);
  const unsubscribe = connection.subscribe({
    onState: inBackground((state, reason) => {
      // A snapshot (a new connection's welcome, or a state:snapshot) holds no histories.
      if (reason === 'snapshot') histories.reset();
      onState(ctl, state);
      notices.show(state);
    }),
    onEvent: inBackground((topic, data) => onEvent(ctl, topic, data)),
    onStatus: (status) => {
      onStatus(ctl, status, wasConnected);
      // The first frame with the daemon's state is drawn at once, not after the render loop's coalescing pause.
      if (status.state === 'connected' && !wasConnected) loop.flush();
      if (status.state === 'connected') wasConnected = true;
    },
  });
  const detachKeyboard = attachKeyboard(widgets, ctl, gate);
  const onResize = () => {
    cache.clear();
    loop.request();
  };
  widgets.screen.on('resize', onResize);
  if (options.mouse) attachMouse(widgets, ctl, geometry);
  if (connection.status.state === 'connected') {
    // Started on a live connection (the binary connects while it loads): ask now for what the state's
    // arrival would have asked for (histories, a Pending row's events, a desktop's apps).
    refreshTable(model);
    void loadDaemonConfig(ctl);
    void checkIdentity(ctl);
  }
  notices.show(connection.state);
  draw();

  let stopped = false;
  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    gate.close();
    unsubscribe();
    loop.dispose();
    wake.clear();
    detachKeyboard();
    widgets.screen.removeListener('resize', onResize);
    const logs = model.view.logs.sessionId;
    if (logs && connection.status.state === 'connected')
      await connection.request('logs.unsubscribe', { sessionId: logs }, { timeoutMs: 500 }).catch(() => undefined);
  }

  return { done, model: () => model, handleKey: (name) => feedKey(ctl, gate, name), flush: () => loop.flush(), stop, frame: () => lastFrame };
}
