import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DAEMON_CONFIG } from '../../../daemon/config/daemon-config.js';
import { startDaemon } from '../../../daemon/daemon.js';
import { makeShortHome, recordingNotifier, startTestDaemon, type TestDaemon } from '../../helpers/start-daemon.js';
import { TestClient } from '../../helpers/ws-client.js';

const ALLOWED = 'http://localhost:3000';
let t: TestDaemon;
let url: string;
let token: string;

beforeAll(async () => {
  t = await startTestDaemon({
    tcp: { host: '127.0.0.1', port: 0 },
    config: { listen: { ...DEFAULT_DAEMON_CONFIG.listen, allowedOrigins: [ALLOWED] } },
  });
  url = `ws://127.0.0.1:${t.daemon.tcpAddress!.port}/`;
  token = readFileSync(t.paths.tokenFile, 'utf8').trim();
});
afterAll(async () => t?.cleanup());

async function status(headers: Record<string, string>, target = url): Promise<number | 'open'> {
  try {
    const client = await TestClient.open({ target, headers });
    await client.close();
    return 'open';
  } catch (error) {
    return (error as { status?: number }).status ?? -1;
  }
}

describe('transports and their protection', () => {
  it('keeps the socket and the token file 0600 and the runtime dir 0700', () => {
    expect(statSync(t.paths.socketPath).mode & 0o777).toBe(0o600);
    expect(statSync(t.paths.tokenFile).mode & 0o777).toBe(0o600);
    expect(statSync(t.paths.runtimeDir).mode & 0o777).toBe(0o700);
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  it('TCP refuses a missing or wrong token with 401 and takes the right one', async () => {
    expect(await status({})).toBe(401);
    expect(await status({ Authorization: 'Bearer wrong-token' })).toBe(401);
    expect(await status({ Authorization: `Bearer ${token}x` })).toBe(401);
    expect(await status({ Authorization: token })).toBe(401);
    expect(await status({ Authorization: `Bearer ${token}` })).toBe('open');
  });

  it('refuses a foreign Origin with 403 on TCP and on the Unix socket, unless it is configured', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    expect(await status({ ...auth, Origin: 'https://evil.example' })).toBe(403);
    expect(await status({ Origin: 'https://evil.example' }, t.paths.socketPath)).toBe(403);
    expect(await status({ ...auth, Origin: ALLOWED })).toBe('open');
  });

  it('binds TCP to loopback only', () => {
    expect(t.daemon.tcpAddress?.host).toBe('127.0.0.1');
  });
});

describe('a TCP port that is taken', () => {
  it('fails the start with CONFIG_ERROR and leaves no socket behind', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    const { home, paths } = makeShortHome();
    try {
      const failing = startDaemon({
        paths,
        connect: () => Promise.reject(new Error('not reached: the listen fails first')),
        tcp: { host: '127.0.0.1', port },
        config: DEFAULT_DAEMON_CONFIG,
        notifier: recordingNotifier(),
      });
      await expect(failing).rejects.toMatchObject({ code: 'CONFIG_ERROR', message: expect.stringMatching(/port is in use/) });
    } finally {
      blocker.close();
    }
    expect(existsSync(paths.socketPath)).toBe(false);
    rmSync(home, { recursive: true, force: true });
  });
});
