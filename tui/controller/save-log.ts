// Ctrl-S in the log pane: writes the lines the pane holds to a private file and says where.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LOGS } from '../text.js';
import type { Controller } from './controller.js';

/** The file name for a saved log: session name, id and a UTC timestamp (no characters shells dislike). */
export function logFileName(name: string, id: string, now: number): string {
  const stamp = new Date(now).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const safe = name.replace(/[^A-Za-z0-9_.-]/g, '_') || 'session';
  return `skaha-tui-${safe}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}-${stamp}.log`;
}

/** Saves the log pane's lines; returns the path written, or null when there was nothing or it failed. */
export async function saveLog(ctl: Controller): Promise<string | null> {
  const model = ctl.model();
  const logs = model.view.logs;
  if (!logs.sessionId) {
    ctl.flash('warn', LOGS.nothingToSave);
    return null;
  }
  const name = model.state?.sessions[logs.sessionId]?.name ?? logs.sessionId;
  const file = path.join(ctl.deps.saveDir, logFileName(name, logs.sessionId, ctl.deps.clock.now()));
  try {
    // Logs can hold private data: the file is readable by its owner only.
    await writeFile(file, logs.lines.map((l) => `${l}\n`).join(''), { mode: 0o600, flag: 'wx' });
    ctl.flash('info', LOGS.saved(file, logs.lines.length));
    return file;
  } catch (error) {
    ctl.flash('error', LOGS.saveFailed(error instanceof Error ? error.message : String(error)));
    return null;
  }
}
