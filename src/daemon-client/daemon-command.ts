import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A command line to run: an executable and its arguments. */
export interface SpawnCommand {
  command: string;
  args: string[];
}

/** The built binary, `<package root>/dist/bin/skaha-tui.js`, found from this file whether it runs from src/ or dist/. */
export function builtBinPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'skaha-tui') return join(dir, 'dist', 'bin', 'skaha-tui.js');
      } catch {
        // an unreadable package.json is not ours: keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'skaha-tui.js');
    dir = parent;
  }
}

/** How to run the daemon in the foreground: this node, the built binary, `daemon`. */
export function defaultDaemonCommand(): SpawnCommand {
  return { command: process.execPath, args: [builtBinPath(), 'daemon'] };
}
