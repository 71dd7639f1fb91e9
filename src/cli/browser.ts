import { spawn } from 'node:child_process';
import { childEnv } from '../config/child-env.js';
import { openableUrl } from '../domain/openable-url.js';

/** One way to open a URL: a program and its arguments. */
export interface OpenerCommand {
  command: string;
  args: string[];
}

/**
 * The openers to try for `url`, in order: each entry of $BROWSER (colon-separated, like Python's webbrowser;
 * `%s` is replaced by the URL, else the URL is appended), then `open` on macOS or `xdg-open` elsewhere (not on Windows).
 */
export function browserCommands(url: string, env: Readonly<Record<string, string | undefined>>, platform: string = process.platform): OpenerCommand[] {
  const commands: OpenerCommand[] = [];
  for (const entry of (env.BROWSER ?? '').split(':')) {
    const words = entry.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const [command, ...rest] = words;
    const args = rest.some((w) => w.includes('%s')) ? rest.map((w) => w.replaceAll('%s', url)) : [...rest, url];
    commands.push({ command, args });
  }
  if (platform === 'darwin') commands.push({ command: 'open', args: [url] });
  else if (platform !== 'win32') commands.push({ command: 'xdg-open', args: [url] });
  return commands;
}

/** How long an opener may run before it counts as a browser that stays open (success). */
const SETTLE_MS = 3_000;

/** Runs one opener (without the credentials in its environment): true when it exits 0, or is still running after `settleMs` (then it is left to run on). */
export function runOpener(opener: OpenerCommand, env: Readonly<Record<string, string | undefined>>, settleMs = SETTLE_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true, env: childEnv(env) });
    const timer = setTimeout(() => {
      child.unref();
      resolve(true);
    }, settleMs);
    child.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

/** Opens `url` with the first opener that works; false when none did; PROTOCOL_ERROR for a URL that is not http(s). */
export async function openInBrowser(url: string, env: Readonly<Record<string, string | undefined>>): Promise<boolean> {
  const safe = openableUrl(url);
  for (const opener of browserCommands(safe, env)) if (await runOpener(opener, env)) return true;
  return false;
}
