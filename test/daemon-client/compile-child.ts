import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SpawnCommand } from '../../src/daemon-client/daemon-command.js';

const repo = resolve(import.meta.dirname, '../..');

/** A TypeScript entry compiled into a temp folder with what it imports, so a child process runs it with plain node. */
export interface CompiledChild {
  /** The compiled entry. */
  main: string;
  /** `node <main> ...args`. */
  command(args: string[]): SpawnCommand;
  cleanup(): void;
}

/** Compiles `entry` (relative to the repo) with tsc, as test/daemon/store/crash.test.ts does; type errors are the typecheck's job, not this one's. */
export function compileChild(entry: string): CompiledChild {
  const work = mkdtempSync(join(tmpdir(), 'skaha-child-'));
  execFileSync(
    join(repo, 'node_modules/.bin/tsc'),
    [
      '--ignoreConfig',
      '--outDir',
      work,
      '--rootDir',
      repo,
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--strict',
      '--skipLibCheck',
      '--types',
      'node',
      '--resolveJsonModule',
      '--noCheck',
      entry,
    ],
    { cwd: repo, stdio: 'pipe' },
  );
  writeFileSync(join(work, 'package.json'), '{"type":"module"}');
  symlinkSync(join(repo, 'node_modules'), join(work, 'node_modules'), 'dir');
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
