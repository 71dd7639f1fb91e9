import type { ConnectionFlags } from '../src/config/resolve-connection.js';
import type { LogLevel } from '../src/ports/logger.js';
import { isLogLevel } from './config/daemon-config.js';
import { parseListenAddress } from './config/validate-daemon-config.js';

/** What `skaha-tui daemon` was asked to do. */
export interface DaemonArgs {
  help: boolean;
  listen: { host: string; port: number } | null;
  logLevel: LogLevel | null;
  connection: ConnectionFlags;
}

/** The usage text of `skaha-tui daemon`. */
export const DAEMON_USAGE = `usage: skaha-tui daemon [--listen 127.0.0.1:PORT] [--log-level error|warn|info|debug] [-v]
                        [--url URL] [--token TOKEN | --cert FILE]
       skaha-tui daemon start | stop | restart | status [--json] | install [--print] [--force] | uninstall

Runs the skaha-tui daemon in the foreground (for systemd, launchd and tests). It polls Skaha once for
every client and serves its state on a Unix socket (and on loopback TCP with --listen, which needs the
bearer token in the daemon token file). SIGINT, SIGTERM and SIGHUP stop it cleanly.

  start     start it in the background (its log goes to daemon.log in the state folder)
  stop      stop the one running
  restart   stop it, then start it
  status    is it running? health, sessions, last poll (exit 0 running, 3 not running)
  install   write a systemd user unit (Linux) or launchd agent (macOS); --print only shows it. It refuses
            when the service would connect differently from this shell (--force installs anyway)
  uninstall stop and disable that service, and remove the file install wrote
`;

const WITH_VALUE = new Set(['--listen', '--log-level', '--url', '--token', '--cert']);

/** Parses the daemon's flags (`--flag value` or `--flag=value`); throws a RangeError naming the problem. */
export function parseDaemonArgs(argv: readonly string[]): DaemonArgs {
  const args: DaemonArgs = { help: false, listen: null, logLevel: null, connection: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      args.help = true;
      continue;
    }
    if (arg === '-v' || arg === '--verbose') {
      args.logLevel = 'debug';
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!WITH_VALUE.has(name)) throw new RangeError(`unknown argument "${arg}" for skaha-tui daemon`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new RangeError(`${name} needs a value`);
    if (name === '--listen') {
      const listen = parseListenAddress(value);
      if (typeof listen === 'string') throw new RangeError(`--listen ${listen}`);
      args.listen = listen;
    } else if (name === '--log-level') {
      if (!isLogLevel(value)) throw new RangeError(`--log-level must be one of error, warn, info, debug (got "${value}")`);
      args.logLevel = value;
    } else if (name === '--url') args.connection.url = value;
    else if (name === '--token') args.connection.token = value;
    else args.connection.cert = value;
  }
  return args;
}
