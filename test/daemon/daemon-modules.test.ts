// What the built daemon loads: a library a daemon rarely uses is loaded when it is used, not with the daemon.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from '../cli/spawn-cli.js';

/** The CommonJS modules from node_modules a node process loaded running `code`. */
function loadedBy(code: string): Promise<string[]> {
  const detector = join(ROOT, 'test/cli/fixtures/report-cjs-modules.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', detector, '--input-type=module', '-e', code], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', () => {
      const found = /CJS-MODULES:(.*)\n/.exec(err);
      if (found) resolve(JSON.parse(found[1]) as string[]);
      else reject(new Error(`no module report: ${err}`));
    });
  });
}

describe('the daemon modules', () => {
  it('do not load the YAML library until a canfar-config login is written back', async () => {
    assertBuilt();
    const main = join(ROOT, 'dist/daemon/main.js');
    const daemon = await loadedBy(`await import(${JSON.stringify(main)});`);
    expect(daemon.filter((f) => f.includes('/node_modules/undici/')).length).toBeGreaterThan(0);
    expect(daemon.filter((f) => f.includes('/node_modules/yaml/'))).toEqual([]);
    const tokens = join(ROOT, 'dist/src/config/oidc/tokens-yaml.js');
    const writeBack = await loadedBy(
      `const { tokensIntoYaml } = await import(${JSON.stringify(tokens)}); tokensIntoYaml('authentication:\\n  x:\\n    token: {}\\n', 'x', { access: 'a', refresh: 'r', accessExpiresAt: null, refreshExpiresAt: null });`,
    );
    expect(writeBack.filter((f) => f.includes('/node_modules/yaml/')).length).toBeGreaterThan(0);
  });
});
