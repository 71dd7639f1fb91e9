import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runDaemon, type DaemonIo } from '../../../daemon/main.js';
import { parseDaemonArgs } from '../../../daemon/main-args.js';
import { readDaemonPid } from '../../../src/daemon-client/socket-probe.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { makeShortHome } from '../../helpers/start-daemon.js';
import { TestClient } from '../../helpers/ws-client.js';
import { waitUntil } from '../../helpers/wait-until.js';

let sim: RunningSimulator | undefined;
const homes: string[] = [];
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** A short temp home, removed after the test. */
function home(): ReturnType<typeof makeShortHome> {
  const made = makeShortHome();
  homes.push(made.home);
  return made;
}

function io(env: NodeJS.ProcessEnv): DaemonIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { env, out, err, signals: false, stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } };
}

describe('runDaemon (skaha-tui daemon in the foreground)', () => {
  it('runs, refuses a second instance with exit 0 and "already running", and stops on a shutdown request', async () => {
    sim = await startSimulator({ seed: 2 });
    const { env: base, paths } = home();
    const env = { ...base, PATH: process.env.PATH };
    const first = io(env);
    const running = runDaemon(['--url', sim.baseUrl, '--token', sim.token, '--log-level', 'debug'], first);
    await waitUntil(() => readDaemonPid(paths.pidFile) === process.pid, 'the pid file');

    const second = io(env);
    expect(await runDaemon(['--url', sim.baseUrl, '--token', sim.token], second)).toBe(0);
    expect(second.out.join('')).toMatch(/already running/);
    expect(readDaemonPid(paths.pidFile)).toBe(process.pid);

    const client = await TestClient.open({ target: paths.socketPath });
    await client.waitForState((s) => s.health.state === 'ok');
    expect(await client.call('shutdown')).toEqual({ stopping: true });
    expect((await client.closed).code).toBe(1001);
    expect(await running).toBe(0);
    expect(existsSync(paths.pidFile)).toBe(false);
    expect(existsSync(paths.socketPath)).toBe(false);
    const log = readFileSync(paths.daemonLog, 'utf8');
    expect(log).toMatch(/daemon stopped reason="shutdown requested by client test"/);
    expect(log).toMatch(/DEBUG/);
    expect(log).not.toContain(sim.token);
    expect(JSON.parse(readFileSync(paths.stateFile, 'utf8')).health.state).toBe('ok');
  });

  it('keeps running without credentials, reporting the problem as health', async () => {
    const { env: base, paths } = home();
    const running = runDaemon([], io({ ...base, SKAHA_URL: 'http://127.0.0.1:9/skaha' }));
    await waitUntil(() => readDaemonPid(paths.pidFile) === process.pid, 'the pid file');
    const client = await TestClient.open({ target: paths.socketPath });
    const state = await client.waitForState((s) => s.health.lastError !== null);
    expect(state.health).toMatchObject({ state: 'refused', lastError: { code: 'CREDENTIALS_ERROR' } });
    await client.call('shutdown');
    expect(await running).toBe(0);
  });

  it('rejects bad flags with exit 2 and the usage', async () => {
    const { env } = home();
    const bad = io(env);
    expect(await runDaemon(['--listen', '0.0.0.0:80'], bad)).toBe(2);
    expect(bad.err.join('')).toMatch(/loopback address/);
    expect(bad.err.join('')).toMatch(/usage: skaha-tui daemon/);
    expect(await runDaemon(['--bogus'], io(env))).toBe(2);
  });

  it('parses its flags', () => {
    expect(parseDaemonArgs(['--listen=127.0.0.1:8765', '-v', '--cert', '/x.pem'])).toEqual({
      help: false,
      listen: { host: '127.0.0.1', port: 8765 },
      logLevel: 'debug',
      connection: { cert: '/x.pem' },
    });
    expect(() => parseDaemonArgs(['--log-level', 'loud'])).toThrow(/--log-level must be one of/);
    expect(() => parseDaemonArgs(['--url'])).toThrow(/--url needs a value/);
  });
});
