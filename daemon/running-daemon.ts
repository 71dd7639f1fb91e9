import type { LogLevel, Logger } from '../src/ports/logger.js';
import type { DaemonState } from '../src/state/state.js';
import type { DaemonConfig } from './config/daemon-config.js';

/** A logger whose level the config can change. */
export type DaemonLogger = Logger & { setLevel?(level: LogLevel): void };

/** A daemon running in this process. */
export interface RunningDaemon {
  socketPath: string;
  /** The TCP address bound, when TCP is on. */
  tcpAddress: { host: string; port: number } | null;
  state(): DaemonState;
  config(): DaemonConfig;
  /** The one shutdown path: stops pollers and watchers, closes sockets with 1001, flushes the store. Idempotent. */
  stop(reason: string): Promise<void>;
  /** Resolves with the reason once the daemon has stopped (also after a `shutdown` request). */
  readonly stopped: Promise<string>;
  /** Resolves when nothing the last poll started (events reads, log copies, renews, side polls) is still running. */
  idle(): Promise<void>;
}
