import { createOutput } from '../../src/cli/command-context.js';
import { processIo, type CliIo } from '../../src/cli/io.js';
import { UsageError } from '../../src/cli/parse-args.js';
import { parseControlArgs } from './control-args.js';
import { controlPaths, daemonEnv, type ControlOptions } from './control-options.js';
import { CONTROL_TEXT, CONTROL_USAGE } from './control-text.js';
import { daemonInstall } from './daemon-install.js';
import { daemonUninstall } from './daemon-uninstall.js';
import { daemonStart } from './daemon-start.js';
import { daemonStop } from './daemon-stop.js';
import { inspectDaemon } from './inspect-daemon.js';
import { statusJson, statusText } from './status-view.js';

/** The subcommands of `skaha-tui daemon` that manage a daemon rather than run one. */
export const DAEMON_CONTROL_COMMANDS = ['start', 'stop', 'restart', 'status', 'install', 'uninstall'] as const;

/** Whether `skaha-tui daemon <argv>` is a management command (else it runs the daemon in the foreground). */
export function isDaemonControl(argv: readonly string[]): boolean {
  return (DAEMON_CONTROL_COMMANDS as readonly string[]).includes(argv[0] ?? '');
}

/**
 * `skaha-tui daemon start|stop|restart|status [--json]|install [--print] [--force]|uninstall` (argv after `daemon`).
 * Exit codes: 0 ok (status: running), 1 failed (status: a socket that cannot be trusted), 2 usage error, 3 status: not running.
 */
export async function runDaemonControl(argv: readonly string[], io: CliIo = processIo(), options: ControlOptions = {}): Promise<number> {
  const sub = argv[0] ?? '';
  const json = sub === 'status' && argv.includes('--json');
  const out = createOutput(io, json);
  try {
    if (sub === '--help' || sub === '-h' || sub === 'help') {
      out.print(`${CONTROL_USAGE.daemon}\n`);
      return 0;
    }
    if (!isDaemonControl(argv)) throw new UsageError(CONTROL_TEXT.unknownSubcommand(sub), 'daemon');
    const args = parseControlArgs(argv.slice(1), `daemon ${sub}`, sub === 'status' ? ['json'] : sub === 'install' ? ['print', 'force'] : []);
    if (args.help) {
      out.print(`${CONTROL_USAGE.daemon}\n`);
      return 0;
    }
    if (args.positionals.length > 0) throw new UsageError(CONTROL_TEXT.tooManyArguments(args.positionals[0]), `daemon ${sub}`);
    const paths = controlPaths(io, options);
    switch (sub) {
      case 'start':
        return await daemonStart(paths, out, daemonEnv(io), options);
      case 'stop':
        return await daemonStop(paths, out, options);
      case 'restart': {
        const stopped = await daemonStop(paths, out, options);
        if (stopped !== 0) {
          out.note(CONTROL_TEXT.restartStopFailed);
          return 1;
        }
        return await daemonStart(paths, out, daemonEnv(io), options);
      }
      case 'status': {
        const report = await inspectDaemon(paths, { acknowledgeNotices: true });
        if (json) out.printJson(statusJson(report));
        else out.print(statusText(report, io.now()));
        return report.running ? 0 : report.socket === 'untrusted' ? 1 : 3;
      }
      case 'install':
        return await daemonInstall(paths, io, out, { print: args.flags.print === true, force: args.flags.force === true }, options);
      default:
        return await daemonUninstall(paths, io, out, options);
    }
  } catch (error) {
    out.error(error);
    if (error instanceof UsageError) {
      if (!json) out.note(CONTROL_USAGE.daemon);
      return 2;
    }
    return 1;
  }
}
