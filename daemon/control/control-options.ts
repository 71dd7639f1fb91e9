import { resolvePaths, type Paths } from '../../src/config/paths.js';
import type { CliIo } from '../../src/cli/io.js';
import type { SpawnCommand } from '../../src/daemon-client/daemon-command.js';

/** What the daemon management commands can be told from outside; tests use it, the binary passes nothing. */
export interface ControlOptions {
  /** Default: resolvePaths(io.env). */
  paths?: Paths;
  /** How `start` runs the daemon (default: this node, the built binary, `daemon`). */
  spawnCommand?: SpawnCommand;
  /** Bound on waiting for a started daemon (default 5000 ms). */
  startWaitMs?: number;
  /** Bound on each wait for a stopping daemon: after `shutdown`, then after SIGTERM (default 5000 ms). */
  stopWaitMs?: number;
  /** Default process.platform (install picks systemd or launchd from it). */
  platform?: NodeJS.Platform;
  /** Where the service file goes under (default io.env.HOME, else the OS home). */
  homeDir?: string;
  /** What the service file runs (default process.execPath and the built binary). */
  service?: { nodePath: string; binPath: string };
}

/** The paths the commands use: the given ones, else resolved from the command's environment. */
export function controlPaths(io: Pick<CliIo, 'env'>, options: ControlOptions): Paths {
  return options.paths ?? resolvePaths(io.env);
}

/** The started daemon's environment: the command's own (credentials in env reach the daemon, never a file). */
export function daemonEnv(io: Pick<CliIo, 'env'>): NodeJS.ProcessEnv {
  return { ...(io.env as NodeJS.ProcessEnv) };
}

/** Sleeps `ms` (real time: these commands wait on other processes). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
