import { lstatSync, readlinkSync, type Stats } from 'node:fs';
import path from 'node:path';
import { AppError } from '../domain/errors.js';

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

function describe(what: string, file: string, stats: Stats, uid: number): string | null {
  const owner = `owner uid ${stats.uid}, mode ${octal(stats.mode)}`;
  if (stats.isSymbolicLink()) {
    let target = '?';
    try {
      target = readlinkSync(file);
    } catch {
      // gone in the meantime: still a link we will not follow
    }
    return `the daemon ${what} ${file} is a symbolic link to ${target} (${owner})`;
  }
  if (stats.uid !== uid) return `the daemon ${what} ${file} belongs to another user (${owner}; you are uid ${uid})`;
  if ((stats.mode & 0o022) !== 0) return `the daemon ${what} ${file} is writable by group or others (${owner})`;
  return null;
}

/**
 * Why the daemon's socket `folder` or `socket` at `file` could be someone else's: a symbolic link, another
 * owner, or writable by group or others. Null when it is safe, or absent (nothing answers there), or without
 * Unix user ids (Windows).
 */
export function pathTrustProblem(what: 'folder' | 'socket', file: string, uid: number | null = currentUid()): string | null {
  if (uid === null) return null;
  let stats: Stats;
  try {
    stats = lstatSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? null : `the daemon ${what} ${file} cannot be checked (${code ?? 'error'})`;
  }
  return describe(what, file, stats, uid);
}

/** Why the daemon socket at `socketPath` cannot be trusted (its folder first, then the socket), or null. */
export function socketTrustProblem(socketPath: string, uid: number | null = currentUid()): string | null {
  return pathTrustProblem('folder', path.dirname(socketPath), uid) ?? pathTrustProblem('socket', socketPath, uid);
}

/** The DAEMON_UNTRUSTED error for a problem found in the socket folder `folder`: what was found and what to do. */
export function untrustedSocketError(problem: string, folder: string): AppError {
  return new AppError(
    'DAEMON_UNTRUSTED',
    `refusing to use the skaha-tui daemon: ${problem} — another local user could serve a fake daemon there. ` +
      `Remove ${folder} if it is not yours (ask an administrator if you cannot), or set XDG_RUNTIME_DIR ` +
      'or SKAHA_TUI_HOME to a folder only you can write (CLI commands with --no-daemon talk to Skaha directly).',
  );
}

/**
 * Throws DAEMON_UNTRUSTED when the socket's folder or the socket could belong to someone else (see
 * socketTrustProblem). Every client calls it before it connects to, probes or starts a daemon.
 */
export function assertTrustedSocket(socketPath: string, uid: number | null = currentUid()): void {
  const problem = socketTrustProblem(socketPath, uid);
  if (problem !== null) throw untrustedSocketError(problem, path.dirname(socketPath));
}

function currentUid(): number | null {
  return typeof process.getuid === 'function' ? process.getuid() : null;
}
