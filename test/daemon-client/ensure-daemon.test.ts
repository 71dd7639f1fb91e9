import { readFileSync, statSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolvePaths, type Paths } from '../../src/config/paths.js';
import { connectDaemon } from '../../src/daemon-client/connect-daemon.js';
import { DaemonStartError, ensureDaemon } from '../../src/daemon-client/ensure-daemon.js';
import { probeDaemonSocket, readDaemonPid } from '../../src/daemon-client/socket-probe.js';
import { isProcessAlive } from '../../daemon/instance/pid-file.js';
import { rejectionOf } from '../helpers/rejection.js';
import { compileFakeDaemon, type CompiledFakeDaemon } from './compile-child.js';
import { shortTempDir, waitUntil } from './socket-helpers.js';

let compiled: CompiledFakeDaemon;
let tmp: ReturnType<typeof shortTempDir>;
let paths: Paths;
let env: NodeJS.ProcessEnv;
const started: number[] = [];

beforeAll(() => {
  compiled = compileFakeDaemon();
});
afterAll(() => compiled.cleanup());

beforeEach(() => {
  tmp = shortTempDir();
  env = { ...process.env, SKAHA_TUI_HOME: tmp.dir };
  paths = resolvePaths(env);
});

afterEach(async () => {
  for (const pid of started.splice(0)) if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
  tmp.cleanup();
});

const ensure = (options: Record<string, unknown> = {}, waitMs = 5_000) =>
  ensureDaemon({ paths, autoStart: true, waitMs, spawnCommand: compiled.command(options), env });

describe('ensureDaemon', () => {
  it('fails with DAEMON_UNAVAILABLE and starts nothing when auto-start is off', async () => {
    const error = await rejectionOf(ensureDaemon({ paths, autoStart: false, env, spawnCommand: compiled.command() }));
    expect(error.code).toBe('DAEMON_UNAVAILABLE');
    expect(error.message).toContain('skaha-tui daemon start');
    expect(await probeDaemonSocket(paths.socketPath)).toBe('absent');
  });

  it('spawns a detached daemon that logs to the daemon log, and waits until it accepts', async () => {
    const result = await ensure();
    started.push(result.pid!);
    expect(result.started).toBe(true);
    expect(isProcessAlive(result.pid!)).toBe(true);
    expect(readDaemonPid(paths.pidFile)).toBe(result.pid);
    const conn = await connectDaemon({ socketPath: paths.socketPath, clientName: 'test' });
    expect(conn.daemonVersion).toBe('fake-child');
    await conn.close();
    await waitUntil(() => readFileSync(paths.daemonLog, 'utf8').includes('fake daemon: listening'), 'the child log line');
    const log = readFileSync(paths.daemonLog, 'utf8');
    expect(log).toMatch(/skaha-tui: starting the daemon: .*fake-daemon-main\.js/);
    expect(statSync(paths.daemonLog).mode & 0o777).toBe(0o600);
  });

  it('finds a running daemon and starts no second one', async () => {
    const first = await ensure();
    started.push(first.pid!);
    const second = await ensure();
    expect(second).toEqual({ started: false, pid: first.pid });
  });

  it('replaces a stale socket left by a crashed daemon', async () => {
    await ensure().then((r) => started.push(r.pid!));
    process.kill(started[0], 'SIGKILL');
    await waitUntil(() => !isProcessAlive(started[0]), 'the kill');
    expect(await probeDaemonSocket(paths.socketPath)).toBe('stale');
    const again = await ensure();
    started.push(again.pid!);
    expect(again.started).toBe(true);
    expect(await probeDaemonSocket(paths.socketPath)).toBe('live');
  });

  it('fails fast, naming the log file and quoting it, when the daemon exits at start', async () => {
    const t0 = Date.now();
    const error = await rejectionOf(ensure({ failAtStart: true }, 10_000));
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(DaemonStartError);
    expect(error.code).toBe('DAEMON_UNAVAILABLE');
    expect(error.message).toContain('exited (code 3)');
    expect(error.message).toContain(paths.daemonLog);
    expect((error as DaemonStartError).logLines.join('\n')).toContain('cannot start: boom');
  });

  it('gives up after waitMs when the daemon never accepts', async () => {
    const error = (await rejectionOf(ensure({ delayMs: 20_000 }, 300))) as DaemonStartError;
    expect(error.pid).not.toBeNull();
    started.push(error.pid!);
    expect(error.message).toContain('did not accept connections within 300 ms');
    expect(error.message).toContain(paths.daemonLog);
  });
});
