import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileForNode } from './compile-for-node.js';

/** A compiled copy of the daemon (from this checkout) that tests can run as a child process. */
export interface DaemonBuild {
  dir: string;
  /** Starts `skaha-tui daemon ARGS` as a child process with this environment. */
  spawn(args: string[], env: NodeJS.ProcessEnv): ChildProcess;
  /** Removes the build. */
  cleanup(): void;
}

// The child runs exactly what `skaha-tui daemon` runs: runDaemon from daemon/main.
const CHILD = `import { runDaemon } from './daemon/main.js';
process.exitCode = await runDaemon(process.argv.slice(2));
`;

/**
 * Compiles daemon/main.ts and what it imports into a temp dir (tsc, well under a second), so the
 * test runs the code under test even when dist/ is stale; bin/ is wired by the lead separately.
 */
export function buildDaemon(): DaemonBuild {
  const dir = mkdtempSync(join(tmpdir(), 'sk-build-'));
  compileForNode(dir, ['daemon/main.ts'], { packageJson: JSON.stringify({ name: 'skaha-tui', version: '0.0.0-test', type: 'module' }) });
  writeFileSync(join(dir, 'daemon-child.mjs'), CHILD);
  return {
    dir,
    spawn: (args, env) => spawn(process.execPath, [join(dir, 'daemon-child.mjs'), ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
