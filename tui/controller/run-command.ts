// A command (from a key or the prompt) → view actions and effects.

import { MUTATING, type Command } from '../keys.js';
import { FLASH } from '../text.js';
import { selectedRow } from '../render/frame.js';
import type { Controller } from './controller.js';
import { confirmBulk, copyUrl, openLogs, openSession, refresh, showEvents } from './session-actions.js';
import { openLaunchForm } from './launch-actions.js';
import { saveLog } from './save-log.js';
import { offerRestart } from './daemon-identity.js';
import { openAppPicker } from './app-actions.js';
import { openExport } from './export-table.js';
import { openPrompt } from './prompt-open.js';
import { openRelaunch } from './relaunch-actions.js';
import { openUsage } from './usage-actions.js';

const READONLY_WORD: Record<string, string> = {
  launch: 'launch',
  renew: 'renew',
  delete: 'delete',
  'app-launch': 'launching an app',
  'app-delete': 'deleting an app',
  relaunch: 'relaunch',
};

function move(ctl: Controller, command: Command): void {
  const view = ctl.model().view;
  const pane = view.focus;
  const rows = ctl.rows();
  const page = pane === 'logs' ? ctl.logHeight() : pane === 'details' ? ctl.detailsHeight() : rows.page;
  const delta = command === 'up' ? -1 : command === 'down' ? 1 : command === 'page-up' ? -page : command === 'page-down' ? page : 0;
  if (pane === 'logs') {
    const height = ctl.logHeight();
    if (command === 'top') return ctl.dispatch({ type: 'log', action: { type: 'home', height } });
    if (command === 'bottom') return ctl.dispatch({ type: 'log', action: { type: 'end' } });
    return ctl.dispatch({ type: 'log', action: { type: 'scroll', delta, height } });
  }
  if (pane === 'details') {
    if (command === 'top' || command === 'bottom') return ctl.dispatch({ type: 'details-scroll', delta: command === 'top' ? -1e6 : 1e6 });
    return ctl.dispatch({ type: 'details-scroll', delta });
  }
  if (command === 'top' || command === 'bottom') return ctl.dispatch({ type: 'move-to', to: command === 'top' ? 'first' : 'last', ...rows });
  ctl.dispatch({ type: 'move', delta, ...rows });
}

function details(ctl: Controller): void {
  const row = selectedRow(ctl.model());
  if (!row) return ctl.flash('warn', FLASH.noSelection);
  if (row.type === 'group') return ctl.dispatch({ type: 'toggle-expand', key: row.key });
  ctl.dispatch({ type: 'details-mode', mode: 'details' });
}

function mark(ctl: Controller): void {
  const row = selectedRow(ctl.model());
  if (!row) return;
  ctl.dispatch({ type: 'toggle-marks', ids: row.marks });
  ctl.dispatch({ type: 'move', delta: 1, ...ctl.rows() });
}

function logCommand(ctl: Controller, command: Command): void {
  const height = ctl.logHeight();
  if (ctl.model().view.logs.sessionId === null) return ctl.flash('warn', FLASH.noLogs);
  if (command === 'follow') return ctl.dispatch({ type: 'log', action: { type: 'toggle-follow', height } });
  if (command === 'wrap') return ctl.dispatch({ type: 'log', action: { type: 'toggle-wrap' } });
  if (command === 'search') return ctl.dispatch({ type: 'log', action: { type: 'search-start' } });
  if (command === 'full-screen') return ctl.dispatch({ type: 'logs-full' });
  if (command === 'save') return void saveLog(ctl);
  ctl.dispatch({ type: 'log', action: { type: 'next-match', direction: command === 'next-match' ? 1 : -1, height } });
}

/** Runs one command. */
export function runCommand(ctl: Controller, command: Command): void {
  if (ctl.deps.options.readonly && MUTATING.has(command)) return ctl.flash('warn', FLASH.readonly(READONLY_WORD[command]));
  switch (command) {
    case 'up':
    case 'down':
    case 'page-up':
    case 'page-down':
    case 'top':
    case 'bottom':
      return move(ctl, command);
    case 'focus-next':
      return ctl.dispatch({ type: 'focus-next', logsOpen: ctl.model().view.logs.sessionId !== null });
    case 'details':
      return details(ctl);
    case 'logs':
      return void openLogs(ctl);
    case 'events':
      return showEvents(ctl);
    case 'launch':
      return void openLaunchForm(ctl);
    case 'relaunch':
      return openRelaunch(ctl);
    case 'renew':
    case 'delete':
      return confirmBulk(ctl, command);
    case 'mark':
      return mark(ctl);
    case 'open':
      return void openSession(ctl);
    case 'copy':
      return copyUrl(ctl);
    case 'refresh':
      return void refresh(ctl);
    case 'restart-daemon':
      return offerRestart(ctl);
    case 'app-launch':
      return void openAppPicker(ctl, 'launch');
    case 'app-delete':
      return void openAppPicker(ctl, 'delete');
    case 'toggle-all':
      return ctl.dispatch({ type: 'toggle-all' });
    case 'filter':
      return ctl.dispatch({ type: 'filter-start' });
    case 'sort':
      return ctl.dispatch({ type: 'sort-next' });
    case 'sort-left':
    case 'sort-right':
      return ctl.dispatch({ type: 'sort-step', delta: command === 'sort-left' ? -1 : 1 });
    case 'sort-reverse':
      return ctl.dispatch({ type: 'sort-reverse' });
    case 'export':
      return openExport(ctl);
    case 'command':
      return openPrompt(ctl);
    case 'help':
      return ctl.dispatch({ type: 'open-modal', modal: { type: 'help' } });
    case 'usage':
      return void openUsage(ctl);
    case 'back':
      return ctl.dispatch({ type: 'back' });
    case 'quit':
      return ctl.quit();
    default:
      return logCommand(ctl, command);
  }
}
