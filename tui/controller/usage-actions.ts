// `U`: the usage dialog, filled from the daemon's `usage` answer; `w` switches 7/30 days, `R` asks again.

import { openUsagePanel, otherWindow, type UsagePanel } from '../usage-panel.js';
import type { Controller } from './controller.js';

const DAY_MS = 86_400_000;

/** Opens the usage dialog for `days` and asks the daemon for the report. */
export async function openUsage(ctl: Controller, days: UsagePanel['days'] = 7): Promise<void> {
  ctl.dispatch({ type: 'open-modal', modal: openUsagePanel(days) });
  const until = ctl.deps.clock.now();
  let report: UsagePanel['report'] = null;
  let error: string | null = null;
  try {
    report = await ctl.deps.connection.request('usage', { since: until - days * DAY_MS, until });
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  // The user may have closed it or switched windows meanwhile: fill only the dialog that asked.
  const modal = ctl.model().view.modal;
  if (modal?.type !== 'usage' || modal.days !== days || modal.report !== null) return;
  ctl.dispatch({ type: 'open-modal', modal: { ...modal, report, error } });
}

/** Keys while the usage dialog is open. */
export function usageKey(ctl: Controller, panel: UsagePanel, name: string): void {
  if (name === 'escape' || name === 'q' || name === 'U' || name === 'enter') ctl.dispatch({ type: 'close-modal' });
  else if (name === 'w') void openUsage(ctl, otherWindow(panel.days));
  else if (name === 'R') void openUsage(ctl, panel.days);
  else if (name === 'down' || name === 'j') ctl.dispatch({ type: 'modal-scroll', delta: 1 });
  else if (name === 'up' || name === 'k') ctl.dispatch({ type: 'modal-scroll', delta: -1 });
  else if (name === 'pagedown' || name === 'space') ctl.dispatch({ type: 'modal-scroll', delta: 10 });
  else if (name === 'pageup') ctl.dispatch({ type: 'modal-scroll', delta: -10 });
}
