import { readFile } from 'node:fs/promises';
import type { Clock } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import { initialState } from '../../src/state/state.js';
import { migrateState } from './migrate.js';
import { moveAside } from './move-aside.js';
import { serialiseState } from './state-file-text.js';
import type { LoadResult } from './state-store.js';

/** A loaded state file, and its text when it is exactly what this version would write (else null). */
export type StateFileRead = LoadResult & { diskText: string | null };

async function startClean(file: string, reason: string, clock: Clock, logger: Logger): Promise<StateFileRead> {
  let movedTo: string | null = null;
  let moveNote = '';
  try {
    movedTo = await moveAside(file, clock.now());
    moveNote = `moved it to ${movedTo}`;
  } catch (error) {
    moveNote = `could not move it aside (${(error as Error).message}); it will be overwritten`;
  }
  const warning = `state file ${file} was not usable: ${reason}; ${moveNote}; starting with a clean state`;
  logger.warn(warning);
  return { state: initialState(), warning, movedTo, migratedFrom: null, diskText: null };
}

/** Reads and migrates the state file; a missing file is a fresh state, a bad one is moved aside with a warning. */
export async function readStateFile(file: string, clock: Clock, logger: Logger): Promise<StateFileRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { state: initialState(), warning: null, movedTo: null, migratedFrom: null, diskText: null };
    }
    return startClean(file, `it could not be read (${(error as Error).message})`, clock, logger);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return startClean(file, text.trim() === '' ? 'it is empty' : `it is not valid JSON (${(error as Error).message})`, clock, logger);
  }
  const result = migrateState(raw, clock.now());
  if (!result.ok) return startClean(file, result.problem, clock, logger);
  const diskText = result.from === result.state.schemaVersion ? serialiseState(result.state) : null;
  return { state: result.state, warning: null, movedTo: null, migratedFrom: result.from, diskText };
}
