// Issue 9, bounded welcomes and backlogs: a day of history for 5,000 sessions no longer rides on the
// welcome, histories come in bounded frames, and a client that stops reading is dropped at 8 MiB.
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../../src/protocol/version.js';
import { assertBuilt } from '../cli/spawn-cli.js';
import { securityHome, startDaemonProcess } from './daemon-process.js';
import { manyWireSessions, quietPolling, writeConfig, writeDayOfHistory } from './home-files.js';
import { startHostileSkaha } from './hostile-skaha.js';
import { openRawDaemonClient, socketUrl } from './raw-daemon-client.js';
import { useSecurityRig } from './security-rig.js';

const MiB = 1024 * 1024;

const rig = useSecurityRig();

async function daemonWith(sessions: number, dayOfHistory: boolean): Promise<{ socketPath: string; historyBytes: number }> {
  assertBuilt();
  const skaha = (rig.skaha = await startHostileSkaha());
  skaha.sessions = manyWireSessions(sessions);
  const home = (rig.home = securityHome(skaha));
  writeConfig(home, quietPolling());
  const historyBytes = dayOfHistory ? writeDayOfHistory(home, skaha.sessions) : 0;
  rig.daemon = await startDaemonProcess(home, home.env(), [], 60_000);
  return { socketPath: `${home.runtimeDir}/daemon.sock`, historyBytes };
}

async function waitForLog(pattern: RegExp, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const log = rig.daemon!.log();
    if (pattern.test(log)) return log;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the daemon log never matched ${pattern}:\n${rig.daemon!.log().slice(-2000)}`);
}

describe('bounded welcomes and history frames', { timeout: 180_000 }, () => {
  it('5,000 sessions with a day of history: the welcome is small and the histories come in frames of at most 1 MiB', async () => {
    const { socketPath, historyBytes } = await daemonWith(5_000, true);
    expect(historyBytes).toBeGreaterThan(20 * MiB);
    const client = await openRawDaemonClient(socketPath, 'security-charts');
    try {
      const welcome = JSON.parse(client.welcome);
      expect(welcome.protocol).toBe(PROTOCOL_VERSION);
      expect(Object.keys(welcome.snapshot.sessions)).toHaveLength(5_000);
      expect(welcome.snapshot.usage).toEqual({});
      expect(Buffer.byteLength(client.welcome)).toBeLessThan(8 * MiB);

      const ids = Object.keys(welcome.snapshot.sessions);
      const got = new Map<string, { tiers: Array<{ t: number[] }> }>();
      let largest = 0;
      let responses = 0;
      for (let i = 0; i < ids.length; i += 1000) {
        let ask = ids.slice(i, i + 1000);
        let stats = i === 0;
        while (ask.length > 0) {
          const { text, frame } = await client.call('history', { ids: ask, stats });
          expect(frame.ok, text.slice(0, 300)).toBe(true);
          largest = Math.max(largest, Buffer.byteLength(text));
          responses++;
          if (stats) expect(frame.result.statsHistory.tiers[0].t.length).toBeGreaterThan(0);
          expect(frame.result.unknown).toEqual([]);
          for (const [id, history] of Object.entries(frame.result.usage)) got.set(id, history as { tiers: Array<{ t: number[] }> });
          ask = frame.result.rest;
          stats = false;
        }
      }
      expect(largest).toBeLessThanOrEqual(MiB + 64 * 1024);
      expect(responses).toBeGreaterThan(10);
      expect(got.size).toBe(5_000);
      for (const history of got.values()) expect(history.tiers.reduce((n, tier) => n + tier.t.length, 0)).toBeGreaterThan(500);
    } finally {
      await client.close();
    }
  });

  it('drops a client that stops reading once about 8 MiB wait for it, and says which client in the log', async () => {
    const { socketPath } = await daemonWith(2_000, false);
    const reader = await openRawDaemonClient(socketPath, 'security-reader');
    const snapshotBytes = Buffer.byteLength((await reader.call('snapshot')).text);
    await reader.close();
    expect(snapshotBytes).toBeGreaterThan(MiB / 2);

    const protocol = JSON.parse(reader.welcome).protocol as number;
    const ws = new WebSocket(socketUrl(socketPath), { perMessageDeflate: false, maxPayload: 64 * MiB });
    let received = 0;
    ws.on('message', (data: Buffer) => (received += data.length));
    ws.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const welcomed = new Promise<void>((resolve) => ws.once('message', () => resolve()));
    ws.send(JSON.stringify({ type: 'hello', protocol, client: 'security-never-reads' }));
    await welcomed;
    // Stop reading: what the daemon sends from now on piles up on its side.
    (ws as unknown as { _socket: Socket })._socket.pause();
    const requests = Math.ceil((40 * MiB) / snapshotBytes);
    for (let i = 0; i < requests; i++) ws.send(JSON.stringify({ type: 'request', id: `s${i}`, method: 'snapshot' }));

    const log = await waitForLog(/dropping a websocket client that does not read its frames.*security-never-reads/, 30_000);
    expect(log).toMatch(/unsentBytes=\d+/);
    (ws as unknown as { _socket: Socket })._socket.resume();
    await closed;
    // What reached the client: the welcome, at most ~8 MiB of backlog plus the frame that crossed it, and socket buffers.
    expect(received).toBeLessThan(8 * MiB + 2 * snapshotBytes + 2 * MiB);
    expect(received).toBeLessThan((requests * snapshotBytes) / 2);
    // The daemon serves others as before.
    const after = await openRawDaemonClient(socketPath, 'security-after');
    expect((await after.call('context')).frame.ok).toBe(true);
    await after.close();
  });
});
