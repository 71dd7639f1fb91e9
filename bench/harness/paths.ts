import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This folder: bench/harness in the sources, dist/bench/harness once built (where the child scripts run from). */
export const HARNESS_DIR = dirname(fileURLToPath(import.meta.url));

function findRepo(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'package.json'))) return dir;
  throw new Error(`no package.json above ${from}`);
}

/** The repository root. */
export const REPO = findRepo(HARNESS_DIR);

/** The built binary the benchmarks run, exactly as users do. */
export const BIN = join(REPO, 'dist', 'bin', 'skaha-tui.js');

/** Where the comparison tools (pm2, gtop) are installed at bench time; never a dependency of the product. */
export const TOOLS_DIR = join(REPO, 'bench', '.tools');

/** A fresh, short temp folder (Unix socket paths must stay short) and a way to remove it. */
export function tempDir(prefix = 'skb-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` every `everyMs` until it returns a value other than undefined/false, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
  everyMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
