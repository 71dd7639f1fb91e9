import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { AppError } from '../../src/domain/errors.js';

/** Creates a directory only its owner can enter (0700), tightening an existing one; refuses one owned by someone else. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stats = statSync(dir);
  if (typeof process.getuid === 'function' && stats.uid !== process.getuid()) {
    throw new AppError('CONFIG_ERROR', `${dir} belongs to another user (uid ${stats.uid}); the daemon keeps its socket only in a directory you own. Set SKAHA_TUI_HOME or XDG_RUNTIME_DIR to a directory of yours.`);
  }
  if ((stats.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
}
