import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, statSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listenExclusive } from '../../../daemon/instance/socket-lock.js';
import { probeDaemonSocket as probeSocket, readDaemonPid } from '../../../src/daemon-client/socket-probe.js';
import { ensurePrivateDir } from '../../../daemon/instance/private-dir.js';
import { isProcessAlive, removePidFile, writePidFile } from '../../../daemon/instance/pid-file.js';

const servers: Array<ReturnType<typeof createServer>> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function newServer() {
  const server = createServer();
  servers.push(server);
  return server;
}

/** Starts a child that listens on the socket and prints "ready"; returns it once listening. */
async function childListening(socketPath: string) {
  const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(socketPath)}, () => console.log('ready'))`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  return child;
}

describe('listenExclusive', () => {
  it('makes the socket 0600 inside a 0700 directory', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'skaha-lock-')), 'run');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    ensurePrivateDir(dir);
    const socketPath = join(dir, 'daemon.sock');
    await listenExclusive(newServer(), socketPath);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(socketPath).mode & 0o777).toBe(0o600);
    expect(await probeSocket(socketPath)).toBe('live');
  });

  it('refuses to start a second instance while the first is alive', async () => {
    const socketPath = join(mkdtempSync(join(tmpdir(), 'skaha-lock-')), 'daemon.sock');
    await listenExclusive(newServer(), socketPath);
    await expect(listenExclusive(newServer(), socketPath)).rejects.toMatchObject({ code: 'DAEMON_ALREADY_RUNNING' });
  });

  it('cleans a stale socket left by a daemon killed with SIGKILL, and takes over', async () => {
    const socketPath = join(mkdtempSync(join(tmpdir(), 'skaha-lock-')), 'daemon.sock');
    const child = await childListening(socketPath);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(existsSync(socketPath)).toBe(true);
    expect(await probeSocket(socketPath)).toBe('stale');
    await listenExclusive(newServer(), socketPath);
    expect(await probeSocket(socketPath)).toBe('live');
  });

  it('says absent when there is no socket file', async () => {
    expect(await probeSocket(join(mkdtempSync(join(tmpdir(), 'skaha-lock-')), 'no-such-skaha.sock'))).toBe('absent');
  });

  it('refuses, without connecting, a socket whose folder anyone can write', async () => {
    await expect(probeSocket(join(tmpdir(), 'no-such-skaha.sock'))).rejects.toMatchObject({ code: 'DAEMON_UNTRUSTED' });
  });
});

describe('pid file', () => {
  it('round-trips a pid, detects dead processes, and removes only its own pid', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'skaha-pid-')), 'daemon.pid');
    expect(readDaemonPid(file)).toBeNull();
    writePidFile(file, 999_999_999);
    expect(readDaemonPid(file)).toBe(999_999_999);
    expect(isProcessAlive(999_999_999)).toBe(false);
    expect(isProcessAlive(process.pid)).toBe(true);
    removePidFile(file);
    expect(existsSync(file)).toBe(true);
    removePidFile(file, 999_999_999);
    expect(existsSync(file)).toBe(false);
  });
});
