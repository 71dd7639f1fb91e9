import { appendFileSync, chmodSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createLineLogger } from '../src/log/line-logger.js';
import type { LogLevel } from '../src/ports/logger.js';
import type { DaemonLogger } from './running-daemon.js';

/** A log file over this size is moved to `<file>.1` when the daemon starts. */
export const MAX_LOG_BYTES = 5 * 1024 * 1024;

/** Options of createDaemonLogger. */
export interface DaemonLoggerOptions {
  file: string;
  level: LogLevel;
  /** Also written here (stderr when it is a terminal). */
  echo?: { write(text: string): unknown } | null;
  /** Values never to print (token, registry secret, key lines). */
  secrets: () => readonly string[];
}

/** The daemon log: one line per entry appended to the log file (0600), secrets scrubbed; a failing write is dropped. */
export function createDaemonLogger(options: DaemonLoggerOptions): DaemonLogger {
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
  try {
    // A log an older version left world-readable is tightened before anything is added (or it is rotated).
    chmodSync(options.file, 0o600);
    if (statSync(options.file).size > MAX_LOG_BYTES) renameSync(options.file, `${options.file}.1`);
  } catch {
    // no log yet
  }
  return createLineLogger({
    level: options.level,
    secrets: options.secrets,
    write: (line) => {
      try {
        appendFileSync(options.file, `${line}\n`, { mode: 0o600 });
      } catch {
        // A full disk must not take the daemon down; the state file reports what matters.
      }
      options.echo?.write(`${line}\n`);
    },
  });
}
