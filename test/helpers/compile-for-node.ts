import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');

/** How compileForNode builds: tsc flags beyond the shared ones, and the package.json the build gets. */
export interface CompileOptions {
  extraFlags?: readonly string[];
  packageJson?: string;
}

/**
 * Compiles `entries` (repo-relative .ts files) and what they import into `outDir` with tsc, as ES
 * modules plain node runs (its package.json says "module", node_modules is linked), so a child
 * process runs the code under test even when dist/ is stale.
 */
export function compileForNode(outDir: string, entries: readonly string[], options: CompileOptions = {}): void {
  const flags = ['--ignoreConfig', '--outDir', outDir, '--rootDir', repo, '--module', 'nodenext', '--moduleResolution', 'nodenext'];
  flags.push('--target', 'es2022', '--strict', '--skipLibCheck', '--types', 'node', ...(options.extraFlags ?? []));
  execFileSync(join(repo, 'node_modules/.bin/tsc'), [...flags, ...entries], { cwd: repo, stdio: 'pipe' });
  writeFileSync(join(outDir, 'package.json'), options.packageJson ?? '{"type":"module"}');
  if (!existsSync(join(outDir, 'node_modules'))) symlinkSync(join(repo, 'node_modules'), join(outDir, 'node_modules'), 'dir');
}
