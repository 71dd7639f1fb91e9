// Integration: the client side (connectDaemon, createResilientConnection, ensureDaemon, daemon
// start|status|stop, doctor) against the real daemon — in this process, and as a detached child.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageVersion } from '../../../src/cli/version.js';
import { resolvePaths } from '../../../src/config/paths.js';
import { connectDaemon } from '../../../src/daemon-client/connect-daemon.js';
import { createResilientConnection } from '../../../src/daemon-client/resilient-connection.js';
import { probeDaemonSocket, readDaemonPid } from '../../../src/daemon-client/socket-probe.js';
import { startSimulator } from '../../../src/sim/index.js';
import { isProcessAlive } from '../../../daemon/instance/pid-file.js';
import { inspectDaemon } from '../../../daemon/control/inspect-daemon.js';
import { runDaemonControl } from '../../../daemon/control/run-daemon-control.js';
import { runDoctor } from '../../../daemon/control/run-doctor.js';
import { startTestDaemon } from '../../helpers/start-daemon.js';
import { compileChild, type CompiledChild } from '../../daemon-client/compile-child.js';
import { shortTempDir, waitUntil, waitUntilAsync } from '../../daemon-client/socket-helpers.js';
import { memoryIo } from './control-harness.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';

describe('against the real daemon in this process', () => {
  it('mirrors its state and patches, answers requests, and status/doctor/stop work on it', async () => {
    const td = await startTestDaemon();
    try {
      const conn = await connectDaemon({ socketPath: td.paths.socketPath, clientName: 'integration' });
      expect(conn.daemonVersion).toBe(packageVersion());
      const polled = await conn.request('refresh', {});
      expect(typeof polled.polledAt).toBe('number');
      const id = td.sim.seedSession({ kind: 'notebook', name: 'fresh' });
      await conn.request('refresh', {});
      await waitUntil(() => conn.state?.sessions[id]?.name === 'fresh', 'the new session in the mirrored state');
      await conn.close();

      const status = memoryIo(td.env);
      expect(await runDaemonControl(['status', '--json'], status.io)).toBe(0);
      expect(JSON.parse(status.stdout())).toMatchObject({ running: true, daemonVersion: packageVersion(), protocol: PROTOCOL_VERSION, error: null });

      const doctor = memoryIo({ ...td.env, SKAHA_URL: td.sim.apiUrl, SKAHA_TOKEN: td.sim.token });
      expect(await runDoctor([], doctor.io, { skahaTimeoutMs: 2_000 })).toBe(0);
      expect(doctor.stdout()).toContain('ok   skaha-tui daemon is running');
      expect(doctor.stdout()).not.toContain(td.sim.token);

      const stop = memoryIo(td.env);
      expect(await runDaemonControl(['stop'], stop.io)).toBe(0);
      expect(await probeDaemonSocket(td.paths.socketPath)).not.toBe('live');
    } finally {
      await td.cleanup();
    }
  });

  it('a resilient connection survives a daemon restart and resyncs', async () => {
    const td = await startTestDaemon();
    const conn = createResilientConnection({ socketPath: td.paths.socketPath, clientName: 'dash', backoff: { initialMs: 20, maxMs: 100 } });
    try {
      await waitUntil(() => conn.status.state === 'connected', 'the first connection');
      await td.daemon.stop('restart test');
      await waitUntil(() => conn.status.state === 'disconnected', 'the disconnect');
      const { startDaemon } = await import('../../../daemon/daemon.js');
      const { createConnection } = await import('../../../src/config/create-connection.js');
      const again = await startDaemon({ paths: td.paths, connection: createConnection({ url: td.sim.baseUrl, token: td.sim.token }), env: td.env });
      try {
        await waitUntil(() => conn.status.state === 'connected', 'the reconnect');
        expect(conn.status.attempt).toBe(0);
        expect(await conn.request('snapshot', {})).toHaveProperty('sessions');
      } finally {
        await conn.close();
        await again.stop('test over');
      }
    } finally {
      await td.cleanup();
    }
  });
});

describe('against the real daemon as a detached child', () => {
  let child: CompiledChild;
  beforeAll(() => {
    child = compileChild('test/daemon/control/real-daemon-main.ts');
  });
  afterAll(() => child.cleanup());

  it('daemon start spawns it, status shows it with its sessions, stop stops it, and its log holds no token', async () => {
    const tmp = shortTempDir();
    const sim = await startSimulator({ seed: 11 });
    sim.seedSession({ kind: 'notebook', name: 'one' });
    sim.seedSession({ kind: 'headless', name: 'two' });
    const env = { PATH: process.env.PATH, SKAHA_TUI_HOME: tmp.dir, HOME: tmp.dir, SKAHA_URL: sim.apiUrl, SKAHA_TOKEN: sim.token };
    const paths = resolvePaths(env);
    let pid: number | null = null;
    try {
      const start = memoryIo(env);
      const code = await runDaemonControl(['start'], start.io, { spawnCommand: child.command([]), startWaitMs: 10_000 });
      expect(start.stderr()).toBe('');
      expect(code).toBe(0);
      await waitUntil(() => readDaemonPid(paths.pidFile) !== null, 'the pid file');
      pid = readDaemonPid(paths.pidFile);
      expect(start.stdout()).toBe(`skaha-tui daemon started (pid ${pid}), log: ${paths.daemonLog}\n`);

      await waitUntilAsync(async () => {
        const state = (await inspectDaemon(paths)).state;
        return state !== null && Object.keys(state.sessions).length === 2 && !state.health.stale;
      }, 'the first successful poll');
      const status = memoryIo(env);
      expect(await runDaemonControl(['status'], status.io)).toBe(0);
      expect(status.stdout()).toContain(`pid:        ${pid}\n`);
      expect(status.stdout()).toContain('sessions:   2\n');
      expect(status.stdout()).toMatch(/health: +ok/);

      const stop = memoryIo(env);
      expect(await runDaemonControl(['stop'], stop.io)).toBe(0);
      expect(stop.stderr()).not.toContain('SIGTERM');
      expect(isProcessAlive(pid!)).toBe(false);
      const after = memoryIo(env);
      expect(await runDaemonControl(['status'], after.io)).toBe(3);
      expect(readFileSync(paths.daemonLog, 'utf8')).not.toContain(sim.token);
    } finally {
      if (pid !== null && isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
      await sim.close();
      tmp.cleanup();
    }
  });
});
