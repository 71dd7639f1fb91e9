// The built binary itself: routing, help, usage errors, lazy loading, the demo, and that no secret is ever printed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { assertBuilt, BIN, isolatedEnv, ROOT, runBin } from './spawn-cli.js';

let home: string;
let sim: RunningSimulator;
const env = (extra: Record<string, string> = {}) => isolatedEnv(home, { SKAHA_URL: sim.baseUrl, SKAHA_TOKEN: sim.token, ...extra });

beforeAll(async () => {
  assertBuilt();
  home = mkdtempSync(join(tmpdir(), 'skaha-cli-bin-'));
  sim = await startSimulator({ speed: 100, seed: 3 });
});
afterAll(async () => {
  await sim?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('the binary', { timeout: 60_000 }, () => {
  it('prints help and the version, and routes sim', async () => {
    const help = await runBin(['--help'], env());
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: skaha-tui <command> [options]');
    expect((await runBin(['help', 'ps'], env())).stdout).toContain('Usage: skaha-tui ps');
    expect((await runBin(['--version'], env())).stdout).toMatch(/^skaha-tui \d+\.\d+\.\d+\n$/);
    const simHelp = await runBin(['sim', '--help'], env());
    expect(simHelp.code).toBe(0);
    expect(simHelp.stdout).toContain('--speed');
  });

  it('exits 2 with a clear message for usage errors, also in the routed commands', async () => {
    for (const args of [['frobnicate'], ['ps', '--bogus'], ['logs'], ['delete', 'abcd1234'], ['launch', 'spaceship', 'img']]) {
      const r = await runBin(args, env());
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: .+\nRun 'skaha-tui .*--help' for usage\.\n$/);
    }
    for (const args of [
      ['daemon', '--bogus'],
      ['daemon', 'status', '--bogus'],
      ['doctor', '--bogus'],
    ]) {
      const r = await runBin(args, env());
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--bogus/);
    }
  });

  it('never loads blessed for `ps --json` (the detector does see blessed when it is loaded)', async () => {
    const detector = join(ROOT, 'test/cli/fixtures/report-cjs-modules.mjs');
    const ps = await runBin(['ps', '--json'], env(), ['--import', detector]);
    expect(ps.code).toBe(0);
    const loaded = JSON.parse(/CJS-MODULES:(.*)\n/.exec(ps.stderr)![1]) as string[];
    expect(loaded.filter((f) => f.includes('/node_modules/blessed/'))).toEqual([]);
    const control = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['--import', detector, '-e', "import('blessed')"], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      child.on('close', () => resolve(err));
    });
    expect(control).toMatch(/CJS-MODULES:.*\/node_modules\/blessed\//);
  });

  it('demo without a terminal serves a seeded simulator through its own daemon, and cleans everything up on Ctrl-C', async () => {
    const child = spawn(process.execPath, [BIN, 'demo', '--speed', '50'], { env: isolatedEnv(home), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    const exports = await new Promise<Record<string, string>>((resolve, reject) => {
      child.stdout.on('data', (d: string) => {
        out += d;
        const url = /export SKAHA_URL=(\S+)/.exec(out);
        const token = /export SKAHA_TOKEN=(\S+)/.exec(out);
        const demoHome = /export SKAHA_TUI_HOME=(\S+)/.exec(out);
        if (url && token && demoHome) resolve({ SKAHA_URL: url[1], SKAHA_TOKEN: token[1], SKAHA_TUI_HOME: demoHome[1] });
      });
      child.on('close', () => reject(new Error(`demo exited early: ${out}`)));
    });
    const ps = await runBin(['ps', '--json', '-v'], { ...isolatedEnv(home, exports), SKAHA_TUI_HOME: exports.SKAHA_TUI_HOME });
    expect(ps.code).toBe(0);
    expect(ps.stderr).toMatch(/daemon/i);
    const names = (JSON.parse(ps.stdout) as Array<{ name: string }>).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['analysis', 'cube-viewer', 'desk']));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(existsSync(exports.SKAHA_TUI_HOME)).toBe(false);
    const gone = await runBin(['ps', '--json'], isolatedEnv(home, exports));
    expect(gone.code).toBe(1);
  });
});

describe('secrets', { timeout: 60_000 }, () => {
  const TOKEN = 'tok-e2e-secret-0123456789';
  const REGISTRY_SECRET = 'reg-e2e-secret-9876543210';
  const FLAG_TOKEN = 'flag-e2e-secret-555555';
  let secretSim: RunningSimulator;
  beforeAll(async () => {
    secretSim = await startSimulator({ speed: 100, seed: 5, users: { [TOKEN]: 'alice' } });
  });
  afterAll(() => secretSim?.close());

  it('no token, registry secret or its header value appears in any output, also when commands fail', async () => {
    const secretEnv = isolatedEnv(home, {
      SKAHA_URL: secretSim.baseUrl,
      SKAHA_TOKEN: TOKEN,
      SKAHA_REGISTRY_USERNAME: 'alice',
      SKAHA_REGISTRY_SECRET: REGISTRY_SECRET,
    });
    const header = Buffer.from(`alice:${REGISTRY_SECRET}`).toString('base64');
    const runs: Array<[string[], number]> = [
      [['launch', 'notebook', 'images.canfar.net/private/secret-image:1', '--name', 'priv', '--json'], 0],
      [['ps'], 0],
      [['ps', '--all', '--json'], 0],
      [['stats', '--json'], 0],
      [['info', 'nosuch99', '--json'], 1],
      [['launch', 'notebook', 'skaha/astroml', '--name', 'bad_name'], 2],
      [['--token', FLAG_TOKEN, 'ps'], 1],
      [['ps', `--token=${FLAG_TOKEN}`, '--json'], 1],
      [['--url', 'http://127.0.0.1:1/skaha', 'ps'], 1],
      [['ps', '--nope', `--token=${FLAG_TOKEN}`], 2],
    ];
    for (const [args, code] of runs) {
      const r = await runBin(args, secretEnv);
      const all = r.stdout + r.stderr;
      expect(r.code, `${args.join(' ')}: ${all}`).toBe(code);
      for (const secret of [TOKEN, REGISTRY_SECRET, header, FLAG_TOKEN]) expect(all, args.join(' ')).not.toContain(secret);
      // The CLI masks secrets as a last resort; a mask in the output would mean a lower layer leaked one.
      expect(all, args.join(' ')).not.toContain('***');
    }
  });
});
