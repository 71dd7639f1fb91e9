import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from './paths.js';

/** A program running alone in its own tmux server, in a pane of a fixed size. */
export interface TmuxPane {
  /** The pid of the pane's process now (the root of what runs in it). */
  readonly pid: number;
  /** The text on screen now. */
  capture(): string;
  /** Sends keys (tmux key names, e.g. `l`, `Down`, `q`). */
  sendKeys(...keys: string[]): void;
  /** Kills what runs in the pane and starts `command` there instead (with extra pane environment). */
  respawn(command: string, paneEnv?: Record<string, string>): void;
  /** Whether the pane's process has exited. */
  dead(): boolean;
  /** Kills the tmux server and removes its socket folder. */
  kill(): void;
}

/** The pane size every dashboard in the benchmarks gets. */
export const PANE = { cols: 160, rows: 48 };

function tmuxArgs(socket: string, args: string[]): string[] {
  return ['-S', socket, '-f', '/dev/null', ...args];
}

/** Command-line arguments of `tmux new-session` for `command` (exported for tests). */
export function newSessionArgs(socket: string, command: string, env: Record<string, string>): string[] {
  const vars = envArgs({ NCURSES_NO_UTF8_ACS: '1', ...env });
  return tmuxArgs(socket, ['new-session', '-d', '-s', 'bench', '-x', String(PANE.cols), '-y', String(PANE.rows), ...vars, command]);
}

function envArgs(env: Record<string, string>): string[] {
  return Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
}

/** Starts `command` in a new tmux server (160×48) with `env` (also the server's environment). */
export function startTmux(command: string, env: NodeJS.ProcessEnv, paneEnv: Record<string, string> = {}): TmuxPane {
  const dir = tempDir('skb-tmux-');
  const socket = join(dir.dir, 'sock');
  const tmux = (args: string[]) => execFileSync('tmux', tmuxArgs(socket, args), { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] });
  execFileSync('tmux', newSessionArgs(socket, command, paneEnv), { env, stdio: 'ignore' });
  tmux(['set-option', '-t', 'bench', 'remain-on-exit', 'on']);
  const panePid = () => Number(tmux(['display-message', '-p', '-t', 'bench', '#{pane_pid}']).trim());
  return {
    get pid() {
      return panePid();
    },
    capture: () => tmux(['capture-pane', '-p', '-t', 'bench']),
    sendKeys: (...keys) => void tmux(['send-keys', '-t', 'bench', ...keys]),
    respawn: (next, env = {}) => void tmux(['respawn-pane', '-k', '-t', 'bench', ...envArgs({ NCURSES_NO_UTF8_ACS: '1', ...paneEnv, ...env }), next]),
    dead: () => tmux(['display-message', '-p', '-t', 'bench', '#{pane_dead}']).trim() === '1',
    kill() {
      try {
        tmux(['kill-server']);
      } catch {
        // already gone
      }
      dir.remove();
    },
  };
}
