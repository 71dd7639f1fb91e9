// `skaha-tui` with no command: the dashboard. Finds or starts the daemon, opens the screen at once
// (it says "connecting" until the daemon answers), and returns the exit code when the user quits.

import { terminalText } from '../src/domain/terminal-text.js';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { resolvePaths, type Paths } from '../src/config/paths.js';
import { profilesDir } from '../src/config/profiles.js';
import { systemClock, type Clock } from '../src/ports/clock.js';
import { assertTrustedSocket, createResilientConnection, ensureDaemon, type DaemonConnection } from '../src/daemon-client/index.js';
import { toAppError } from '../src/domain/errors.js';
import { parseDashboardArgs, type DashboardArgs } from './options.js';
import { BRACKETED_PASTE } from './controller/text-chunk.js';
import { installTerminalGuard } from './terminal-guard.js';
import { colourAllowed } from './render/paint.js';
import { isUtf8Locale } from './render/glyphs.js';
import { CLI_TEXT } from './text.js';
import type { ConnectionIdentity } from '../src/domain/connection-identity.js';
import { keepEarlyEvents } from './early-events.js';

/** Where the dashboard runs; everything has a process default, tests inject fakes. */
export interface DashboardIo {
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  clock?: Clock;
  /** Makes the daemon connection (default: auto-start the daemon, then a resilient connection). */
  connect?: (paths: Paths, env: NodeJS.ProcessEnv) => DaemonConnection;
  openUrl?: (url: string) => Promise<boolean>;
  /** Folder for Ctrl-S log files (default: the current directory). */
  saveDir?: string;
  /** Install exit/crash/signal handlers that restore the terminal (default true). */
  processHooks?: boolean;
  /** Ask the daemon to shut down when the dashboard quits (the demo's own daemon; never the user's). */
  stopDaemonOnExit?: boolean;
  /** This dashboard's own connection identity (default: resolved from `env` like the CLI's). */
  ownIdentity?: () => Promise<ConnectionIdentity | null>;
}

/** The process's own terminal and environment. */
export function processDashboardIo(): DashboardIo {
  return { input: process.stdin, output: process.stdout, stderr: process.stderr, env: process.env };
}

/** The default connection: until the first success every attempt auto-starts the daemon; later ones only reconnect. */
export function defaultConnect(paths: Paths, env: NodeJS.ProcessEnv): DaemonConnection {
  let connectedOnce = false;
  const connection = createResilientConnection({
    socketPath: paths.socketPath,
    clientName: 'skaha-tui dashboard',
    // A daemon that was stopped on purpose is not restarted behind the user's back once we had one.
    beforeAttempt: async () => {
      if (!connectedOnce) await ensureDaemon({ paths, autoStart: true, env });
    },
  });
  connection.subscribe({ onStatus: (status) => (connectedOnce ||= status.state === 'connected') });
  return connection;
}

/** The screen and the dashboard's core: most of the start-up is loading them (blessed, the renderers), so the daemon is reached meanwhile. */
const screenModules = () => Promise.all([import('./screen/layout.js'), import('./dashboard-core.js')]);

/** The dashboard's keys, dialogs and prompt, loaded after its first frame (or at the first key, if sooner). */
const loadFeatures = async () => (await import('./controller/features.js')).FEATURES;

function memo<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}

/** Runs the dashboard until the user quits; resolves with the exit code (0, or 2 for bad options or no terminal). */
export async function runDashboard(argv: readonly string[], io: DashboardIo = processDashboardIo()): Promise<number> {
  let args: DashboardArgs;
  try {
    args = parseDashboardArgs(argv, io.env);
  } catch (error) {
    io.stderr.write(`${terminalText((error as Error).message)}\n${CLI_TEXT.usage}\n`);
    return 2;
  }
  if (args.help) {
    io.output.write(`${CLI_TEXT.usage}\n`);
    return 0;
  }
  if (!io.input.isTTY || !io.output.isTTY) {
    io.stderr.write(`${CLI_TEXT.notATerminal}\n`);
    return 2;
  }
  let paths: Paths;
  try {
    paths = resolvePaths(io.env);
    // Refused before the screen opens: a socket another user could serve never sees this dashboard.
    assertTrustedSocket(paths.socketPath);
  } catch (error) {
    io.stderr.write(`${terminalText(CLI_TEXT.daemonFailed(toAppError(error).message))}\n`);
    return 1;
  }
  const connection = keepEarlyEvents((io.connect ?? defaultConnect)(paths, io.env));
  let modules: Awaited<ReturnType<typeof screenModules>>;
  try {
    modules = await screenModules();
  } catch (error) {
    await connection.close();
    throw error;
  }
  const [{ createWidgets }, { startDashboard }] = modules;
  const widgets = createWidgets(
    { input: io.input, output: io.output, env: io.env },
    { colour: colourAllowed(io.env), unicode: isUtf8Locale(io.env), chartsLater: true },
  );
  let restored = false;
  // Marked pastes: a pasted line break goes into a text field instead of pressing Enter.
  io.output.write(BRACKETED_PASTE.on);
  const restore = () => {
    if (restored) return;
    restored = true;
    io.output.write(BRACKETED_PASTE.off);
    widgets.screen.destroy();
  };
  const dashboard = startDashboard(
    widgets,
    {
      connection,
      clock: io.clock ?? systemClock(),
      output: io.output,
      env: io.env,
      openUrl: io.openUrl ?? (async (url) => (await import('../src/cli/browser.js')).openInBrowser(url, io.env)),
      saveDir: io.saveDir ?? process.cwd(),
      promptHistoryFile: path.join(paths.stateDir, 'prompt-history'),
      profilesDir: profilesDir(paths.configDir),
      ownIdentity: io.ownIdentity ?? memo(async () => (await import('../src/config/connection-identity.js')).resolveIdentity({}, io.env)),
      restartDaemon: async () => (await import('./restart-daemon.js')).restartDaemon(connection, paths, io.env),
      options: { readonly: args.readonly, demo: args.demo, terminalNotify: args.terminalNotify, mouse: args.mouse, serverUrl: args.serverUrl },
    },
    loadFeatures,
  );
  const uninstall = io.processHooks === false ? () => {} : installTerminalGuard({ restore, quit: () => dashboard.handleKey('C-c'), stderr: io.stderr });
  try {
    return await dashboard.done;
  } finally {
    await dashboard.stop();
    restore();
    uninstall();
    if (io.stopDaemonOnExit && connection.status.state === 'connected') {
      await connection.request('shutdown', {}, { timeoutMs: 2000 }).catch(() => undefined);
    }
    await connection.close();
  }
}
