// What each `:` command does: the dashboard's own actions (the form, the confirmation, the filter, the
// sort, the export, help), reached from a parsed command line.

import { LAUNCHABLE_KINDS, isActive, type LaunchableKind } from '../../src/domain/session.js';
import { listOption, numberOption, stringOption, UsageError, type ParsedArgs } from '../../src/cli/parse-args.js';
import type { LaunchForm } from '../form/launch-form.js';
import { EXPORT_FORMATS, type ExportFormat } from '../export-choice.js';
import { SORT_COLUMNS, type SortColumn } from '../view-state.js';
import { PROMPT_TEXT } from '../text.js';
import { runCommand } from './key-handler.js';
import type { Controller } from './controller.js';
import { exportTable, openExport } from './export-table.js';
import { openLaunchForm } from './launch-actions.js';
import { confirmBulk } from './session-actions.js';

/** The ids the words stand for: a session id, or every session with that name (a replica group shares one); a usage error names a word that is neither. */
export function resolveSessions(ctl: Controller, words: readonly string[]): string[] {
  const sessions = Object.values(ctl.model().state?.sessions ?? {});
  const ids: string[] = [];
  for (const word of words) {
    const byId = sessions.find((s) => s.id === word);
    const found = byId ? [byId] : sessions.filter((s) => s.name === word);
    if (found.length === 0) throw new UsageError(PROMPT_TEXT.noSession(word));
    for (const s of found) if (!ids.includes(s.id)) ids.push(s.id);
  }
  return ids;
}

/** `launch [KIND] [IMAGE] [flags] [-- CMD ARGS]`: the launch form, filled from the line, for the user to check and send. */
export async function launchCommand(ctl: Controller, args: ParsedArgs): Promise<void> {
  const prefill: Partial<LaunchForm> = {};
  const [kind, image] = args.positionals;
  if (kind !== undefined) {
    const known = LAUNCHABLE_KINDS.find((k) => k === kind.toLowerCase());
    if (!known) throw new UsageError(PROMPT_TEXT.badKind(kind, LAUNCHABLE_KINDS));
    prefill.kind = known as LaunchableKind;
  }
  if (image !== undefined) prefill.image = image;
  const name = stringOption(args, 'name');
  if (name !== undefined) Object.assign(prefill, { name, nameTouched: true });
  const cores = numberOption(args, 'cores');
  const ram = numberOption(args, 'ram');
  if (cores !== undefined || ram !== undefined) prefill.fixed = true;
  if (cores !== undefined) prefill.cores = cores;
  if (ram !== undefined) prefill.ram = ram;
  const gpus = numberOption(args, 'gpus');
  if (gpus !== undefined) prefill.gpus = gpus;
  const env = listOption(args, 'env');
  if (env.length > 0) prefill.env = env.join(' ');
  const replicas = numberOption(args, 'replicas');
  if (replicas !== undefined) prefill.replicas = String(replicas);
  if (args.rest && args.rest.length > 0) Object.assign(prefill, { cmd: args.rest[0], args: args.rest.slice(1).join(' ') });
  await openLaunchForm(ctl, prefill);
}

/** `delete`/`renew [SESSION]...`: the usual confirmation for the named sessions, or for the selected or marked ones. */
export function sessionsCommand(ctl: Controller, action: 'delete' | 'renew', args: ParsedArgs): void {
  if (args.positionals.length === 0) return confirmBulk(ctl, action);
  const sessions = ctl.model().state?.sessions ?? {};
  const ids = resolveSessions(ctl, args.positionals).filter((id) => action === 'delete' || isActive(sessions[id]));
  if (ids.length === 0) throw new UsageError(PROMPT_TEXT.nothingActive);
  ctl.dispatch({ type: 'open-modal', modal: { type: 'confirm', action, ids } });
}

/** `logs`/`events`/`open [SESSION]`: selects the session (when named) and does what its key does. */
export function sessionCommand(ctl: Controller, command: 'logs' | 'events' | 'open', args: ParsedArgs): void {
  const word = args.positionals[0];
  if (word !== undefined) {
    const ids = resolveSessions(ctl, [word]);
    if (ids.length > 1) throw new UsageError(PROMPT_TEXT.ambiguous(word, ids));
    // A session inside a folded replica group is shown by unfolding the group.
    const group = ctl.model().table.rows.find((r) => r.type === 'group' && !r.expanded && r.members.some((m) => m.id === ids[0]));
    if (group) ctl.dispatch({ type: 'toggle-expand', key: group.key });
    ctl.dispatch({ type: 'select', key: ids[0], ...ctl.rows() });
    if (ctl.model().view.selected !== ids[0]) throw new UsageError(PROMPT_TEXT.notInTable(word));
  }
  runCommand(ctl, command);
}

/** `filter [REGEX]`: sets the table's filter (none clears it). */
export function filterCommand(ctl: Controller, args: ParsedArgs): void {
  ctl.dispatch({ type: 'filter-set', filter: args.positionals.join(' ') });
}

/** `sort COLUMN [--reverse]`: sorts the table by a column. */
export function sortCommand(ctl: Controller, args: ParsedArgs): void {
  const word = args.positionals[0].toLowerCase();
  const column = SORT_COLUMNS.find((c) => c === word);
  if (!column) throw new UsageError(PROMPT_TEXT.badChoice('sort column', word, SORT_COLUMNS));
  ctl.dispatch({ type: 'sort-set', column: column as SortColumn, descending: args.options.reverse === true });
}

/** `export [csv|json|md]`: writes the table at once in that format, or opens the dialog to choose. */
export function exportCommand(ctl: Controller, args: ParsedArgs): Promise<unknown> | void {
  const word = args.positionals[0]?.toLowerCase();
  if (word === undefined) return openExport(ctl);
  const format = EXPORT_FORMATS.find((f) => f === word || (f === 'md' && word === 'markdown'));
  if (!format) throw new UsageError(PROMPT_TEXT.badChoice('export format', word, EXPORT_FORMATS));
  return exportTable(ctl, format as ExportFormat);
}

/** `refresh`: the daemon polls now. */
export function refreshCommand(ctl: Controller): void {
  runCommand(ctl, 'refresh');
}

/** `help`: the help screen (keys, then the prompt commands). */
export function helpCommand(ctl: Controller): void {
  runCommand(ctl, 'help');
}

/** `quit`: quits the dashboard (the daemon keeps running). */
export function quitCommand(ctl: Controller): void {
  ctl.quit();
}
