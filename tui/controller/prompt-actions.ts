// What each `:` command does: the dashboard's own actions (the form, the confirmation, the filter, the
// sort, the export, help), reached from a parsed command line.

import { isActive } from '../../src/domain/session.js';
import { groupReplicas } from '../../src/state/replicas.js';
import { jobFromArgs, launchJob } from '../../src/cli/job-args.js';
import { JOB_TEXT } from '../../src/cli/job-text.js';
import { loadProfile } from '../../src/config/profiles.js';
import { mergeJobs } from '../../src/domain/job-spec.js';
import { stringOption, UsageError, type ParsedArgs } from '../../src/cli/parse-args.js';
import type { TableRow } from '../render/table-rows.js';
import { EXPORT_FORMATS } from '../export-choice.js';
import { SORT_COLUMNS } from '../view-types.js';
import { PROMPT_TEXT } from '../prompt-text.js';
import { runCommand } from './run-command.js';
import type { Controller } from './controller.js';
import { exportTable, openExport } from './export-table.js';
import { openLaunchForm } from './launch-actions.js';
import { openUsage } from './usage-actions.js';
import type { UsagePanel } from '../usage-panel.js';
import { storageJson } from '../../src/cli/views/storage-views.js';
import { confirmBulk } from './session-actions.js';

/** The ids the words stand for: a session id, every session with that name, or every member of the replica group with that name; a usage error names a word that is none of these. */
export function resolveSessions(ctl: Controller, words: readonly string[]): string[] {
  const state = ctl.model().state;
  const sessions = Object.values(state?.sessions ?? {});
  const ids: string[] = [];
  for (const word of words) {
    const byId = sessions.find((s) => s.id === word);
    let found = byId ? [byId.id] : sessions.filter((s) => s.name === word).map((s) => s.id);
    if (found.length === 0)
      found = groupReplicas(sessions, state?.launches ?? [])
        .filter((g) => g.base === word)
        .flatMap((g) => g.ids);
    if (found.length === 0) throw new UsageError(PROMPT_TEXT.noSession(word));
    for (const id of found) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** `launch [KIND] [IMAGE] [flags] [-- CMD ARGS]`: the launch form, filled as the CLI would launch (a job file or profile with the flags on top), for the user to check and send. */
export async function launchCommand(ctl: Controller, args: ParsedArgs): Promise<void> {
  const profile = stringOption(args, 'profile');
  if (profile === undefined) return openLaunchForm(ctl, (await launchJob(args, ctl.deps.env)).job);
  // The dashboard's own profiles folder (the one its form lists), with the flags on top as the CLI puts them.
  if (stringOption(args, 'file') !== undefined) throw new UsageError(JOB_TEXT.fileAndProfile);
  if (ctl.deps.profilesDir === undefined) throw new UsageError(PROMPT_TEXT.noProfiles);
  const [kind, image] = args.positionals;
  const job = mergeJobs(await loadProfile(ctl.deps.profilesDir, profile), jobFromArgs(args, ctl.deps.env, { kind, image }));
  await openLaunchForm(ctl, job, profile);
}

/** `profile NAME [flags]`: the launch form filled from a saved profile, the flags on top (`launch --profile NAME`). */
export function profileCommand(ctl: Controller, args: ParsedArgs): Promise<void> {
  const [name, ...rest] = args.positionals;
  return launchCommand(ctl, { ...args, positionals: rest, options: { ...args.options, profile: name } });
}

/** `relaunch [SESSION|GROUP] [--failed]`: the relaunch dialog (c) for a session, or for the failed replicas of a replica group. */
export function relaunchCommand(ctl: Controller, args: ParsedArgs): void {
  const word = args.positionals[0];
  if (word !== undefined) {
    const ids = resolveSessions(ctl, [word]);
    if (args.options.failed === true || ids.length > 1) {
      const group = groupRowOf(ctl, ids[0]);
      if (!group || !ids.every((id) => group.members.some((m) => m.id === id))) throw new UsageError(PROMPT_TEXT.notAGroup(word));
      selectRow(ctl, group.key, word);
    } else {
      selectSession(ctl, ids[0], word);
    }
  }
  runCommand(ctl, 'relaunch');
}

function groupRowOf(ctl: Controller, id: string): Extract<TableRow, { type: 'group' }> | undefined {
  return ctl.model().table.rows.find((r): r is Extract<TableRow, { type: 'group' }> => r.type === 'group' && r.members.some((m) => m.id === id));
}

function selectRow(ctl: Controller, key: string, word: string): void {
  ctl.dispatch({ type: 'select', key, ...ctl.rows() });
  if (ctl.model().view.selected !== key) throw new UsageError(PROMPT_TEXT.notInTable(word));
}

/** Selects a session's row, unfolding its replica group first. */
function selectSession(ctl: Controller, id: string, word: string): void {
  const group = groupRowOf(ctl, id);
  if (group && !group.expanded) ctl.dispatch({ type: 'toggle-expand', key: group.key });
  selectRow(ctl, id, word);
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
    selectSession(ctl, ids[0], word);
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
  ctl.dispatch({ type: 'sort-set', column: column, descending: args.options.reverse === true });
}

/** `export [csv|json|md]`: writes the table at once in that format, or opens the dialog to choose. */
export function exportCommand(ctl: Controller, args: ParsedArgs): Promise<unknown> | void {
  const word = args.positionals[0]?.toLowerCase();
  if (word === undefined) return openExport(ctl);
  const format = EXPORT_FORMATS.find((f) => f === word || (f === 'md' && word === 'markdown'));
  if (!format) throw new UsageError(PROMPT_TEXT.badChoice('export format', word, EXPORT_FORMATS));
  return exportTable(ctl, format);
}

/** `usage [--since 7d|30d]`: the usage view (U) for that window. */
export function usageCommand(ctl: Controller, args: ParsedArgs): Promise<void> {
  const since = stringOption(args, 'since') ?? '7d';
  return openUsage(ctl, Number(since.slice(0, -1)) as UsagePanel['days']);
}

/** `storage`: home storage use and quota as the daemon last read it, in the footer. */
export function storageCommand(ctl: Controller): void {
  const status = ctl.model().state?.storage ?? null;
  if (status === null) return ctl.flash('warn', PROMPT_TEXT.storageNotRead);
  const s = storageJson(status);
  if (s.usedGiB === null) return ctl.flash('warn', PROMPT_TEXT.storageUnknown(status.unknown ?? ''));
  ctl.flash(status.high ? 'warn' : 'info', PROMPT_TEXT.storage(Number(s.usedGiB), s.quotaGiB as number | null, s.percent as number | null, String(s.readAt)));
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
