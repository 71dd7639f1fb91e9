import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolvePaths, type Paths } from '../../../src/config/paths.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { runDoctor } from '../../../daemon/control/run-doctor.js';
import { startFakeDaemon, type FakeDaemon } from '../../daemon-client/fake-daemon.js';
import { shortTempDir } from '../../daemon-client/socket-helpers.js';
import { memoryIo } from './control-harness.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';

const TOKEN = 'doctor-secret-token-8f3a91';
let tmp: ReturnType<typeof shortTempDir>;
let sim: RunningSimulator;
let env: Record<string, string | undefined>;
let paths: Paths;
let fake: FakeDaemon | null;

beforeEach(async () => {
  tmp = shortTempDir();
  sim = await startSimulator({ users: { [TOKEN]: 'alice' }, seed: 7 });
  sim.seedSession({ kind: 'notebook', status: 'Running' });
  env = { SKAHA_TUI_HOME: tmp.dir, HOME: tmp.dir, SKAHA_URL: sim.apiUrl, SKAHA_TOKEN: TOKEN };
  paths = resolvePaths(env);
  fake = null;
});

afterEach(async () => {
  await fake?.close();
  await sim.close();
  tmp.cleanup();
});

async function doctor(argv: string[] = [], tty = false) {
  const m = memoryIo(env, tty);
  const code = await runDoctor(argv, m.io, { skahaTimeoutMs: 2_000 });
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('doctor', () => {
  it('prints every path, the credential without its secret, whether Skaha answers, and that no daemon runs', async () => {
    const { code, stdout, stderr } = await doctor();
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const p of [
      paths.configDir,
      paths.configFile,
      paths.stateDir,
      paths.stateFile,
      paths.runtimeDir,
      paths.socketPath,
      paths.pidFile,
      paths.daemonLog,
      paths.tokenFile,
    ]) {
      expect(stdout).toContain(p);
    }
    expect(stdout).toContain('ok   bearer token (env)');
    expect(stdout).toContain(`-    server URL ${sim.apiUrl} (env)`);
    expect(stdout).toMatch(/ok {3}Skaha answers: available \(\d+ ms\)/);
    expect(stdout).toContain('ok   your sessions: 1 listed');
    expect(stdout).toContain('warn skaha-tui daemon is not running — start it with `skaha-tui daemon start`');
    expect(stdout).not.toContain(TOKEN);
  });

  it('marks failures with ✓/✗ on a terminal, FAIL without, and exits 1 when any check fails (--json too)', async () => {
    await sim.close();
    sim = await startSimulator({ users: { [TOKEN]: 'alice' } });
    env.SKAHA_URL = 'http://127.0.0.1:9/skaha/v1';
    const plain = await doctor();
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/FAIL Skaha does not answer: /);
    expect(plain.stdout).toMatch(/FAIL listing your sessions failed: /);
    const tty = await doctor([], true);
    expect(tty.code).toBe(1);
    expect((await doctor(['--json'])).code).toBe(1);
    expect(tty.stdout).toContain('✗');
    expect(tty.stdout).toContain('✓');
    expect(tty.stdout + tty.stderr).not.toContain(TOKEN);
  });

  it('shows the daemon status when one runs', async () => {
    fake = await startFakeDaemon({ socketPath: paths.socketPath, daemonVersion: '0.1.0-test' });
    const { stdout } = await doctor();
    expect(stdout).toContain('ok   skaha-tui daemon is running');
    expect(stdout).toContain(`daemon 0.1.0-test, protocol ${PROTOCOL_VERSION}`);
    expect(stdout).toContain('a daemon answers');
  });

  it('--json has every path, the checks, the credential (no secret) and the daemon status', async () => {
    const { code, stdout } = await doctor(['--json']);
    expect(code).toBe(0);
    expect(stdout).not.toContain(TOKEN);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['paths', 'checks', 'credentials', 'server', 'daemon']);
    expect(json.paths).toEqual(paths);
    expect(json.credentials).toMatchObject({ kind: 'token', source: 'env' });
    expect(json.server).toEqual({ url: sim.apiUrl, source: 'env' });
    expect(json.daemon).toMatchObject({ running: false, socket: paths.socketPath });
    const byName = Object.fromEntries(json.checks.map((c: { name: string; status: string }) => [c.name, c.status]));
    expect(byName).toMatchObject({ credentials: 'ok', availability: 'ok', sessions: 'ok', daemon: 'warn', 'config file': 'info' });
  });

  it('fails a config file, token file or canfar config holding a token that others can read, with the chmod to run', async () => {
    mkdirSync(paths.configDir, { recursive: true });
    const tokenFile = join(tmp.dir, 'my.token');
    writeFileSync(tokenFile, 'file-token-123456\n', { mode: 0o644 });
    writeFileSync(paths.configFile, JSON.stringify({ token: 'cfg-token-123456', tokenFile }), { mode: 0o644 });
    mkdirSync(join(tmp.dir, '.canfar'));
    const canfar = join(tmp.dir, '.canfar', 'config.yaml');
    writeFileSync(canfar, 'active: {authentication: a}\nauthentication:\n  a: {mode: oidc, token: {access: canfar-token-123456}}\n', { mode: 0o640 });
    const loose = await doctor();
    const line = (name: string, file: string, mode: string) =>
      `FAIL ${name.padEnd(13)}  ${file} — holds a token and others can read it (mode ${mode}) — run: chmod 600 "${file}"`;
    expect(loose.stdout).toContain(line('config file', paths.configFile, '0644'));
    expect(loose.stdout).toContain(line('token file', tokenFile, '0644'));
    expect(loose.stdout).toContain(line('canfar config', canfar, '0640'));
    expect(loose.stdout).not.toMatch(/cfg-token-123456|file-token-123456|canfar-token-123456/);
    for (const file of [paths.configFile, tokenFile, canfar]) chmodSync(file, 0o600);
    const tight = await doctor();
    expect(tight.stdout).toContain(`ok   ${'config file'.padEnd(13)}  ${paths.configFile} — holds a token; only you can read it`);
    expect(tight.stdout).not.toContain('chmod 600');
  });

  it('keeps a --token given on the command line out of the output, and refuses unknown options', async () => {
    delete env.SKAHA_TOKEN;
    const { stdout } = await doctor(['--token', TOKEN]);
    expect(stdout).toContain('bearer token (flag)');
    expect(stdout).not.toContain(TOKEN);
    const bad = await doctor(['--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option '--bogus' for 'doctor'");
  });
});
