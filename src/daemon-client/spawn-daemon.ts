import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, fchmodSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SpawnCommand } from './daemon-command.js';

/** A detached daemon process and how its early life went. */
export interface SpawnedDaemon {
  child: ChildProcess;
  /** Set once the process exited (or failed to start). */
  exit: { code: number | null; signal: string | null; error?: Error } | null;
}

/**
 * Starts the daemon detached in its own process group, stdout and stderr appended to `logFile` (0600),
 * stdin closed, not waited for (unref): it outlives this process.
 */
export function spawnDetachedDaemon(command: SpawnCommand, logFile: string, env: NodeJS.ProcessEnv, cwd: string): SpawnedDaemon {
  mkdirSync(dirname(logFile), { recursive: true, mode: 0o700 });
  const fd = openSync(logFile, 'a', 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, `${new Date().toISOString()} skaha-tui: starting the daemon: ${[command.command, ...command.args].join(' ')}\n`);
    const child = spawn(command.command, command.args, { detached: true, stdio: ['ignore', fd, fd], env, cwd });
    const spawned: SpawnedDaemon = { child, exit: null };
    child.once('error', (error) => (spawned.exit ??= { code: null, signal: null, error }));
    child.once('exit', (code, signal) => (spawned.exit ??= { code, signal }));
    child.unref();
    return spawned;
  } finally {
    closeSync(fd);
  }
}
