import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SpawnCommand } from '../../src/daemon-client/daemon-command.js';
import { compileForNode } from '../helpers/compile-for-node.js';

/** A TypeScript entry compiled into a temp folder with what it imports, so a child process runs it with plain node. */
export interface CompiledChild {
  /** The compiled entry. */
  main: string;
  /** `node <main> ...args`. */
  command(args: string[]): SpawnCommand;
  cleanup(): void;
}

/** Compiles `entry` (relative to the repo) and what it imports with tsc, into a temp folder. */
export function compileChild(entry: string): CompiledChild {
  const work = mkdtempSync(join(tmpdir(), 'skaha-child-'));
  // Type errors are the typecheck's job, not this one's.
  compileForNode(work, [entry], { extraFlags: ['--resolveJsonModule', '--noCheck'] });
  const main = join(work, entry.replace(/\.ts$/, '.js'));
  return {
    main,
    command: (args) => ({ command: process.execPath, args: [main, ...args] }),
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}

/** The fake daemon (fake-daemon-main.ts) compiled; `command(options)` runs it with those options. */
export interface CompiledFakeDaemon {
  command(options?: Record<string, unknown>): SpawnCommand;
  cleanup(): void;
}

/** Compiles test/daemon-client/fake-daemon-main.ts for child processes. */
export function compileFakeDaemon(): CompiledFakeDaemon {
  const child = compileChild('test/daemon-client/fake-daemon-main.ts');
  return { command: (options = {}) => child.command([JSON.stringify(options)]), cleanup: child.cleanup };
}
