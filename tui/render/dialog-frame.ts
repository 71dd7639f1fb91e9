// Pure: the open dialog (help, confirmation, launch form, export, relaunch, usage, URL, apps, restart)
// as a frame part. It comes with the keys that open dialogs, after the first frame (controller/features.ts).

import { HELP, TITLES } from '../text.js';
import { RELAUNCH } from '../relaunch-text.js';
import { dialogRect, innerHeight } from './geometry.js';
import { formEnv, type DashboardModel, type Frame } from './frame.js';
import type { RenderContext } from './context.js';
import { exportDialogLines } from './export-dialog.js';
import { tableSessions } from './table-sessions.js';
import { helpLines } from './help.js';
import { usageLines } from './usage-view.js';
import { confirmLines } from './confirm.js';
import { restartLines } from './restart-dialog.js';
import { launchFormWindow } from './launch-form.js';
import { urlDialogLines } from './url-dialog.js';
import { relaunchLines } from './relaunch-dialog.js';
import { appPickerLines } from './app-picker.js';

/** Pure: the open dialog's title, text and place on a `cols`×`rows` screen; null when none is open. */
export function dialogFrame(model: DashboardModel, cols: number, rows: number, ctx: RenderContext): Frame['dialog'] {
  const modal = model.view.modal;
  if (!modal) return null;
  const width = Math.min(cols - 4, modal.type === 'help' ? 96 : 110);
  let label: string;
  let lines: string[];
  if (modal.type === 'help') {
    label = TITLES.help;
    lines = helpLines(model.readonly, width - 3, ctx, model.mouse ?? true, model.commandAliases).slice(model.view.modalTop);
  } else if (modal.type === 'restart-daemon') {
    label = TITLES.restartDaemon;
    lines = restartLines(model.otherConnection, width - 3, ctx);
  } else if (modal.type === 'apps') {
    label = TITLES.apps;
    lines = appPickerLines(modal, model.state?.sessions[modal.sessionId]?.name ?? modal.sessionId, width - 3, ctx);
  } else if (modal.type === 'confirm') {
    label = modal.action === 'delete' ? TITLES.confirmDelete : TITLES.confirmRenew;
    const sessions = modal.ids.map((id) => model.state?.sessions[id] ?? model.view.pending[id]).filter((s) => !!s);
    lines = confirmLines(modal.action, sessions, width - 3, Math.max(3, rows - 14), ctx, modal.skipped ?? 0);
  } else if (modal.type === 'export') {
    label = TITLES.export;
    lines = exportDialogLines(modal.index, tableSessions(model.table).length, modal.folder, width - 3, ctx);
  } else if (modal.type === 'relaunch') {
    label = RELAUNCH.title;
    lines = relaunchLines(modal, model.state?.credentials?.registry === true, width - 3, ctx);
  } else if (modal.type === 'usage') {
    label = TITLES.usage(modal.days);
    lines = usageLines(modal, width - 3, ctx).slice(model.view.modalTop);
  } else if (modal.type === 'url') {
    label = TITLES.openUrl;
    lines = urlDialogLines(modal.name, modal.url, width - 3, ctx);
  } else {
    label = TITLES.launch;
    // The form scrolls itself to keep the focused field in view (a dialog is at most rows - 2 high, with its border).
    lines = launchFormWindow(modal.form, formEnv(model), width - 3, Math.max(3, rows - 4), ctx);
  }
  const rect = dialogRect(cols, rows, lines.length, width);
  const room = innerHeight(rect);
  // A dialog taller than the screen says that it scrolls, rather than hiding its end.
  const shown =
    lines.length > room && (modal.type === 'help' || modal.type === 'usage')
      ? [...lines.slice(0, room - 1), ctx.paint.fg('gray', HELP.more(lines.length - room + 1))]
      : lines.slice(0, room);
  return { label, content: shown.join('\n'), focused: true, rect };
}
