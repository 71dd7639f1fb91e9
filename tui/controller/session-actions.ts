// Commands about the selected or marked sessions: logs, events, open, copy, renew/delete dialogs, refresh.

import { isActive, type Session } from '../../src/domain/session.js';
import { FLASH } from '../text.js';
import { renewText } from '../../src/cli/answer-text.js';
import type { BulkResult } from '../../src/protocol/requests.js';
import { selectedRow } from '../render/frame.js';
import { rowSessionIds } from '../render/table-rows.js';
import type { Controller } from './controller.js';
import { osc52 } from './notify.js';

/** The selected session (not a group), or null after flashing why. */
export function selectedSession(ctl: Controller): Session | null {
  const row = selectedRow(ctl.model());
  if (!row) {
    ctl.flash('warn', FLASH.noSelection);
    return null;
  }
  if (row.type === 'group') {
    ctl.flash('warn', FLASH.groupNoUrl);
    return null;
  }
  return row.session;
}

/** Opens the log pane on the selected session and subscribes to its log through the daemon. */
export async function openLogs(ctl: Controller): Promise<void> {
  const session = selectedSession(ctl);
  if (!session) return;
  const previous = ctl.model().view.logs.sessionId;
  if (previous === session.id) {
    ctl.dispatch({ type: 'focus', pane: 'logs' });
    return;
  }
  if (previous) void ctl.call('logs.unsubscribe', { sessionId: previous }, 'logs');
  ctl.dispatch({ type: 'log', action: { type: 'open', sessionId: session.id } });
  ctl.dispatch({ type: 'focus', pane: 'logs' });
  await ctl.call('logs.subscribe', { sessionId: session.id }, 'logs');
}

/** Fetches a session's Kubernetes events into the model. */
export async function fetchEvents(ctl: Controller, sessionId: string): Promise<void> {
  ctl.update({ events: { sessionId, events: null, error: null } });
  try {
    const events = await ctl.deps.connection.request('events', { sessionId });
    if (ctl.model().events?.sessionId === sessionId) ctl.update({ events: { sessionId, events, error: null } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A listed session whose events answer 404 has no pod (queued, or its pod is gone): that is no error.
    const noPod = (error as { code?: string }).code === 'SKAHA_NOT_FOUND' && Boolean(ctl.model().state?.sessions[sessionId]);
    if (ctl.model().events?.sessionId === sessionId) ctl.update({ events: { sessionId, events: [], error: noPod ? null : message, noPod } });
  }
}

/** `e`: shows the selected session's events in the details pane. */
export function showEvents(ctl: Controller): void {
  const session = selectedSession(ctl);
  if (!session) return;
  ctl.dispatch({ type: 'details-mode', mode: 'events' });
  void fetchEvents(ctl, session.id);
}

/** `o`: opens a Running session's URL, or arms (or disarms) "open when ready" for a Pending one. */
export async function openSession(ctl: Controller): Promise<void> {
  const session = selectedSession(ctl);
  if (!session) return;
  if (!session.url && session.status !== 'Pending') return ctl.flash('warn', FLASH.noUrl(session.name));
  if (session.status === 'Pending') {
    const armed = ctl.model().view.openWhenReady.includes(session.id);
    ctl.dispatch({ type: armed ? 'disarm-open' : 'arm-open', id: session.id });
    return ctl.flash('info', armed ? FLASH.disarmed(session.name) : FLASH.armed(session.name));
  }
  await openUrl(ctl, session, FLASH.opening(session.name));
}

/**
 * Opens a session's URL and says so. With no browser (over SSH, the usual case) the URL is copied
 * with OSC 52 and shown whole in a dialog (or in the footer when another dialog is open), saying both.
 */
export async function openUrl(ctl: Controller, session: Session, message: string): Promise<void> {
  const url = session.url;
  if (!url) return;
  let opened: boolean;
  try {
    opened = await ctl.deps.openUrl(url);
  } catch (error) {
    // A URL that is not http(s) is refused: it is neither opened, nor copied, nor offered.
    return ctl.flash('error', FLASH.openFailed(error instanceof Error ? error.message : String(error)));
  }
  if (opened) return ctl.flash('info', message);
  ctl.deps.output.write(osc52(url, Boolean(ctl.deps.env.TMUX)));
  if (ctl.model().view.modal) return ctl.flash('warn', FLASH.noBrowserUrl(session.name, url));
  ctl.dispatch({ type: 'open-modal', modal: { type: 'url', name: session.name, url } });
  ctl.flash('info', FLASH.noBrowser(session.name));
}

/** `y`: copies the selected session's URL with OSC 52 (works over SSH in terminals that allow it). */
export function copyUrl(ctl: Controller): void {
  const session = selectedSession(ctl);
  if (!session) return;
  if (!session.url) return ctl.flash('warn', FLASH.noUrl(session.name));
  copyText(ctl, session.name, session.url);
}

/** Puts a session's URL on the clipboard with OSC 52 and says so. */
export function copyText(ctl: Controller, name: string, url: string): void {
  ctl.deps.output.write(osc52(url, Boolean(ctl.deps.env.TMUX)));
  ctl.flash('info', FLASH.copied(name));
}

/** The sessions a bulk action applies to (the marked ones, else the selected row's), and how many marked ones it leaves out. */
export function targetIds(ctl: Controller, action: 'delete' | 'renew'): { ids: string[]; skipped: number } {
  const model = ctl.model();
  const session = (id: string) => model.state?.sessions[id] ?? model.view.pending[id];
  const known = (id: string) => model.table.listed.has(id);
  const marked = model.view.marks.filter(known);
  const row = selectedRow(model);
  const ids = marked.length > 0 ? marked : row ? rowSessionIds(row).filter(known) : [];
  // Renewing a finished session means nothing; deleting it cleans it up.
  const targets = action === 'renew' ? ids.filter((id) => isActive(session(id)!)) : ids;
  return { ids: targets, skipped: marked.length > 0 ? marked.length - targets.length : 0 };
}

/** `d`/`r`: opens the confirmation listing what will be deleted or renewed (and saying which marked sessions it leaves out). */
export function confirmBulk(ctl: Controller, action: 'delete' | 'renew'): void {
  const { ids, skipped } = targetIds(ctl, action);
  if (ids.length === 0) return ctl.flash('warn', skipped > 0 ? FLASH.nothingToRenew(skipped) : FLASH.noSelection);
  ctl.dispatch({ type: 'open-modal', modal: { type: 'confirm', action, ids, skipped } });
}

/** Runs a confirmed delete or renew and reports per-session failures. */
export async function runBulk(ctl: Controller, action: 'delete' | 'renew', ids: string[]): Promise<void> {
  ctl.dispatch({ type: 'close-modal' });
  ctl.dispatch({ type: 'clear-marks' });
  const result = await ctl.call(action, { ids }, action);
  if (!result) return;
  if (action === 'renew') return renewFlash(ctl, result.results);
  const failed = result.results.filter((r) => !r.ok);
  if (failed.length === 0) return ctl.flash('info', action === 'delete' ? FLASH.deleted(ids.length) : FLASH.renewed(ids.length));
  const first = failed[0];
  ctl.flash('error', FLASH.partial(action, failed.length, ids.length, first.ok ? '' : `${first.error.code}: ${first.error.message}`));
}

/** Says how a renew went, from the daemon's checks: renewed until when, or not renewed and why (the first such). */
function renewFlash(ctl: Controller, results: readonly BulkResult[]): void {
  const name = (id: string) => ctl.model().state?.sessions[id]?.name ?? id;
  const bad = results.filter((r) => r.check?.outcome !== 'renewed');
  if (bad.length === 0) {
    const only = results.length === 1 ? results[0].check : null;
    return ctl.flash('info', only ? FLASH.renewedOne(name(results[0].id), renewText(only)) : FLASH.renewed(results.length));
  }
  const first = bad[0];
  const why = first.check ? renewText(first.check) : first.ok ? '' : `${first.error.code}: ${first.error.message}`;
  ctl.flash('error', FLASH.notRenewed(name(first.id), why, bad.length, results.length));
}

/** `R`: asks the daemon to poll now. */
export async function refresh(ctl: Controller): Promise<void> {
  ctl.flash('info', FLASH.refreshing);
  if (await ctl.call('refresh', {}, 'refresh')) ctl.flash('info', FLASH.refreshed);
}
