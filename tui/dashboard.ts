// The dashboard with its keys and dialogs loaded up front: what tests drive, every key handled in the
// tick it is pressed. The binary (main.ts) starts dashboard-core.ts itself and loads them after the
// first frame instead.

import type { DashboardHandle } from './controller/handle.js';
import type { DashboardDeps } from './controller/controller.js';
import type { Widgets } from './screen/layout.js';
import { startDashboard } from './dashboard-core.js';
import { FEATURES } from './controller/features.js';

/** What createDashboard returns (re-exported for callers of this module). */
export type { DashboardHandle } from './controller/handle.js';

/** Starts the dashboard on created widgets; it runs until the user quits (never on its own). */
export function createDashboard(widgets: Widgets, deps: DashboardDeps): DashboardHandle {
  return startDashboard(widgets, deps, FEATURES);
}
