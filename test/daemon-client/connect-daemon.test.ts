import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { connectDaemon } from '../../src/daemon-client/connect-daemon.js';
import type { DaemonConnection } from '../../src/daemon-client/daemon-connection.js';
import { initialState } from '../../src/state/state.js';
import { byId, makeSession } from '../state/builders.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { rejectionOf } from '../helpers/rejection.js';
import { NO_ANSWER, startFakeDaemon, type FakeDaemon } from './fake-daemon.js';
import { makeStaleSocket, shortTempDir, waitUntil } from './socket-helpers.js';
import { PROTOCOL_VERSION } from '../../src/protocol/version.js';

let tmp: ReturnType<typeof shortTempDir>;
let socketPath: string;
let fake: FakeDaemon | null;
let conn: DaemonConnection | null;

beforeEach(() => {
  tmp = shortTempDir();
  socketPath = join(tmp.dir, 'd.sock');
  fake = null;
  conn = null;
});

afterEach(async () => {
  await conn?.close();
  await fake?.close();
  tmp.cleanup();
});

const withSession = () => ({ ...initialState(), sessions: byId(makeSession({ id: 'aaaa1111' })) });

describe('connectDaemon', () => {
  it('sends hello and resolves on welcome with the mirrored state', async () => {
    fake = await startFakeDaemon({ socketPath, state: withSession(), daemonVersion: '9.9.9' });
    conn = await connectDaemon({ socketPath, clientName: 'test ps' });
    expect(fake.hellos).toEqual(['test ps']);
    expect(conn.status.state).toBe('connected');
    expect(conn.daemonVersion).toBe('9.9.9');
    expect(Object.keys(conn.state!.sessions)).toEqual(['aaaa1111']);
  });

  it('applies state:patch events and replaces the state on state:snapshot', async () => {
    fake = await startFakeDaemon({ socketPath });
    conn = await connectDaemon({ socketPath, clientName: 't' });
    const reasons: string[] = [];
    const topics: string[] = [];
    conn.subscribe({ onState: (_s, reason) => reasons.push(reason), onEvent: (topic) => topics.push(topic) });

    const next = withSession();
    fake.setState({ ...next, lastPollAt: 1234 });
    await waitUntil(() => reasons.length === 1, 'the patch');
    expect(reasons).toEqual(['patch']);
    expect(conn.state!.sessions.aaaa1111.name).toBe('nb-aaaa1111');
    expect(conn.state!.lastPollAt).toBe(1234);

    fake.state = initialState();
    fake.sendSnapshot();
    await waitUntil(() => reasons.length === 2, 'the snapshot');
    expect(reasons[1]).toBe('snapshot');
    expect(conn.state!.sessions).toEqual({});
    expect(topics).toEqual(['state:patch', 'state:snapshot']);
  });

  it('passes other events to listeners with their data', async () => {
    fake = await startFakeDaemon({ socketPath });
    conn = await connectDaemon({ socketPath, clientName: 't' });
    const seen: unknown[] = [];
    conn.subscribe({ onEvent: (topic, data) => seen.push([topic, data]) });
    fake.emit('warning', { code: 'CONFIG_ERROR', message: 'bad config' });
    await waitUntil(() => seen.length === 1, 'the warning');
    expect(seen[0]).toEqual(['warning', { code: 'CONFIG_ERROR', message: 'bad config' }]);
  });

  it('matches concurrent requests to their responses by id', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((r) => (release = r));
    fake = await startFakeDaemon({
      socketPath,
      handlers: { refresh: async () => (await slow, { polledAt: 1 }), context: () => ({ marker: 'context' }) },
    });
    conn = await connectDaemon({ socketPath, clientName: 't' });
    const refresh = conn.request('refresh', {});
    const context = await conn.request('context', {});
    release();
    expect(context).toEqual({ marker: 'context' });
    expect(await refresh).toEqual({ polledAt: 1 });
    expect(fake.requests.map((r) => [r.id, r.method])).toEqual([
      ['1', 'refresh'],
      ['2', 'context'],
    ]);
  });

  it('rejects with the daemon error code and status', async () => {
    fake = await startFakeDaemon({
      socketPath,
      handlers: {
        delete: () => {
          throw new AppError('SKAHA_NOT_FOUND', 'GET http://x/session/zz: 404 not found', { status: 404 });
        },
      },
    });
    conn = await connectDaemon({ socketPath, clientName: 't' });
    const error = await rejectionOf(conn.request('delete', { ids: ['zz'] }));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('SKAHA_NOT_FOUND');
    expect(error.status).toBe(404);
    expect(error.message).toContain('404 not found');
  });

  it('rejects with TIMEOUT when the daemon never answers', async () => {
    const clock = new FakeClock();
    fake = await startFakeDaemon({ socketPath, handlers: { images: () => NO_ANSWER } });
    conn = await connectDaemon({ socketPath, clientName: 't', clock, requestTimeoutMs: 5_000 });
    const pending = rejectionOf(conn.request('images', {}));
    await fake.nextRequest('images');
    clock.advance(4_999);
    clock.advance(1);
    const error = await pending;
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('images');
    // A per-request timeout overrides the default.
    const short = rejectionOf(conn.request('images', {}, { timeoutMs: 100 }));
    await fake.nextRequest('images');
    clock.advance(100);
    expect((await short).code).toBe('TIMEOUT');
  });

  it('fails fast with DAEMON_UNAVAILABLE when there is no socket', async () => {
    const started = Date.now();
    const error = await rejectionOf(connectDaemon({ socketPath, clientName: 't' }));
    expect(error.code).toBe('DAEMON_UNAVAILABLE');
    expect(error.message).toContain(socketPath);
    expect(error.message).toContain('skaha-tui daemon start');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('fails with DAEMON_UNAVAILABLE naming a stale socket', async () => {
    await makeStaleSocket(socketPath);
    const error = await rejectionOf(connectDaemon({ socketPath, clientName: 't' }));
    expect(error.code).toBe('DAEMON_UNAVAILABLE');
    expect(error.message).toContain('stale socket');
  });

  it('reports a refused hello (4001) as DAEMON_PROTOCOL_ERROR telling to restart the daemon', async () => {
    fake = await startFakeDaemon({ socketPath, protocol: 99 });
    const error = await rejectionOf(connectDaemon({ socketPath, clientName: 't' }));
    expect(error.code).toBe('DAEMON_PROTOCOL_ERROR');
    expect(error.message).toContain('skaha-tui daemon restart');
    expect(error.message).toContain(`protocol ${PROTOCOL_VERSION}`);
  });

  it('adds the restart hint to a version refusal that lacks one', async () => {
    fake = await startFakeDaemon({ socketPath, protocol: PROTOCOL_VERSION + 1, refusedMessage: 'wrong protocol' });
    const error = await rejectionOf(connectDaemon({ socketPath, clientName: 't' }));
    expect(error.code).toBe('DAEMON_PROTOCOL_ERROR');
    expect(error.message).toBe('wrong protocol — restart the daemon (skaha-tui daemon restart)');
  });

  it('rejects pending requests with DAEMON_UNAVAILABLE when the daemon goes away, and later ones too', async () => {
    fake = await startFakeDaemon({ socketPath, handlers: { context: () => NO_ANSWER } });
    conn = await connectDaemon({ socketPath, clientName: 't' });
    const statuses: string[] = [];
    conn.subscribe({ onStatus: (s) => statuses.push(s.state) });
    const pending = rejectionOf(conn.request('context', {}));
    await fake.nextRequest('context');
    await fake.kill();
    fake = null;
    const error = await pending;
    expect(error.code).toBe('DAEMON_UNAVAILABLE');
    expect(statuses).toEqual(['disconnected']);
    expect(conn.status.lastError?.code).toBe('DAEMON_UNAVAILABLE');
    expect((await rejectionOf(conn.request('refresh', {}))).code).toBe('DAEMON_UNAVAILABLE');
  });

  it('says the daemon is shutting down on a 1001 close', async () => {
    fake = await startFakeDaemon({ socketPath });
    conn = await connectDaemon({ socketPath, clientName: 't' });
    await fake.close();
    fake = null;
    await waitUntil(() => conn!.status.state === 'disconnected', 'the close');
    expect(conn.status.lastError?.message).toContain('shutting down');
  });
});
