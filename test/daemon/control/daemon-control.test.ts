import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolvePaths, type Paths } from '../../../src/config/paths.js';
import { probeDaemonSocket, readDaemonPid } from '../../../src/daemon-client/socket-probe.js';
import { isProcessAlive } from '../../../daemon/instance/pid-file.js';
import { runDaemonControl, isDaemonControl } from '../../../daemon/control/run-daemon-control.js';
import type { ControlOptions } from '../../../daemon/control/control-options.js';
import { compileFakeDaemon, type CompiledFakeDaemon } from '../../daemon-client/compile-child.js';
import { shortTempDir, waitUntil } from '../../daemon-client/socket-helpers.js';
import { memoryIo } from './control-harness.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';

let compiled: CompiledFakeDaemon;
let tmp: ReturnType<typeof shortTempDir>;
let env: Record<string, string | undefined>;
let paths: Paths;
const pids = new Set<number>();

beforeAll(() => {
  compiled = compileFakeDaemon();
});
afterAll(() => compiled.cleanup());

beforeEach(() => {
  tmp = shortTempDir();
  env = { SKAHA_TUI_HOME: tmp.dir, HOME: tmp.dir };
  paths = resolvePaths(env);
});

afterEach(() => {
  for (const pid of pids) if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
  pids.clear();
  tmp.cleanup();
});

async function run(argv: string[], fakeOptions: Record<string, unknown> = {}, extra: ControlOptions = {}) {
  const m = memoryIo(env);
  const code = await runDaemonControl(argv, m.io, { spawnCommand: compiled.command(fakeOptions), startWaitMs: 5_000, stopWaitMs: 3_000, ...extra });
  const pid = readDaemonPid(paths.pidFile);
  if (pid !== null) pids.add(pid);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('daemon start', () => {
  it('starts a detached daemon and says where its log is; a second start finds it and exits 0', async () => {
    const first = await run(['start']);
    const pid = readDaemonPid(paths.pidFile)!;
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(`skaha-tui daemon started (pid ${pid}), log: ${paths.daemonLog}\n`);
    expect(isProcessAlive(pid)).toBe(true);

    const second = await run(['start']);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(`skaha-tui daemon is already running (pid ${pid}, socket ${paths.socketPath})\n`);
  });

  it('exits 1 with the error and the last lines of the log when the daemon will not start', async () => {
    const result = await run(['start'], { failAtStart: true });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`error: could not start the skaha-tui daemon: it exited (code 3)`);
    expect(result.stderr).toContain(`last lines of ${paths.daemonLog}:`);
    expect(result.stderr).toContain('  fake daemon: cannot start: boom');
  });
});

describe('daemon stop', () => {
  it('asks the daemon to shut down and waits until the process and its files are gone', async () => {
    await run(['start']);
    const pid = readDaemonPid(paths.pidFile)!;
    const result = await run(['stop']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`skaha-tui daemon stopped (pid ${pid})`);
    expect(isProcessAlive(pid)).toBe(false);
    expect(existsSync(paths.socketPath)).toBe(false);
    expect(existsSync(paths.pidFile)).toBe(false);
    expect(result.stderr).not.toContain('SIGTERM');
  });

  it('falls back to SIGTERM when the daemon refuses the shutdown request', async () => {
    await run(['start'], { refuseShutdown: true });
    const pid = readDaemonPid(paths.pidFile)!;
    const result = await run(['stop']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('this fake refuses to shut down');
    expect(result.stderr).toContain(`sending SIGTERM to pid ${pid}`);
    expect(isProcessAlive(pid)).toBe(false);
  });

  it('says "not running" and exits 0 when nothing runs, cleaning a crashed daemon’s socket and pid file', async () => {
    expect(await run(['stop'])).toMatchObject({ code: 0, stdout: 'skaha-tui daemon is not running\n', stderr: '' });

    await run(['start']);
    const pid = readDaemonPid(paths.pidFile)!;
    process.kill(pid, 'SIGKILL');
    await waitUntil(() => !isProcessAlive(pid), 'the kill');
    expect(await probeDaemonSocket(paths.socketPath)).toBe('stale');
    const result = await run(['stop']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('skaha-tui daemon is not running\n');
    expect(result.stderr).toContain(`removed the stale pid file ${paths.pidFile} (pid ${pid} is gone)`);
    expect(result.stderr).toContain(`removed the stale socket ${paths.socketPath}`);
    expect(existsSync(paths.socketPath)).toBe(false);
    expect(existsSync(paths.pidFile)).toBe(false);
  });
});

describe('daemon restart', () => {
  it('stops the running daemon and starts a new one', async () => {
    await run(['start']);
    const before = readDaemonPid(paths.pidFile)!;
    const result = await run(['restart']);
    const after = readDaemonPid(paths.pidFile)!;
    expect(result.code).toBe(0);
    expect(after).not.toBe(before);
    expect(isProcessAlive(before)).toBe(false);
    expect(isProcessAlive(after)).toBe(true);
    expect(result.stdout).toContain(`stopped (pid ${before})`);
    expect(result.stdout).toContain(`started (pid ${after})`);
  });
});

describe('daemon status', () => {
  it('exits 3 and says how to start it when no daemon runs', async () => {
    const result = await run(['status']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('skaha-tui daemon is not running');
    expect(result.stdout).toContain(`socket:  ${paths.socketPath}`);
    expect(result.stdout).toContain('start it with `skaha-tui daemon start`');
    const json = JSON.parse((await run(['status', '--json'])).stdout);
    expect(json).toMatchObject({
      running: false,
      pid: null,
      socket: paths.socketPath,
      health: null,
      sessions: null,
      leftovers: { staleSocket: false, stalePid: null },
    });
  });

  it('exits 0 and shows pid, socket, versions, health, sessions and the last poll of a running daemon', async () => {
    await run(['start']);
    const pid = readDaemonPid(paths.pidFile)!;
    const result = await run(['status']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^skaha-tui daemon is running\n/);
    expect(result.stdout).toContain(`pid:        ${pid}\n`);
    expect(result.stdout).toContain(`version:    daemon fake-child, protocol ${PROTOCOL_VERSION}\n`);
    expect(result.stdout).toMatch(/health: +ok since \S+ \(1m ago\)/);
    expect(result.stdout).toContain('sessions:   2\n');
    expect(result.stdout).toMatch(/last poll: +\S+ \(\d+s ago\)/);

    const json = await run(['status', '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(Object.keys(parsed)).toEqual([
      'running',
      'pid',
      'socket',
      'pidFile',
      'log',
      'daemonVersion',
      'protocol',
      'health',
      'sessions',
      'stale',
      'lastPollAt',
      'leftovers',
      'notices',
      'error',
    ]);
    expect(parsed).toMatchObject({
      running: true,
      pid,
      daemonVersion: 'fake-child',
      protocol: PROTOCOL_VERSION,
      sessions: 2,
      stale: false,
      health: { state: 'ok', lastError: null },
      error: null,
    });
    expect(parsed.lastPollAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

describe('usage', () => {
  it('knows its subcommands and refuses unknown ones and options with exit 2', async () => {
    expect(isDaemonControl(['status'])).toBe(true);
    expect(isDaemonControl([])).toBe(false);
    expect(isDaemonControl(['--log-level', 'debug'])).toBe(false);
    const bad = await run(['bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("error: unknown daemon command 'bogus'");
    expect((await run(['status', '--bogus'])).code).toBe(2);
    expect((await run(['stop', 'extra'])).code).toBe(2);
    const help = await run(['status', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('daemon status [--json]');
  });
});
