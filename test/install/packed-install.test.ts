// Installed like a tool: `npm pack`, then `npm install -g` of the tarball into a temporary prefix, then the
// installed `skaha-tui` (--version, sim, the daemon, ps through it, demo in a real terminal) run from outside the checkout.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from '../cli/spawn-cli.js';
import { TmuxPane } from '../tui/helpers/tmux.js';

const exec = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'skp-'));
const prefix = join(work, 'prefix');
const outside = join(work, 'elsewhere');
const installed = join(prefix, 'lib', 'node_modules', 'skaha-tui');
const bin = join(prefix, 'bin', 'skaha-tui');
let tarball = '';
const children: ChildProcess[] = [];

/** An environment with nothing of the checkout or of the caller's Skaha settings: the installed bin first on PATH. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(SKAHA|CANFAR|XDG|npm|NODE|VITEST)_/i.test(key) && key !== 'INIT_CWD') env[key] = value;
  return { ...env, HOME: join(work, 'home'), SKAHA_TUI_HOME: join(work, 'h'), PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, ...extra };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Starts the installed binary and resolves once its output matches `ready`. */
function startInstalled(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{ child: ChildProcess; output: () => string; match: RegExpMatchArray }> {
  const child = spawn(bin, args, { env, cwd: outside, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`skaha-tui ${args.join(' ')} did not print ${ready}:\n${output}`)), 20_000);
    const onData = (d: Buffer) => {
      output += d.toString('utf8');
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, output: () => output, match });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`skaha-tui ${args.join(' ')} exited with ${code}:\n${output}`)));
  });
}

beforeAll(async () => {
  assertBuilt();
  mkdirSync(outside, { recursive: true });
  mkdirSync(join(work, 'home'), { recursive: true });
  // The build is fresh (npm test builds first): pack it as is, without running prepare again.
  const packed = await exec('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; size: number; unpackedSize: number; entryCount: number }>;
  tarball = join(work, info.filename);
  console.log(`packed ${info.filename}: ${(info.size / 1024).toFixed(0)} kB, ${(info.unpackedSize / 1024).toFixed(0)} kB unpacked, ${info.entryCount} files`);
  // The user's own HOME (and so npm's cache and settings), without the npm_* variables `npm test` sets for itself.
  const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  await exec('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', tarball], {
    cwd: outside,
    env: npmEnv,
    encoding: 'utf8',
  });
}, 180_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball, installed globally', { timeout: 60_000 }, () => {
  it('ships compiled code, README, docs and LICENSE only, and stays small', () => {
    const files = filesUnder(installed)
      .map((f) => relative(installed, f))
      .filter((f) => !f.startsWith('node_modules/'));
    expect(files).toContain('dist/bin/skaha-tui.js');
    expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'docs/protocol.md', 'package.json']));
    const stray = files.filter((f) => !/^(dist\/(src|daemon|tui|bin)\/.+\.js|dist\/src\/.+\.d\.ts|docs\/.+|README\.md|LICENSE|package\.json)$/.test(f));
    expect(stray, 'files outside compiled code, docs, README and LICENSE').toEqual([]);
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
    expect(statSync(tarball).size, 'tarball bytes').toBeLessThan(600 * 1024);
    const mentionsCheckout = files.filter((f) => readFileSync(join(installed, f), 'utf8').includes(ROOT));
    expect(mentionsCheckout, 'installed files naming the checkout').toEqual([]);
  });

  it('puts skaha-tui on the PATH: --version and version --json', async () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    const short = await exec('skaha-tui', ['--version'], { cwd: outside, env: cleanEnv(), encoding: 'utf8' });
    expect(short.stdout).toBe(`skaha-tui ${version}\n`);
    const long = await exec('skaha-tui', ['version', '--json'], { cwd: outside, env: cleanEnv(), encoding: 'utf8' });
    expect(JSON.parse(long.stdout)).toMatchObject({ version, daemon: null });
  });

  it('runs the simulator, a daemon on it, and ps through the daemon, all from the installed copy', async () => {
    const sim = await startInstalled(['sim', '--seed', '3', '--seed-demo'], cleanEnv(), /base URL\s+(\S+)[\s\S]*token\s+alice\s+(\S+)/);
    const [, url, token] = sim.match;
    const env = cleanEnv({ SKAHA_URL: url, SKAHA_TOKEN: token });
    const daemon = spawn(bin, ['daemon'], { env, cwd: outside, stdio: 'ignore' });
    children.push(daemon);
    let ps = { stdout: '', stderr: '' };
    for (let i = 0; i < 100; i++) {
      ps = await exec('skaha-tui', ['ps', '--json', '-v'], { cwd: outside, env, encoding: 'utf8' });
      if (/answering from the daemon cache/.test(ps.stderr) && JSON.parse(ps.stdout).length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(ps.stderr).toMatch(/answering from the daemon cache/);
    expect((JSON.parse(ps.stdout) as unknown[]).length).toBeGreaterThan(0);
    const status = await exec('skaha-tui', ['daemon', 'status', '--json'], { cwd: outside, env, encoding: 'utf8' });
    expect(JSON.parse(status.stdout)).toMatchObject({ running: true });
    daemon.kill('SIGTERM');
    sim.child.kill('SIGTERM');
  });

  it('runs the demo dashboard in a real terminal, and q quits it', async () => {
    const pane = new TmuxPane(work, 'installed-demo');
    try {
      const env = cleanEnv({ NCURSES_NO_UTF8_ACS: '1', LANG: 'C.UTF-8' }) as Record<string, string>;
      pane.start(`cd '${outside}' && '${bin}' demo --speed 50`, env);
      const screen = await pane.waitFor((text) => /DEMO/.test(text) && /daemon ● connected/.test(text));
      expect(screen).toMatch(/Sessions/);
      pane.keys(['q']);
      expect(await pane.waitForExit(15_000)).toBe(0);
    } finally {
      pane.kill();
    }
  });
});
