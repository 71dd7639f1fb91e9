// x: the sessions the table shows (after filter and sort) written to a private file as CSV, JSON or
// Markdown, in the records `ps --json` prints (docs/output.md); the footer says where.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { daemonAnswers } from '../../src/cli/daemon-answers.js';
import { jsonText, sessionJson } from '../../src/cli/json-output.js';
import { csvText } from '../../src/export/csv-text.js';
import { markdownTable } from '../../src/export/markdown-table.js';
import { SESSION_COLUMNS } from '../../src/export/record-columns.js';
import type { DashboardModel } from '../render/frame.js';
import { EXPORT_FORMATS, type ExportFormat } from '../export-choice.js';
import { tableSessions } from '../render/table-sessions.js';
import { EXPORT } from '../prompt-text.js';
import type { Controller } from './controller.js';

const LABEL: Record<ExportFormat, string> = { csv: 'CSV', json: 'JSON', md: 'Markdown' };

/** Pure: the file's text: the session records (with why each waits or failed) in `format`. */
export function exportText(model: DashboardModel, format: ExportFormat, now: number): string {
  const sessions = tableSessions(model.table);
  const answers = model.state ? daemonAnswers(model.state, sessions, now) : new Map();
  const records = sessions.map((s) => sessionJson(s, answers.get(s.id)));
  if (format === 'csv') return csvText(records, SESSION_COLUMNS);
  if (format === 'md') return markdownTable(records, SESSION_COLUMNS);
  return jsonText(records);
}

/** Pure: the file name: `skaha-tui-sessions-<UTC stamp>[-n].<ext>`. */
export function exportFileName(format: ExportFormat, now: number, attempt = 1): string {
  const stamp = new Date(now).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `skaha-tui-sessions-${stamp}${attempt > 1 ? `-${attempt}` : ''}.${format}`;
}

/** Writes the table in `format` to a new file in the save folder (never over an existing one); returns its path, or null. */
export async function exportTable(ctl: Controller, format: ExportFormat): Promise<string | null> {
  ctl.dispatch({ type: 'close-modal' });
  const model = ctl.model();
  const rows = tableSessions(model.table).length;
  if (rows === 0) {
    ctl.flash('warn', EXPORT.nothing);
    return null;
  }
  const now = ctl.deps.clock.now();
  const text = exportText(model, format, now);
  for (let attempt = 1; attempt <= 100; attempt++) {
    const file = path.resolve(ctl.deps.saveDir, exportFileName(format, now, attempt));
    try {
      // Names, images and URLs are the user's own data: the file is readable by its owner only.
      await writeFile(file, text, { mode: 0o600, flag: 'wx' });
      ctl.flash('info', EXPORT.written(rows, file, LABEL[format]));
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      ctl.flash('error', EXPORT.failed(error instanceof Error ? error.message : String(error)));
      return null;
    }
  }
  ctl.flash('error', EXPORT.failed(`every name up to ${exportFileName(format, now, 100)} exists in ${ctl.deps.saveDir}`));
  return null;
}

/** Opens the export dialog on the first format (CSV), naming the folder the file will go to. */
export function openExport(ctl: Controller): void {
  if (tableSessions(ctl.model().table).length === 0) return ctl.flash('warn', EXPORT.nothing);
  ctl.dispatch({ type: 'open-modal', modal: { type: 'export', index: 0, folder: path.resolve(ctl.deps.saveDir) } });
}

/** Keys of the export dialog: ↑/↓ choose, Enter writes, c/j/m write that format at once, Esc or q cancels. */
export function exportKey(ctl: Controller, index: number, name: string): void {
  const direct: Record<string, ExportFormat> = { c: 'csv', j: 'json', m: 'md' };
  if (name === 'escape' || name === 'q') return ctl.dispatch({ type: 'close-modal' });
  if (name === 'up' || name === 'down' || name === 'tab' || name === 'S-tab') {
    const step = name === 'up' || name === 'S-tab' ? -1 : 1;
    const next = (index + step + EXPORT_FORMATS.length) % EXPORT_FORMATS.length;
    return ctl.dispatch({ type: 'open-modal', modal: { type: 'export', index: next, folder: path.resolve(ctl.deps.saveDir) } });
  }
  if (name === 'enter') return void exportTable(ctl, EXPORT_FORMATS[index]);
  if (Object.hasOwn(direct, name)) void exportTable(ctl, direct[name]);
}
