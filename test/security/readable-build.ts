// Code another local user runs (a daemon as uid 65534, a squatter's fake daemon) must be readable by them.
// A checkout inside a private folder (a CI runner's 0700 temp dir) is not: then the built package is
// linked into a world-readable folder once per test process.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { BIN } from '../cli/spawn-cli.js';

/** A build another user can run: its root (with package.json and node_modules) and its binary. */
export interface ReadableBuild {
  root: string;
  bin: string;
}

let cached: ReadableBuild | null = null;

/** Whether every folder from `/` down to `path` lets others through, and `path` lets them read. */
function othersCanRead(path: string): boolean {
  for (let dir = path; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) return (statSync(path).mode & 0o004) !== 0;
  }
}

/** The build under test as another local user can run it (the checkout itself when they can read it). */
export function readableBuild(): ReadableBuild {
  if (cached) return cached;
  const root = resolve(dirname(BIN), '..', '..');
  if (othersCanRead(join(root, 'node_modules', 'ws', 'package.json'))) return (cached = { root, bin: BIN });
  const copy = mkdtempSync(join(tmpdir(), 'skr-'));
  chmodSync(copy, 0o755);
  for (const part of ['package.json', 'dist', 'node_modules']) {
    // Hard links cost nothing on one file system; another one needs a real copy.
    try {
      execFileSync('cp', ['-al', join(root, part), copy], { stdio: 'pipe' });
    } catch {
      execFileSync('cp', ['-a', join(root, part), copy], { stdio: 'pipe' });
    }
  }
  process.once('exit', () => rmSync(copy, { recursive: true, force: true }));
  return (cached = { root: copy, bin: join(copy, 'dist', 'bin', 'skaha-tui.js') });
}
