import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/daemon-client/backoff.js';
import type { ConnectionStatus, DaemonConnection } from '../../src/daemon-client/daemon-connection.js';
import { createResilientConnection } from '../../src/daemon-client/resilient-connection.js';
import { initialState } from '../../src/state/state.js';
import { byId, makeSession } from '../state/builders.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { rejectionOf } from '../helpers/rejection.js';
import { startFakeDaemon, type FakeDaemon } from './fake-daemon.js';
import { shortTempDir, waitUntil } from './socket-helpers.js';

let tmp: ReturnType<typeof shortTempDir>;
let socketPath: string;
let fake: FakeDaemon | null;
let conn: DaemonConnection | null;
let clock: FakeClock;
let statuses: ConnectionStatus[];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  tmp = shortTempDir();
  socketPath = join(tmp.dir, 'd.sock');
  fake = null;
  conn = null;
  clock = new FakeClock();
  statuses = [];
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});

afterEach(async () => {
  await conn?.close();
  await fake?.close();
  process.off('unhandledRejection', onUnhandled);
  tmp.cleanup();
  expect(unhandled).toEqual([]);
});

const stateWith = (id: string) => ({ ...initialState(), sessions: byId(makeSession({ id })) });
const backoff = { initialMs: 100, maxMs: 1_000, factor: 2, random: () => 0 };

function open(): DaemonConnection {
  const c = createResilientConnection({ socketPath, clientName: 'dash', clock, backoff });
  c.subscribe({ onStatus: (s) => statuses.push(s) });
  return c;
}

/** Waits until the connection settles into `state` after at least `after` status reports. */
async function settle(c: DaemonConnection, state: ConnectionStatus['state'], after = 0): Promise<ConnectionStatus> {
  await waitUntil(() => statuses.length > after && c.status.state === state, `status ${state}`);
  return c.status;
}

describe('createResilientConnection', () => {
  it('reconnects with growing back-off after the daemon dies, keeps the last state, and resyncs on reconnect', async () => {
    fake = await startFakeDaemon({ socketPath, state: stateWith('aaaa1111') });
    conn = open();
    await settle(conn, 'connected');
    expect(Object.keys(conn.state!.sessions)).toEqual(['aaaa1111']);
    const snapshots: string[][] = [];
    conn.subscribe({ onState: (s, reason) => reason === 'snapshot' && snapshots.push(Object.keys(s.sessions)) });

    await fake.kill();
    fake = null;
    let status = await settle(conn, 'disconnected', statuses.length);
    expect(status).toMatchObject({ attempt: 1, nextRetryAt: clock.now() + 100, lastError: { code: 'DAEMON_UNAVAILABLE' } });
    expect(Object.keys(conn.state!.sessions)).toEqual(['aaaa1111']);
    expect((await rejectionOf(conn.request('refresh', {}))).code).toBe('DAEMON_UNAVAILABLE');

    let seen = statuses.length;
    clock.advance(100);
    status = await settle(conn, 'disconnected', seen + 1);
    expect(statuses.slice(seen).map((s) => s.state)).toEqual(['connecting', 'disconnected']);
    expect(status).toMatchObject({ attempt: 2, nextRetryAt: clock.now() + 200 });
    expect(status.lastError?.message).toContain('no skaha-tui daemon is running');

    seen = statuses.length;
    clock.advance(200);
    status = await settle(conn, 'disconnected', seen + 1);
    expect(status).toMatchObject({ attempt: 3, nextRetryAt: clock.now() + 400 });

    fake = await startFakeDaemon({ socketPath, state: stateWith('bbbb2222') });
    seen = statuses.length;
    clock.advance(399);
    expect(statuses.length).toBe(seen);
    clock.advance(1);
    status = await settle(conn, 'connected', seen + 1);
    expect(status).toMatchObject({ attempt: 0, lastError: null, nextRetryAt: null });
    expect(Object.keys(conn.state!.sessions)).toEqual(['bbbb2222']);
    expect(snapshots).toEqual([['bbbb2222']]);
    expect(await conn.request('refresh', {})).toHaveProperty('polledAt');

    fake.setState(stateWith('cccc3333'));
    await waitUntil(() => Object.keys(conn!.state!.sessions).join() === 'cccc3333', 'the patch after reconnect');
  });

  it('keeps trying while no daemon exists, the delay capped, and close() stops it', async () => {
    conn = open();
    await settle(conn, 'disconnected');
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const s = conn.status;
      delays.push(s.nextRetryAt! - clock.now());
      const seen = statuses.length;
      clock.advance(s.nextRetryAt! - clock.now());
      await settle(conn, 'disconnected', seen + 1);
    }
    expect(delays).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(clock.pending()).toBe(1);
    await conn.close();
    expect(clock.pending()).toBe(0);
    const seen = statuses.length;
    clock.advance(10_000);
    expect(statuses.length).toBe(seen);
    conn = null;
  });

  it('runs beforeAttempt first and counts its failure as a failed attempt', async () => {
    let calls = 0;
    conn = createResilientConnection({
      socketPath,
      clientName: 'dash',
      clock,
      backoff,
      beforeAttempt: async () => {
        calls++;
        if (calls === 1) throw new Error('could not start');
        fake ??= await startFakeDaemon({ socketPath });
      },
    });
    conn.subscribe({ onStatus: (s) => statuses.push(s) });
    const status = await settle(conn, 'disconnected');
    expect(status.lastError?.message).toContain('could not start');
    clock.advance(100);
    await settle(conn, 'connected', statuses.length);
    expect(calls).toBe(2);
  });
});

describe('backoffDelay', () => {
  it('grows by the factor up to the cap and takes at most the jitter fraction off', () => {
    expect([1, 2, 3, 10].map((n) => backoffDelay(n, { random: () => 0 }))).toEqual([250, 500, 1_000, 10_000]);
    expect(backoffDelay(1, { random: () => 0.999, jitter: 0.2 })).toBe(200);
    expect(backoffDelay(30, { random: () => 0.5, jitter: 0.2 })).toBe(9_000);
  });
});
