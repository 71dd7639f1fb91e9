import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { pathTrustProblem, untrustedSocketError } from '../../src/daemon-client/socket-trust.js';

/**
 * Creates the socket folder only its owner can enter (0700), tightening an existing one that is merely readable;
 * refuses (DAEMON_UNTRUSTED) one that is a symbolic link, someone else's, or writable by group or others.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const problem = pathTrustProblem('folder', dir);
  if (problem !== null) throw untrustedSocketError(problem, dir);
  if ((statSync(dir).mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
}
