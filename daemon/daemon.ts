import { AppError } from '../src/domain/errors.js';
import type { Connection } from '../src/config/connection.js';
import type { Paths } from '../src/config/paths.js';
import { systemClock, type Clock } from '../src/ports/clock.js';
import { silentLogger, type Logger } from '../src/ports/logger.js';
import type { Notifier } from '../src/ports/notifier.js';
import type { SkahaApi } from '../src/ports/skaha-api.js';
import { packageVersion } from '../src/cli/version.js';
import { DEFAULT_DAEMON_CONFIG, type DaemonConfig } from './config/daemon-config.js';
import { loadDaemonConfig } from './config/load-daemon-config.js';
import { ensurePrivateDir } from './instance/private-dir.js';
import { createDesktopNotifier } from './notify/desktop-notifier.js';
import { JsonStateStore } from './store/json-state-store.js';
import type { StateStore } from './store/state-store.js';
import type { Connector } from './runtime/api-holder.js';
import { connectedFrom, connectedToApi } from './runtime/connect.js';
import { assembleDaemon, type DaemonTiming } from './runtime/assemble.js';
import type { DaemonLogger, RunningDaemon } from './running-daemon.js';
import { ensureTokenFile } from './ws/token-file.js';

export type { DaemonLogger, RunningDaemon } from './running-daemon.js';

/** How to start a daemon in this process; only `paths` and one of api/connection/connect are needed. */
export interface StartDaemonOptions {
  paths: Paths;
  /** A ready API (tests); never reconnected. */
  api?: SkahaApi;
  /** A connection to open a SkahaClient on. */
  connection?: Connection;
  /** Builds the connection, again on every reconnect (what `skaha-tui daemon` uses). */
  connect?: Connector;
  clock?: Clock;
  /** The config to start with (else the config file is read); a later change of the file replaces it. */
  config?: DaemonConfig;
  notifier?: Notifier;
  logger?: DaemonLogger;
  store?: StateStore;
  env?: NodeJS.ProcessEnv;
  /** The TCP listener, overriding `listen.tcp` of the config (null: none). */
  tcp?: { host: string; port: number } | null;
  /** Credential files to watch even before a connection names them. */
  credentialFiles?: string[];
  /** True when the log level was fixed on the command line (the config's logLevel is then ignored). */
  fixedLogLevel?: boolean;
  version?: string;
  timing?: Partial<DaemonTiming>;
  /** Where kept log copies are persisted (default `<stateDir>/kept-logs.json`; null: memory only). */
  keptLogsFile?: string | null;
}

function connectorFor(options: StartDaemonOptions, logger: Logger): Connector {
  if (options.connect) return options.connect;
  const { api, connection } = options;
  if (api) return async () => connectedToApi(api);
  if (connection) return async () => connectedFrom(connection, logger);
  throw new AppError('CONFIG_ERROR', 'startDaemon needs one of api, connection or connect');
}

async function initialConfig(options: StartDaemonOptions, logger: Logger) {
  const loaded = await loadDaemonConfig(options.paths.configFile);
  if (options.config) return { config: options.config, raw: loaded.raw, problem: null };
  if (loaded.problems.length === 0) return { config: loaded.config, raw: loaded.raw, problem: null };
  const problem = `the config file was refused and the defaults are used: ${loaded.problems.join('; ')}`;
  logger.warn(problem);
  return { config: DEFAULT_DAEMON_CONFIG, raw: loaded.raw, problem };
}

/**
 * Starts the daemon: claims the socket (DAEMON_ALREADY_RUNNING when another daemon has it), loads
 * the cached state and serves it at once (stale until the first poll), then polls, watches the
 * config and credential files, and reports changes to clients, the desktop and hooks.
 */
export async function startDaemon(options: StartDaemonOptions): Promise<RunningDaemon> {
  const clock = options.clock ?? systemClock();
  const logger = options.logger ?? silentLogger;
  const connector = connectorFor(options, logger);
  const { config, raw, problem } = await initialConfig(options, logger);
  if (!options.fixedLogLevel) options.logger?.setLevel?.(config.logLevel);
  ensurePrivateDir(options.paths.runtimeDir);
  const tcp = options.tcp !== undefined ? options.tcp : config.listen.tcp;
  const daemon = await assembleDaemon({
    paths: options.paths,
    clock,
    logger,
    connector,
    config,
    raw,
    tcp,
    tcpToken: tcp ? ensureTokenFile(options.paths.tokenFile) : null,
    notifier: options.notifier ?? createDesktopNotifier(logger, options.env ?? process.env),
    store: () => options.store ?? new JsonStateStore(options.paths.stateFile, { clock, logger, historyFile: options.paths.historyFile }),
    credentialFiles: options.credentialFiles ?? [],
    fixedLogLevel: options.fixedLogLevel ?? false,
    version: options.version ?? packageVersion(),
    timing: options.timing ?? {},
    startProblem: problem,
    keptLogsFile: options.keptLogsFile,
  });
  return daemon;
}
