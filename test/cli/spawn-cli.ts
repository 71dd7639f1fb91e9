import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The built binary the tests run, as `npx skaha-tui` would; SKAHA_TUI_TEST_BIN names another build (e.g. an older checkout's, to show a test fails there). */
export const BIN = process.env.SKAHA_TUI_TEST_BIN || join(ROOT, 'dist/bin/skaha-tui.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Fails clearly when dist/ is missing or older than src/ and bin/ (run `npm run build`; `npm test` does). */
export function assertBuilt(): void {
  if (process.env.SKAHA_TUI_TEST_BIN) {
    if (!existsSync(BIN)) throw new Error(`SKAHA_TUI_TEST_BIN=${BIN} does not exist`);
    return;
  }
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first (npm test does)`);
  const sources = Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'bin')));
  if (statSync(BIN).mtimeMs + 1000 < sources) throw new Error('dist/ is older than src/ or bin/: run `npm run build` first (npm test does)');
}

/** An environment without the caller's Skaha/CANFAR settings, isolated in `home`, plus `extra`. */
export function isolatedEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(SKAHA|CANFAR|XDG)_/.test(key) && key !== 'NO_COLOR' && key !== 'FORCE_COLOR') env[key] = value;
  }
  return { ...env, HOME: home, SKAHA_TUI_HOME: home, ...extra };
}

/** What one run of the binary did. */
export interface BinResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/bin/skaha-tui.js ...args` asynchronously (so an in-process simulator keeps serving); stdin is not a TTY. */
export function runBin(args: string[], env: NodeJS.ProcessEnv, nodeArgs: string[] = [], timeoutMs = 15_000): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Calls `probe` until it returns a value (not undefined), at most `attempts` times, `intervalMs` apart; throws with the last state otherwise. */
export async function pollUntil<T>(probe: () => Promise<T | undefined>, what: string, attempts = 100, intervalMs = 100): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`gave up waiting for ${what} after ${attempts} attempts`);
}

/** A running binary whose output the test reads while it runs. */
export interface LiveBin {
  child: ReturnType<typeof spawn>;
  stdout(): string;
  stderr(): string;
  /** Resolves when it exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node dist/bin/skaha-tui.js ...args` and leaves it running (the test ends it, e.g. with SIGINT). */
export function startBin(args: string[], env: NodeJS.ProcessEnv): LiveBin {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}
