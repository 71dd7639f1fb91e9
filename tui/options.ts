// The dashboard's command-line options.

import { isTerminalNotifySetting, TERMINAL_NOTIFY_SETTINGS, type TerminalNotifySetting } from '../src/domain/terminal-notify.js';
import { CLI_TEXT } from './text.js';

/** What the command line asked for. */
export interface DashboardArgs {
  readonly: boolean;
  demo: boolean;
  /** From the flag or SKAHA_TUI_TERMINAL_NOTIFY; null leaves it to the config file (`notifications.terminal`, default auto). */
  terminalNotify: TerminalNotifySetting | null;
  mouse: boolean;
  serverUrl: string | null;
  help: boolean;
}

/** The dashboard's own options (what `parseDashboardArgs` accepts besides -h/--help). */
export const DASHBOARD_OPTIONS = ['--readonly', '--demo-label', '--no-terminal-notify', '--terminal-notify', '--no-mouse', '--server-url'] as const;

/** Whether a word is one of the dashboard's options (also in `--option=value` form). */
export function isDashboardOption(word: string): boolean {
  return (DASHBOARD_OPTIONS as readonly string[]).includes(word.split('=')[0]);
}

/** Parses `[--readonly] [--demo-label] [--no-terminal-notify] [--terminal-notify=M] [--no-mouse] [--server-url=URL]`; throws with a message on anything else. */
export function parseDashboardArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): DashboardArgs {
  const fromEnv = env.SKAHA_TUI_TERMINAL_NOTIFY;
  const args: DashboardArgs = {
    readonly: false,
    demo: false,
    mouse: true,
    serverUrl: null,
    help: false,
    terminalNotify: isTerminalNotifySetting(fromEnv) ? fromEnv : null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--readonly') args.readonly = true;
    else if (flag === '--demo-label') args.demo = true;
    else if (flag === '--no-terminal-notify') args.terminalNotify = 'off';
    else if (flag === '--no-mouse') args.mouse = false;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--server-url') args.serverUrl = value() || null;
    else if (flag === '--terminal-notify') {
      const method = value();
      if (!isTerminalNotifySetting(method)) throw new Error(`${CLI_TEXT.unknownOption(`${flag}=${method}`)} (one of ${TERMINAL_NOTIFY_SETTINGS.join(', ')})`);
      args.terminalNotify = method;
    } else throw new Error(CLI_TEXT.unknownOption(arg));
  }
  return args;
}
