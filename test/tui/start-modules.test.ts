// What the built dashboard loads to draw its first frame: not its keys, dialogs and prompt, nor what
// only they use (the launch form, export, usage, relaunch, the CLI's parser, the YAML library of
// profiles); those come with controller/features.js after the first frame. Read from a module-load
// hook in a child process.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const DIST = path.resolve('dist');
const dir = mkdtempSync(path.join(os.tmpdir(), 'skt-modules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Records the URL of every module the ESM loader loads (packages' own entry files included).
const HOOKS = `import { appendFileSync } from 'node:fs';
let out;
export function initialize(data) { out = data.out; }
export async function load(url, context, next) { appendFileSync(out, url + '\\n'); return next(url, context); }`;

// And every file CommonJS loads (blessed's and its widgets' own requires never reach the ESM loader).
const CJS = (out: string) => `import Module from 'node:module'; import { appendFileSync } from 'node:fs'; import { pathToFileURL } from 'node:url';
const load = Module._load;
Module._load = function (request, parent, isMain) {
  try { appendFileSync(${JSON.stringify(out)}, pathToFileURL(Module._resolveFilename(request, parent, isMain)).href + '\\n'); } catch {}
  return load.apply(this, arguments);
};`;

/** The modules loaded by importing `files` (relative to dist/), then running `more`, as paths relative to the repository. */
function modulesOf(files: string[], name: string, more = ''): string[] {
  const out = path.join(dir, `${name}.txt`);
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)}, { data: { out: ${JSON.stringify(out)} } });
${CJS(out)}`;
  execFileSync(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent(register)}`,
      '--input-type=module',
      '-e',
      files.map((file) => `await import(${JSON.stringify(pathToFileURL(path.join(DIST, file)).href)});`).join('') + more,
    ],
    {
      stdio: 'ignore',
    },
  );
  const root = pathToFileURL(path.resolve('.')).href;
  return readFileSync(out, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith(root))
    .map((url) => url.slice(root.length + 1));
}

/** Modules only the keys, dialogs and prompt need (they come with controller/features.js). */
const WITH_KEYS = [
  /^dist\/tui\/controller\/(features|key-handler|dialog-keys|run-command|command-prompt|prompt-\w+|export-table|usage-actions|relaunch-actions|profile-actions|launch-actions)\.js$/,
  /^dist\/tui\/render\/(dialog-frame|export-dialog|usage-view|help|launch-form|relaunch-dialog|confirm)\.js$/,
  /^dist\/tui\/command-mode\//,
  /^dist\/tui\/form\/(launch-form|recent-launches|form-profile|form-request|image-picker)\.js$/,
  /^dist\/src\/cli\/(parse-args|command-specs)\.js$/,
  /^dist\/src\/export\//,
];
/** Modules loaded later still: profiles' YAML when one is read or written, the charts once the first frame is drawn. */
const LATER = [...WITH_KEYS, /^dist\/src\/config\/job-file\.js$/, /^node_modules\/yaml\//, /^node_modules\/blessed-contrib\//];
const later = (modules: string[]) => modules.filter((m) => LATER.some((re) => re.test(m)));

describe('modules loaded for the first frame', () => {
  it('the dashboard entry and the screen modules it loads before the first frame load none of what only the keys, dialogs and prompt need', () => {
    const modules = modulesOf(['tui/main.js', 'tui/screen/layout.js', 'tui/dashboard-core.js'], 'main');
    expect(modules).toContain('dist/tui/dashboard-core.js');
    expect(modules.some((m) => m.startsWith('node_modules/blessed/'))).toBe(true);
    expect(later(modules)).toEqual([]);
  });

  it('the keys part loads them, and the charts load blessed-contrib (so the check above sees what it looks for)', () => {
    const modules = later(modulesOf(['tui/controller/features.js'], 'features'));
    const line = `(await import('node:module')).createRequire(${JSON.stringify(pathToFileURL(path.join(DIST, 'tui/screen/charts.js')).href)})('blessed-contrib/lib/widget/charts/line.js');`;
    expect(later(modulesOf([], 'charts', line)).some((m) => m.startsWith('node_modules/blessed-contrib/'))).toBe(true);
    for (const re of WITH_KEYS) expect(modules.some((m) => re.test(m))).toBe(true);
  });
});
