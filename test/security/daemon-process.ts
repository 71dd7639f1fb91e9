// The built binary's daemon as a real child process, in a short temp home, pointed at a server.
import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, isolatedEnv, runBin, type BinResult } from '../cli/spawn-cli.js';
import { readableBuild } from './readable-build.js';
import { createConnection } from 'node:net';

/** A temp home (short, for the socket path) and the environment that points the binary at it and at a server. */
export interface SecurityHome {
  home: string;
  /** SKAHA_TUI_HOME/run */
  runtimeDir: string;
  stateDir: string;
  configDir: string;
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  cleanup(): void;
}

/** A temp home whose environment names `server` (url and token) unless `extra` overrides them. */
export function securityHome(server: { baseUrl: string; token: string } | null): SecurityHome {
  const home = mkdtempSync(join(tmpdir(), 'sks-'));
  const appHome = join(home, 'h');
  const base: Record<string, string> = server ? { SKAHA_URL: server.baseUrl, SKAHA_TOKEN: server.token } : {};
  return {
    home,
    runtimeDir: join(appHome, 'run'),
    stateDir: join(appHome, 'state'),
    configDir: join(appHome, 'config'),
    env: (extra = {}) => isolatedEnv(home, { SKAHA_TUI_HOME: appHome, ...base, ...extra }),
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** A daemon child process of the built binary. */
export interface DaemonProcess {
  child: ChildProcess;
  /** What it wrote to stdout and stderr so far. */
  output(): string;
  /** The daemon log file's text ("" when absent). */
  log(): string;
  /** Resolves with the exit code (or signal) when it exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends SIGTERM and waits for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The unprivileged user a test runs the daemon as (nobody), where root would ignore file modes. */
export const OTHER_UID = 65534;

/** Gives the home (and everything in it) to `uid`, creating its folders first, so a daemon run as that user owns its files. */
export function giveHomeTo(home: SecurityHome, uid = OTHER_UID): void {
  for (const dir of [home.runtimeDir, home.stateDir, home.configDir]) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const walk = (path: string): void => {
    chownSync(path, uid, uid);
    if (lstatSync(path).isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(home.home);
}

/** How startDaemonProcess runs the daemon. */
export interface DaemonProcessOptions {
  /** Run it as this user (through setpriv); the home must be theirs (giveHomeTo). Readiness is then a socket probe. */
  uid?: number;
  /** Tell readiness by a socket probe instead of `daemon status` (which acknowledges the daemon's notices). */
  probeOnly?: boolean;
}

/**
 * Starts `skaha-tui daemon ARGS` and waits until its socket accepts (`daemon status` exits 0; a
 * socket probe for a daemon run as another user).
 */
export async function startDaemonProcess(
  home: SecurityHome,
  env: NodeJS.ProcessEnv,
  args: string[] = [],
  readyTimeoutMs = 15_000,
  options: DaemonProcessOptions = {},
): Promise<DaemonProcess> {
  // Another user runs a copy they can read when the checkout is private to this one.
  const build = options.uid !== undefined ? readableBuild() : { root: ROOT, bin: BIN };
  const command = [process.execPath, build.bin, 'daemon', ...args];
  if (options.uid !== undefined) command.unshift('setpriv', `--reuid=${options.uid}`, `--regid=${options.uid}`, '--clear-groups');
  const child = spawn(command[0], command.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: build.root });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const logFile = join(home.stateDir, 'daemon.log');
  const daemon: DaemonProcess = {
    child,
    output: () => output,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
  try {
    await untilReady(home, env, readyTimeoutMs, options, () => child.exitCode);
  } catch (error) {
    // Never leave a daemon behind (it may run as another user, whom the test's clean-up does not reach).
    await daemon.stop(1_000);
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return daemon;
}

/** Waits until the daemon answers: `daemon status` exits 0, or (for another user's daemon, or probeOnly) its socket accepts. */
async function untilReady(
  home: SecurityHome,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  options: DaemonProcessOptions,
  exitCode: () => number | null,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode() !== null) throw new Error(`the daemon exited with ${exitCode()} before it was ready`);
    if (options.uid !== undefined || options.probeOnly) {
      if (await accepts(join(home.runtimeDir, 'daemon.sock'))) return;
    } else {
      const status = await runBin(['daemon', 'status'], env);
      if (status.code === 0) return;
      if (Date.now() > deadline) throw new Error(`the daemon was not ready within ${timeoutMs} ms: ${status.stdout}${status.stderr}`);
    }
    if (Date.now() > deadline) throw new Error(`the daemon was not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs the built binary with `args` (a shorthand that names what security tests do). */
export function skahaTui(args: string[], env: NodeJS.ProcessEnv, timeoutMs?: number): Promise<BinResult> {
  return runBin(args, env, [], timeoutMs);
}

/** Whether text holds a raw terminal control: ESC, a C1 control, or a C0 control other than tab and newline, or DEL. */
export function hasRawControl(text: string): boolean {
  return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text);
}

/** Writes the daemon's config file (`config.json`) in the home's config folder. */
export function writeDaemonConfig(home: SecurityHome, config: Record<string, unknown>): void {
  mkdirSync(home.configDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(home.configDir, 'config.json'), JSON.stringify(config));
}

/** Files in the home's state folder (to see a state or history file moved aside as `*.corrupt-*`). */
export function stateFiles(home: SecurityHome): string[] {
  return existsSync(home.stateDir) ? readdirSync(home.stateDir) : [];
}

// A bare connect: the clients' own probe refuses a folder that is not the caller's (a daemon run as another uid).
function accepts(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
