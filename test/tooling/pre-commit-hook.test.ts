// The pre-commit hook run for real, in a throwaway repository (never this one: git worktrees share
// one hooks folder): the repository's package.json, configs and node_modules, the hook installed by
// simple-git-hooks as `npm install` does, then commits that it must fix or refuse.

import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/spawn-cli.js';

const exec = promisify(execFile);
const CONFIGS = ['package.json', 'tsconfig.json', '.prettierrc.json', '.prettierignore', '.oxlintrc.json', '.oxlintrc.layers.json'];

let repo = '';
const env = (): NodeJS.ProcessEnv => {
  const { SKIP_SIMPLE_GIT_HOOKS: _skip, SKIP_INSTALL_SIMPLE_GIT_HOOKS: _skipInstall, GIT_DIR: _dir, GIT_INDEX_FILE: _index, ...rest } = process.env;
  return {
    ...rest,
    GIT_AUTHOR_NAME: 'hook test',
    GIT_AUTHOR_EMAIL: 'hook@test.invalid',
    GIT_COMMITTER_NAME: 'hook test',
    GIT_COMMITTER_EMAIL: 'hook@test.invalid',
  };
};
const git = (...args: string[]) => exec('git', args, { cwd: repo, env: env(), encoding: 'utf8' });

/** Stages `file` with `text` and commits; resolves with whether the commit was made and what the hook said (a refused file is removed). */
async function commit(file: string, text: string): Promise<{ ok: boolean; output: string }> {
  writeFileSync(join(repo, file), text);
  await git('add', file);
  const result = await git('commit', '-m', `add ${file}`).then(
    (r) => ({ ok: true, output: r.stdout + r.stderr }),
    (error: { stdout: string; stderr: string }) => ({ ok: false, output: error.stdout + error.stderr }),
  );
  // A refused file leaves the index, so the next test commits only its own.
  if (!result.ok) await git('rm', '-q', '-f', file);
  return result;
}

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), 'hook-'));
  for (const file of CONFIGS) copyFileSync(join(ROOT, file), join(repo, file));
  symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'), 'dir');
  writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
  mkdirSync(join(repo, 'src'));
  writeFileSync(join(repo, 'src', 'index.ts'), 'export const one = 1;\n');
  await git('init', '-q', '-b', 'main');
  await git('add', '.');
  await git('commit', '-q', '-m', 'base', '--no-verify');
  // What `npm install` runs through the prepare script.
  await exec(join(ROOT, 'node_modules', '.bin', 'simple-git-hooks'), [], { cwd: repo, env: env(), encoding: 'utf8' });
}, 60_000);

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('the pre-commit hook', { timeout: 60_000 }, () => {
  it('is installed into the repository it runs in', () => {
    expect(readFileSync(join(repo, '.git', 'hooks', 'pre-commit'), 'utf8')).toContain('npx lint-staged');
  });

  it('formats a staged file before committing it', async () => {
    const result = await commit('src/messy.ts', 'export const messy = {a:1,  b:"two"}\n');
    expect(result.ok, result.output).toBe(true);
    expect((await git('show', 'HEAD:src/messy.ts')).stdout).toBe("export const messy = { a: 1, b: 'two' };\n");
  });

  it('refuses a commit with a floating promise, and leaves the last commit alone', async () => {
    const before = (await git('rev-parse', 'HEAD')).stdout;
    const result = await commit('src/floating.ts', 'async function save(): Promise<void> {}\n\nexport function run(): void {\n  save();\n}\n');
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/no-floating-promises/);
    expect((await git('rev-parse', 'HEAD')).stdout).toBe(before);
  });

  it('refuses a commit that breaks a layer rule', async () => {
    mkdirSync(join(repo, 'src', 'domain'), { recursive: true });
    const result = await commit('src/domain/reach.ts', "import { one } from '../index.js';\n\nexport const reach = one;\n");
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/src\/domain imports nothing outside itself/);
  });

  it('is skipped with SKIP_SIMPLE_GIT_HOOKS=1', async () => {
    writeFileSync(join(repo, 'src', 'skipped.ts'), 'export const skipped = {a:1}\n');
    await git('add', 'src/skipped.ts');
    await exec('git', ['commit', '-q', '-m', 'skip'], { cwd: repo, env: { ...env(), SKIP_SIMPLE_GIT_HOOKS: '1' }, encoding: 'utf8' });
    expect((await git('show', 'HEAD:src/skipped.ts')).stdout).toBe('export const skipped = {a:1}\n');
  });
});
