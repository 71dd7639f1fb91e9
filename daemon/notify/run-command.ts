import { spawn } from 'node:child_process';
import { childEnv } from '../../src/config/child-env.js';

/** What a finished (or killed) child process left behind. */
export interface CommandResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stderr: string;
  /** Set when the command could not be started at all (e.g. ENOENT). */
  spawnError?: string;
}

/** Options for runCommand. */
export interface RunCommandOptions {
  args?: string[];
  shell?: boolean;
  env?: NodeJS.ProcessEnv;
  stdin?: string;
  timeoutMs: number;
}

const STDERR_LIMIT = 4096;

/** Runs a command with a time limit (credentials scrubbed from its environment), feeding stdin and keeping the start of stderr; never rejects. */
export function runCommand(command: string, options: RunCommandOptions): Promise<CommandResult> {
  return new Promise((resolve) => {
    let stderr = '';
    let timedOut = false;
    const child = spawn(command, options.args ?? [], {
      shell: options.shell ?? false,
      // Whatever env the caller passes, a child never inherits the credentials.
      env: childEnv(options.env ?? process.env),
      stdio: ['pipe', 'ignore', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid);
    }, options.timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_LIMIT) stderr += chunk.toString('utf8').slice(0, STDERR_LIMIT - stderr.length);
    });
    child.stdin?.on('error', () => {});
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, signal: null, timedOut, stderr, spawnError: error.message });
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, timedOut, stderr });
    });
    child.stdin?.end(options.stdin ?? '');
  });
}

function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
