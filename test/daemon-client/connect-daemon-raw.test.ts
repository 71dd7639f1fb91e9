// connectDaemon against bare websocket servers that misbehave in ways the fake daemon does not.
import { PROTOCOL_VERSION } from '../../src/protocol/version.js';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectDaemon } from '../../src/daemon-client/connect-daemon.js';
import type { DaemonConnection } from '../../src/daemon-client/daemon-connection.js';
import { initialState } from '../../src/state/state.js';
import { listenExclusive } from '../../daemon/instance/socket-lock.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { rejectionOf } from '../helpers/rejection.js';
import { shortTempDir, waitUntil } from './socket-helpers.js';

let tmp: ReturnType<typeof shortTempDir>;
let socketPath: string;
let conn: DaemonConnection | null;

beforeEach(() => {
  tmp = shortTempDir();
  socketPath = join(tmp.dir, 'd.sock');
  conn = null;
});

afterEach(() => tmp.cleanup());

describe('connectDaemon against misbehaving servers', () => {
  it('times out with DAEMON_UNAVAILABLE when a socket accepts but never welcomes', async () => {
    const server = createServer();
    const wss = new WebSocketServer({ server });
    wss.on('connection', (ws) => ws.on('error', () => undefined));
    await listenExclusive(server, socketPath);
    const clock = new FakeClock();
    try {
      const pending = rejectionOf(connectDaemon({ socketPath, clientName: 't', clock, requestTimeoutMs: 3_000 }));
      await waitUntil(() => wss.clients.size === 1, 'the connection');
      await new Promise((r) => setTimeout(r, 20));
      clock.advance(3_000);
      const error = await pending;
      expect(error.code).toBe('DAEMON_UNAVAILABLE');
      expect(error.message).toContain('did not answer hello');
    } finally {
      wss.close();
      await new Promise((r) => server.close(r));
    }
  });

  it('refuses garbage before the welcome with DAEMON_PROTOCOL_ERROR', async () => {
    const server = createServer();
    const wss = new WebSocketServer({ server });
    wss.on('connection', (ws) => ws.send('{"type":"welcome","protocol":2}'));
    await listenExclusive(server, socketPath);
    try {
      const error = await rejectionOf(connectDaemon({ socketPath, clientName: 't' }));
      expect(error.code).toBe('DAEMON_PROTOCOL_ERROR');
      expect(error.message).toContain('invalid frame');
    } finally {
      wss.close();
      await new Promise((r) => server.close(r));
    }
  });

  it('sends the bearer token over TCP and explains a 401', async () => {
    const server = createServer();
    const wss = new WebSocketServer({
      server,
      verifyClient: (info, cb) => (info.req.headers.authorization === 'Bearer right' ? cb(true) : cb(false, 401)),
    });
    wss.on('connection', (ws) =>
      ws.on('message', () =>
        ws.send(JSON.stringify({ type: 'welcome', protocol: PROTOCOL_VERSION, daemonVersion: 'tcp', identity: null, snapshot: initialState() })),
      ),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const wrong = await rejectionOf(connectDaemon({ tcp: { host: '127.0.0.1', port, token: 'not-the-token-x7' }, clientName: 't' }));
      expect(wrong.code).toBe('DAEMON_UNAVAILABLE');
      expect(wrong.message).toContain('HTTP 401');
      expect(wrong.message).not.toContain('not-the-token-x7');
      conn = await connectDaemon({ tcp: { host: '127.0.0.1', port, token: 'right' }, clientName: 't' });
      expect(conn.daemonVersion).toBe('tcp');
    } finally {
      await conn?.close();
      conn = null;
      wss.close();
      await new Promise((r) => server.close(r));
    }
  });
});
