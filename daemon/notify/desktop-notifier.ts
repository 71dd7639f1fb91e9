import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { DesktopNotification, Notifier } from '../../src/ports/notifier.js';
import type { Logger } from '../../src/ports/logger.js';
import { runCommand } from './run-command.js';

const APP_NAME = 'skaha-tui';
const TIMEOUT_MS = 5_000;

/** Finds an executable on PATH, or null. */
export function findOnPath(program: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Whether a D-Bus session bus is reachable by address or at the standard per-user path. */
export function hasSessionBus(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.DBUS_SESSION_BUS_ADDRESS) return true;
  const runtime = env.XDG_RUNTIME_DIR;
  return Boolean(runtime && existsSync(join(runtime, 'bus')));
}

/** Quotes a string for an AppleScript string literal. */
export function appleScriptString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Escapes `&`, `<` and `>`: notification servers read a notify-send body as markup, and server text must stay text. */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Picks notify-send on Linux with a session bus, osascript on macOS, else a notifier that does nothing. */
export function createDesktopNotifier(logger: Logger, env: NodeJS.ProcessEnv = process.env, platform = process.platform): Notifier {
  const notifySend = platform === 'linux' ? findOnPath('notify-send', env) : null;
  if (notifySend && hasSessionBus(env))
    return commandNotifier('notify-send', logger, env, (n) => [
      notifySend,
      // The summary is plain text by the spec; only the body is markup.
      ['-a', APP_NAME, '-u', n.urgency, '--', n.title, escapeMarkup(n.body)],
    ]);
  if (platform === 'darwin')
    return commandNotifier('osascript', logger, env, (n) => [
      'osascript',
      ['-e', `display notification ${appleScriptString(n.body)} with title ${appleScriptString(n.title)}`],
    ]);
  return { mechanism: 'none', notify: async () => false };
}

function commandNotifier(mechanism: string, logger: Logger, env: NodeJS.ProcessEnv, commandFor: (n: DesktopNotification) => [string, string[]]): Notifier {
  return {
    mechanism,
    async notify(notification) {
      const [command, args] = commandFor(notification);
      const result = await runCommand(command, { args, env, timeoutMs: TIMEOUT_MS });
      const ok = result.exitCode === 0;
      if (!ok)
        logger.warn(`desktop notification through ${mechanism} failed`, {
          exitCode: result.exitCode,
          timedOut: result.timedOut,
          stderr: result.stderr.trim(),
          error: result.spawnError,
        });
      return ok;
    },
  };
}
