// The layer check (`npm run check:layers`) run for real: the repository's oxlint binary and its
// .oxlintrc.layers.json on small trees in a temp dir, one with each kind of violation, one clean.

import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/spawn-cli.js';

const exec = promisify(execFile);
const OXLINT = join(ROOT, 'node_modules', '.bin', 'oxlint');

interface Diagnostic {
  code: string;
  filename: string;
  help?: string;
}

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `files` under a fresh temp dir next to a copy of the real layer config, runs the check there. */
async function check(files: Record<string, string>): Promise<{ code: number; diagnostics: Diagnostic[] }> {
  dir = mkdtempSync(join(tmpdir(), 'layers-'));
  copyFileSync(join(ROOT, '.oxlintrc.layers.json'), join(dir, '.oxlintrc.layers.json'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const args = ['-c', '.oxlintrc.layers.json', '--deny-warnings', '--format', 'json', '.'];
  const run = await exec(OXLINT, args, { cwd: dir, encoding: 'utf8' }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
  return { code: run.code, diagnostics: (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics };
}

const found = (diagnostics: Diagnostic[], filename: string, code: string) => diagnostics.filter((d) => d.filename === filename && d.code === code);

const LEAVES = {
  'src/client/http.ts': 'export const http = 1;\n',
  'src/domain/value.ts': 'export const value = 1;\n',
  'daemon/loop.ts': 'export const loop = 1;\n',
  'tui/screen.ts': 'export const screen = 1;\n',
};

describe('the layer check', { timeout: 30_000 }, () => {
  it('reports each kind of violation, with the rule from docs/development.md', async () => {
    const { code, diagnostics } = await check({
      ...LEAVES,
      'src/domain/outside.ts': "import { http } from '../client/http.js';\nexport const outside = http;\n",
      'src/state/client.ts': "import { http } from '../client/http.js';\nexport const client = http;\n",
      'src/cli/daemon.ts': "import { loop } from '../../daemon/loop.js';\nexport const daemon = loop;\n",
      'tui/daemon.ts': "import { loop } from '../daemon/loop.js';\nexport const daemon = loop;\n",
      'tui/client.ts': "import { http } from '../src/client/http.js';\nexport const client = http;\n",
      'daemon/tui.ts': "import { screen } from '../tui/screen.js';\nexport const tui = screen;\n",
      'src/state/a.ts': "import type { B } from './b.js';\nexport interface A { b: B }\n",
      'src/state/b.ts': "import type { A } from './a.js';\nexport interface B { a: A }\n",
    });
    expect(code).not.toBe(0);
    const restricted = 'eslint(no-restricted-imports)';
    expect(found(diagnostics, 'src/domain/outside.ts', restricted)[0]?.help).toMatch(/src\/domain imports nothing outside itself/);
    expect(found(diagnostics, 'src/state/client.ts', restricted)[0]?.help).toMatch(/src\/state may import only src\/domain/);
    expect(found(diagnostics, 'src/cli/daemon.ts', restricted)[0]?.help).toMatch(/never imports daemon\/ or tui\//);
    expect(found(diagnostics, 'tui/daemon.ts', restricted)[0]?.help).toMatch(/daemon\/ and tui\/ never import each other/);
    expect(found(diagnostics, 'tui/client.ts', restricted)[0]?.help).toMatch(/no HTTP client/);
    expect(found(diagnostics, 'daemon/tui.ts', restricted)[0]?.help).toMatch(/daemon\/ and tui\/ never import each other/);
    // A type-only cycle counts too.
    expect(found(diagnostics, 'src/state/a.ts', 'import(no-cycle)')).toHaveLength(1);
    expect(found(diagnostics, 'src/state/b.ts', 'import(no-cycle)')).toHaveLength(1);
    expect(diagnostics).toHaveLength(8);
  });

  it('passes a tree that keeps the rules', async () => {
    const { code, diagnostics } = await check({
      ...LEAVES,
      'src/domain/inside.ts': "import { value } from './value.js';\nexport const inside = value;\n",
      'src/client/uses-domain.ts': "import { value } from '../domain/value.js';\nexport const usesDomain = value;\n",
      'daemon/uses-client.ts': "import { http } from '../src/client/http.js';\nexport const usesClient = http;\n",
      'tui/uses-domain.ts': "import { value } from '../src/domain/value.js';\nexport const usesDomain = value;\n",
      'bin/main.ts': "import { loop } from '../daemon/loop.js';\nimport { screen } from '../tui/screen.js';\nexport const main = loop + screen;\n",
    });
    expect(diagnostics).toEqual([]);
    expect(code).toBe(0);
  });
});
