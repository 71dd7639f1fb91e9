import { isAppError, toAppError } from '../src/domain/errors.js';
import { terminalText } from '../src/domain/terminal-text.js';
import { resolvePaths } from '../src/config/paths.js';
import { createDaemonLogger } from './daemon-logger.js';
import { startDaemon, type RunningDaemon } from './daemon.js';
import { DAEMON_USAGE, parseDaemonArgs, type DaemonArgs } from './main-args.js';
import { removePidFile, writePidFile } from './instance/pid-file.js';
import type { Connected, Connector } from './runtime/api-holder.js';
import { defaultCredentialFiles, settingsConnector } from './runtime/connect.js';

/** Where `runDaemon` reads its environment and writes its messages. */
export interface DaemonIo {
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Installs SIGINT/SIGTERM/SIGHUP handlers (default true). */
  signals?: boolean;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function processIo(): DaemonIo {
  return { env: process.env, stdout: process.stdout, stderr: process.stderr };
}

/**
 * `skaha-tui daemon`: runs the daemon in the foreground until a signal or a `shutdown` request,
 * logging to daemon.log in the state dir (and to stderr on a terminal). Resolves with the exit
 * code: 0 after a clean stop, and 0 when another daemon already runs (it says so); 2 for bad flags.
 */
export async function runDaemon(argv: string[], io: DaemonIo = processIo()): Promise<number> {
  let args: DaemonArgs;
  try {
    args = parseDaemonArgs(argv);
  } catch (error) {
    io.stderr.write(`error: ${terminalText((error as Error).message)}\n${DAEMON_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(DAEMON_USAGE);
    return 0;
  }
  let paths;
  try {
    paths = resolvePaths(io.env);
  } catch (error) {
    io.stderr.write(`error: ${terminalText(toAppError(error).message)}\n`);
    return 1;
  }
  const secrets = new Set<string>();
  const logger = createDaemonLogger({
    file: paths.daemonLog,
    level: args.logLevel ?? 'info',
    echo: io.stderr.isTTY ? io.stderr : null,
    secrets: () => [...secrets],
  });
  if (args.connection.token) secrets.add(args.connection.token);
  const base = settingsConnector(args.connection, io.env, paths, logger, { onSecret: (secret) => secrets.add(secret) });
  const connect: Connector = async (): Promise<Connected> => {
    const connected = await base();
    for (const secret of connected.secrets) secrets.add(secret);
    return connected;
  };
  const logCrash = (error: unknown) => logger.error('daemon crashed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.on('uncaughtExceptionMonitor', logCrash);
  // Handlers go in before anything is visible (socket, pid file): a signal during start-up is kept
  // and honoured as soon as the daemon runs, never left to the default handler that skips the flush.
  let daemon: RunningDaemon | null = null;
  let signalled: string | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    signalled ??= `signal ${signal}`;
    void daemon?.stop(signalled);
  };
  const signals = io.signals === false ? [] : STOP_SIGNALS;
  for (const signal of signals) process.on(signal, onSignal);
  const cleanup = () => {
    for (const signal of signals) process.off(signal, onSignal);
    process.off('uncaughtExceptionMonitor', logCrash);
  };
  try {
    daemon = await startDaemon({
      paths,
      connect,
      logger,
      env: io.env,
      tcp: args.listen ?? undefined,
      credentialFiles: defaultCredentialFiles(io.env, args.connection.cert),
      fixedLogLevel: args.logLevel !== null,
    });
  } catch (error) {
    cleanup();
    if (isAppError(error) && error.code === 'DAEMON_ALREADY_RUNNING') {
      io.stdout.write(`skaha-tui daemon is already running (socket ${terminalText(paths.socketPath)})\n`);
      return 0;
    }
    const failure = toAppError(error);
    logger.error('daemon failed to start', { code: failure.code, error: failure.message });
    io.stderr.write(`error: the daemon could not start: ${terminalText(failure.message)}\n`);
    return 1;
  }
  writePidFile(paths.pidFile);
  if (signalled) void daemon.stop(signalled);
  await daemon.stopped;
  cleanup();
  removePidFile(paths.pidFile);
  return 0;
}
