import os from 'node:os';
import path from 'node:path';
import { AppError } from '../domain/errors.js';

/** Every file and folder skaha-tui uses on this machine. */
export interface Paths {
  configDir: string;
  stateDir: string;
  runtimeDir: string;
  /** skaha-tui's own settings (JSON). */
  configFile: string;
  /** Daemon state shared with the dashboard. */
  stateFile: string;
  /** The usage and platform histories (binary; written every few minutes and at shutdown). */
  historyFile: string;
  daemonLog: string;
  /** The daemon's Unix socket. */
  socketPath: string;
  pidFile: string;
  /** The token clients present to the daemon. */
  tokenFile: string;
}

/** The longest socket path accepted; libuv silently truncates Unix socket paths at 108 bytes. */
export const MAX_SOCKET_PATH_BYTES = 104;

/** Resolves the paths: `SKAHA_TUI_HOME` overrides everything, else the XDG base directories with their usual fallbacks.
 *  CONFIG_ERROR when the socket path is too long, unless `checkSocket` is false (commands that never touch the daemon). */
export function resolvePaths(env: NodeJS.ProcessEnv = process.env, options: { checkSocket?: boolean } = {}): Paths {
  const home = nonEmpty(env.HOME) ?? os.homedir();
  const appHome = nonEmpty(env.SKAHA_TUI_HOME);
  let configDir: string;
  let stateDir: string;
  let runtimeDir: string;
  if (appHome) {
    const root = path.resolve(expandHome(appHome, home));
    configDir = path.join(root, 'config');
    stateDir = path.join(root, 'state');
    runtimeDir = path.join(root, 'run');
  } else {
    configDir = path.join(xdg(env.XDG_CONFIG_HOME) ?? path.join(home, '.config'), 'skaha-tui');
    stateDir = path.join(xdg(env.XDG_STATE_HOME) ?? path.join(home, '.local', 'state'), 'skaha-tui');
    const runtimeBase = xdg(env.XDG_RUNTIME_DIR);
    runtimeDir = runtimeBase ? path.join(runtimeBase, 'skaha-tui') : path.join(nonEmpty(env.TMPDIR) ?? os.tmpdir(), `skaha-tui-${userId()}`);
  }
  const paths: Paths = {
    configDir,
    stateDir,
    runtimeDir,
    configFile: path.join(configDir, 'config.json'),
    stateFile: path.join(stateDir, 'state.json'),
    historyFile: path.join(stateDir, 'history.bin'),
    daemonLog: path.join(stateDir, 'daemon.log'),
    socketPath: path.join(runtimeDir, 'daemon.sock'),
    pidFile: path.join(runtimeDir, 'daemon.pid'),
    tokenFile: path.join(configDir, 'daemon.token'),
  };
  const bytes = Buffer.byteLength(paths.socketPath);
  if (bytes > MAX_SOCKET_PATH_BYTES && options.checkSocket !== false) {
    throw new AppError(
      'CONFIG_ERROR',
      `daemon socket path ${paths.socketPath} is ${bytes} bytes long, over the ${MAX_SOCKET_PATH_BYTES}-byte limit for Unix sockets — ` +
        'set SKAHA_TUI_HOME to a shorter folder, e.g. SKAHA_TUI_HOME=~/.skaha-tui',
    );
  }
  return paths;
}

/** Replaces a leading `~` with the home folder. */
export function expandHome(p: string, home: string = os.homedir()): string {
  if (p === '~') return home;
  if (p.startsWith('~/')) return path.join(home, p.slice(2));
  return p;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

// The XDG spec says relative values are invalid and must be ignored.
function xdg(value: string | undefined): string | undefined {
  const v = nonEmpty(value);
  return v && path.isAbsolute(v) ? v : undefined;
}

function userId(): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  return uid === undefined ? os.userInfo().username : String(uid);
}
