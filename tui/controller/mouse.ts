// Mouse: a click selects a table row or focuses a pane; the wheel moves the selection or scrolls.

import type blessed from 'blessed';
import type { Geometry } from '../render/geometry.js';
import type { Controller } from './controller.js';
import type { Pane } from '../view-state.js';

type MouseData = { x: number; y: number };

const WHEEL_STEP = 3;

/** Wires mouse events on the panes to view actions. */
export function attachMouse(widgets: Record<Pane | 'resources', blessed.Widgets.BoxElement>, ctl: Controller, geometry: () => Geometry): void {
  widgets.table.on('click', (data: MouseData) => {
    ctl.dispatch({ type: 'focus', pane: 'table' });
    // Row 0 is the border, row 1 the column header.
    const index = data.y - geometry().table.top - 2 + ctl.model().view.tableTop;
    const rows = ctl.rows();
    const key = rows.rows[index];
    if (key !== undefined) ctl.dispatch({ type: 'select', key, ...rows });
  });
  widgets.table.on('wheeldown', () => ctl.dispatch({ type: 'move', delta: WHEEL_STEP, ...ctl.rows() }));
  widgets.table.on('wheelup', () => ctl.dispatch({ type: 'move', delta: -WHEEL_STEP, ...ctl.rows() }));
  widgets.details.on('click', () => ctl.dispatch({ type: 'focus', pane: 'details' }));
  widgets.details.on('wheeldown', () => ctl.dispatch({ type: 'details-scroll', delta: WHEEL_STEP }));
  widgets.details.on('wheelup', () => ctl.dispatch({ type: 'details-scroll', delta: -WHEEL_STEP }));
  widgets.logs.on('click', () => {
    if (ctl.model().view.logs.sessionId) ctl.dispatch({ type: 'focus', pane: 'logs' });
  });
  const scrollLogs = (delta: number) => ctl.dispatch({ type: 'log', action: { type: 'scroll', delta, height: ctl.logHeight() } });
  widgets.logs.on('wheeldown', () => scrollLogs(WHEEL_STEP));
  widgets.logs.on('wheelup', () => scrollLogs(-WHEEL_STEP));
}
