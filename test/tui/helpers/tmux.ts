import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A tmux server on its own socket running one command in a pane of a fixed size. */
export class TmuxPane {
  readonly socket: string;
  readonly raw: string;
  readonly exitFile: string;

  constructor(
    readonly dir: string,
    readonly name: string,
  ) {
    this.socket = path.join(dir, `tmux-${name}.sock`);
    this.raw = path.join(dir, `${name}.raw`);
    this.exitFile = path.join(dir, `${name}.exit`);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Starts `command` in a 160×48 pane with `env`; the pane stays after exit, its raw output and exit code are recorded. */
  start(command: string, env: Record<string, string>): void {
    const vars = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    // tmux's own #{pane_dead_status} can lag behind the exit: the shell writes the code to a file instead.
    this.tmux('new-session', '-d', '-s', this.name, '-x', '160', '-y', '48', ...vars, `${command}; echo $? > '${this.exitFile}'`);
    this.tmux('set-option', '-t', this.name, 'remain-on-exit', 'on');
    this.tmux('pipe-pane', '-t', this.name, '-o', `cat >> '${this.raw}'`);
  }

  /** The pane's text now. */
  capture(): string {
    return this.tmux('capture-pane', '-p', '-t', this.name);
  }

  /** A tmux format evaluated for the pane (e.g. `#{pane_title}`). */
  display(format: string): string {
    return this.tmux('display-message', '-p', '-t', this.name, format).trimEnd();
  }

  /** Runs any other tmux command on this server (e.g. `set-option -g set-clipboard on`); returns its output. */
  command(...args: string[]): string {
    return this.tmux(...args);
  }

  /** The bytes the program wrote so far (escape sequences included). */
  written(): string {
    try {
      return readFileSync(this.raw, 'latin1');
    } catch {
      return '';
    }
  }

  /** Sends tmux key names (`Enter`, `Down`, `C-d`) or, with literal, text. */
  keys(keys: string[], literal = false): void {
    this.tmux('send-keys', '-t', this.name, ...(literal ? ['-l'] : []), ...keys);
  }

  /** The program's exit code once it has exited (the pane command records it), else null. */
  exitCode(): number | null {
    try {
      return Number(readFileSync(this.exitFile, 'utf8').trim());
    } catch {
      return null;
    }
  }

  /** Waits for the program to exit; returns its exit code (null on timeout). */
  async waitForExit(timeoutMs = 10_000): Promise<number | null> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && this.exitCode() === null) await new Promise((resolve) => setTimeout(resolve, 100));
    return this.exitCode();
  }

  /** Polls `check` on the pane text until it holds or `timeoutMs` passes; returns the last capture. */
  async waitFor(check: RegExp | ((text: string) => boolean), timeoutMs = 15_000): Promise<string> {
    const test = typeof check === 'function' ? check : (text: string) => check.test(text);
    const deadline = Date.now() + timeoutMs;
    let text = '';
    while (Date.now() < deadline) {
      text = this.capture();
      if (test(text)) return text;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(check)}; the pane shows:\n${text}`);
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}
