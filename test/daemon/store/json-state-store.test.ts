import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonStateStore, serialiseState } from '../../../daemon/store/json-state-store.js';
import { reduce, reduceAll } from '../../../src/state/reduce.js';
import { initialState, STATE_SCHEMA_VERSION, type DaemonState } from '../../../src/state/state.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { makeSession, T0 } from '../../state/builders.js';

let dir: string;
let file: string;
let clock: FakeClock;
const stores: JsonStateStore[] = [];

function open(path = file, minIntervalMs?: number): JsonStateStore {
  const store = new JsonStateStore(path, { clock, minIntervalMs });
  stores.push(store);
  return store;
}

function polled(n: number, at = T0): DaemonState {
  return reduce(initialState(), { type: 'poll.succeeded', sessions: Array.from({ length: n }, (_, i) => makeSession({ id: `s${i}` })), at });
}

const onDisk = () => JSON.parse(readFileSync(file, 'utf8')) as DaemonState;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skaha-store-'));
  file = join(dir, 'state', 'state.json');
  clock = new FakeClock(T0);
});

afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('JsonStateStore', () => {
  it('starts fresh when the file is missing, then round-trips a state through a real file', async () => {
    const store = open();
    const first = await store.load();
    expect(first).toEqual({ state: initialState(), warning: null, movedTo: null, migratedFrom: null });
    const state = polled(3);
    store.save(state);
    await store.close();
    const again = await open().load();
    expect(again.warning).toBeNull();
    expect(again.state).toEqual(state);
    expect(again.migratedFrom).toBe(STATE_SCHEMA_VERSION);
  });

  it('writes only when the serialised state changed', async () => {
    const store = open();
    await store.load();
    store.save(polled(2));
    await store.flush();
    store.save(polled(2)); // equal by value, a new object
    clock.advance(5000);
    await store.flush();
    expect(store.writes).toBe(1);
    store.save(polled(3));
    await store.flush();
    expect(store.writes).toBe(2);
  });

  it('writes at most once a second, coalescing saves; the last state wins', async () => {
    const store = open();
    await store.load();
    store.save(polled(1));
    await store.idle();
    expect(store.writes).toBe(1);
    for (let n = 2; n <= 4; n++) {
      clock.advance(100);
      store.save(polled(n));
    }
    expect(store.writes).toBe(1);
    expect(Object.keys(onDisk().sessions)).toHaveLength(1);
    clock.advance(700);
    await store.idle();
    expect(store.writes).toBe(2);
    expect(Object.keys(onDisk().sessions)).toHaveLength(4);
  });

  it('over 10 s of saves every 100 ms makes at most 11 writes', async () => {
    const store = open();
    await store.load();
    for (let i = 1; i <= 100; i++) {
      store.save(polled(1 + (i % 7), T0 + i));
      clock.advance(100);
      await store.idle();
    }
    await store.flush();
    expect(store.writes).toBeLessThanOrEqual(11);
    expect(store.writes).toBeGreaterThanOrEqual(9);
    expect(onDisk()).toEqual(JSON.parse(serialiseState(polled(1 + (100 % 7), T0 + 100))));
  });

  it('flush writes the pending state at once (shutdown)', async () => {
    const store = open();
    await store.load();
    store.save(polled(1));
    await store.idle();
    store.save(polled(5));
    // The state write and the (5-minute) history write are both waiting.
    expect(clock.pending()).toBe(2);
    await store.flush();
    expect(clock.pending()).toBe(1);
    expect(Object.keys(onDisk().sessions)).toHaveLength(5);
  });

  it.each([
    ['corrupt JSON', '{"schemaVersion":1,', /not valid JSON/],
    ['an empty file', '', /it is empty/],
    ['a JSON array', '[1,2]', /does not hold a JSON object/],
    ['a bad shape', '{"schemaVersion":1,"sessions":[]}', /state.sessions must be an object/],
    ['a newer schema', '{"schemaVersion":99}', /written by a newer skaha-tui \(schema 99/],
  ])('moves %s aside and starts clean with a warning', async (_, content, reason) => {
    mkdirSync(join(dir, 'state'), { recursive: true });
    writeFileSync(file, content);
    const store = open();
    const result = await store.load();
    expect(result.state).toEqual(initialState());
    expect(result.warning).toMatch(reason);
    expect(result.warning).toMatch(/starting with a clean state/);
    expect(result.movedTo).toBe(`${file}.corrupt-2026-11-22T12-00-00.000Z`);
    expect(readFileSync(result.movedTo!, 'utf8')).toBe(content);
    expect(existsSync(file)).toBe(false);
    store.save(polled(1));
    await store.flush();
    expect((await (await reopen(store)).load()).warning).toBeNull();
  });

  it('never overwrites an earlier moved-aside file, and moves an unreadable path (a directory) too', async () => {
    mkdirSync(file, { recursive: true });
    writeFileSync(`${file}.corrupt-2026-11-22T12-00-00.000Z`, 'older');
    const result = await open().load();
    expect(result.warning).toMatch(/could not be read/);
    expect(result.movedTo).toBe(`${file}.corrupt-2026-11-22T12-00-00.000Z-1`);
    expect(readFileSync(`${file}.corrupt-2026-11-22T12-00-00.000Z`, 'utf8')).toBe('older');
  });

  it('migrates a v0 file and rewrites it as the current schema', async () => {
    mkdirSync(join(dir, 'state'), { recursive: true });
    const v0 = { sessions: [makeSession({ id: 'old1' })], lastPoll: '2026-11-22T11:00:00Z', notified: ['status:old1:Running'] };
    writeFileSync(file, JSON.stringify(v0));
    const store = open();
    const result = await store.load();
    expect(result.migratedFrom).toBe(0);
    expect(result.warning).toBeNull();
    expect(Object.keys(result.state.sessions)).toEqual(['old1']);
    expect(result.state.lastPollAt).toBe(Date.parse('2026-11-22T11:00:00Z'));
    expect(result.state.emitted).toEqual({ 'status:old1:Running': T0 });
    store.save(result.state);
    await store.flush();
    expect(store.writes).toBe(1);
    expect(onDisk().schemaVersion).toBe(STATE_SCHEMA_VERSION);
  });

  it('migrates a v2 file: insights and the wait history start empty, everything else is kept', async () => {
    mkdirSync(join(dir, 'state'), { recursive: true });
    const { insights: _i, waits: _w, usage: _u, statsHistory: _s, ...v3 } = initialState();
    const v2 = { ...v3, schemaVersion: 2, sessions: { s1: makeSession({ id: 's1' }) }, lastPollAt: T0 };
    writeFileSync(file, JSON.stringify(v2));
    const result = await open().load();
    expect(result).toMatchObject({ migratedFrom: 2, warning: null });
    expect(result.state).toMatchObject({ schemaVersion: STATE_SCHEMA_VERSION, insights: {}, waits: [], lastPollAt: T0 });
    expect(Object.getPrototypeOf(result.state.insights)).toBeNull();
    expect(Object.keys(result.state.sessions)).toEqual(['s1']);
  });

  it('never persists a registry secret or a secret-looking env value', async () => {
    const store = open();
    await store.load();
    let state = reduceAll(initialState(), [
      {
        type: 'launch.requested',
        launchId: 'L1',
        request: {
          name: 'priv',
          image: 'reg.example/p:1',
          kind: 'headless',
          env: ['API_TOKEN=tok-ABC-123'],
          registryAuth: { username: 'bob', secret: 'hunter2-REGISTRY' },
        },
        at: T0,
      },
    ]);
    // Even a state that bypassed the reducer must not bring the secret to disk.
    state = {
      ...state,
      launches: [
        ...state.launches,
        {
          id: 'L2',
          at: T0,
          results: null,
          error: null,
          request: { name: 'x', image: 'y', kind: 'headless', registryAuth: { username: 'bob', secret: 'raw-SECRET-2' } } as never,
        },
      ],
    };
    store.save(state);
    await store.flush();
    const text = readFileSync(file, 'utf8');
    for (const secret of ['hunter2-REGISTRY', 'raw-SECRET-2', 'tok-ABC-123', '"secret"']) expect(text).not.toContain(secret);
    expect(text).toContain('"registryAuthUsed":true');
  });

  it('allows one store per file per process', async () => {
    const store = open();
    expect(() => open()).toThrow(/already open in this process/);
    await store.close();
    expect(() => open()).not.toThrow();
  });

  it('reports a failed write on flush and retries it once the directory is back', async () => {
    const store = open();
    await store.load();
    rmSync(join(dir, 'state'), { recursive: true });
    store.save(polled(2));
    await expect(store.flush()).rejects.toMatchObject({ code: 'STORE_ERROR' });
    mkdirSync(join(dir, 'state'));
    await store.flush();
    expect(Object.keys(onDisk().sessions)).toHaveLength(2);
    expect(readdirSync(join(dir, 'state'))).toEqual(['state.json']);
  });
});

describe('JsonStateStore histories and live fields', () => {
  const historyFile = () => join(dir, 'state', 'history.bin');

  function withHistory(polls: number): DaemonState {
    let s = initialState();
    const sessions = [makeSession({ id: 'a' }), makeSession({ id: 'b' })];
    for (let i = 0; i < polls; i++) s = reduce(s, { type: 'poll.succeeded', sessions, at: T0 + i * 15_000 });
    return reduce(s, {
      type: 'stats.succeeded',
      stats: { cpu: { allocated: 1, capacity: 8, maxPerSession: 4 }, ramGB: { allocated: 2, capacity: 32, maxPerSession: 16 } },
      at: T0,
    });
  }

  it('keeps the histories out of the state file, in their own file, and brings both back', async () => {
    const store = open();
    await store.load();
    const state = withHistory(300);
    store.save(state);
    await store.close();
    expect(onDisk()).not.toHaveProperty('usage');
    expect(onDisk()).not.toHaveProperty('statsHistory');
    expect(readFileSync(historyFile()).subarray(0, 4).toString()).toBe('SKTH');
    const again = await open().load();
    expect(again.warning).toBeNull();
    expect(again.state).toEqual(state);
    expect(again.state.usage.a.size).toBe(state.usage.a.size);
  });

  it('writes a change of live fields only (a poll) after 30 s, a lasting one (a launch) within a second', async () => {
    const store = open();
    await store.load();
    let state = withHistory(1);
    store.save(state);
    await store.flush();
    const written = store.writes;
    state = reduce(state, { type: 'poll.succeeded', sessions: [makeSession({ id: 'a', status: 'Terminating' })], at: T0 + 60_000 });
    store.save(state);
    clock.advance(29_000);
    await store.idle();
    expect(store.writes).toBe(written);
    clock.advance(1000);
    await store.idle();
    expect(store.writes).toBe(written + 1);
    expect(onDisk().sessions.a.status).toBe('Terminating');
    state = reduce(state, { type: 'launch.requested', launchId: 'L1', request: { name: 'n', image: 'i', kind: 'notebook' }, at: T0 + 61_000 });
    clock.advance(1000);
    store.save(state);
    await store.idle();
    expect(store.writes).toBe(written + 2);
    expect(onDisk().launches).toHaveLength(1);
  });

  it('lets idle spells starting and ending wait like live fields, but writes a Pending reason within a second', async () => {
    const store = open();
    await store.load();
    const idleCpu = { requested: 2, used: 0.01 };
    let state = polled(2);
    store.save(state);
    await store.flush();
    const written = store.writes;
    // One session's use drops under the idle threshold (a spell starts), then the other's (one more starts, the first ends).
    state = reduce(state, { type: 'poll.succeeded', sessions: [makeSession({ id: 's0', cpu: idleCpu }), makeSession({ id: 's1' })], at: T0 + 1000 });
    expect(state.insights.s0.idle).not.toBeNull();
    store.save(state);
    clock.advance(2000);
    state = reduce(state, { type: 'poll.succeeded', sessions: [makeSession({ id: 's0' }), makeSession({ id: 's1', cpu: idleCpu })], at: T0 + 3000 });
    expect(Object.keys(state.insights)).toEqual(['s1']);
    store.save(state);
    clock.advance(2000);
    await store.idle();
    expect(store.writes).toBe(written);
    // A session going back to Pending gets a reason: lasting (its wait is measured from it).
    state = reduce(state, {
      type: 'poll.succeeded',
      sessions: [makeSession({ id: 's0', status: 'Pending' }), makeSession({ id: 's1', cpu: idleCpu })],
      at: T0 + 5000,
    });
    store.save(state);
    clock.advance(1000);
    await store.idle();
    expect(store.writes).toBe(written + 1);
    expect(onDisk().insights.s0.pending).not.toBeNull();
  });

  it('migrates a v1 file that held its histories, keeping them', async () => {
    mkdirSync(join(dir, 'state'), { recursive: true });
    const state = withHistory(400);
    const v1 = {
      ...JSON.parse(serialiseState(state)),
      schemaVersion: 1,
      usage: { a: state.usage.a.tierPoints(), b: state.usage.b.tierPoints() },
      statsHistory: state.statsHistory.tierPoints(),
    };
    writeFileSync(file, JSON.stringify(v1));
    const result = await open().load();
    expect(result.warning).toBeNull();
    expect(result.migratedFrom).toBe(1);
    // Its histories are kept, and the usage accounts (which it could not hold) start from them.
    expect({ ...result.state, accounts: {} }).toEqual({ ...state, accounts: {} });
    expect(Object.keys(result.state.accounts).sort()).toEqual(Object.keys(state.usage).sort());
  });
});

async function reopen(store: JsonStateStore): Promise<JsonStateStore> {
  await store.close();
  return open();
}

describe('JsonStateStore at shutdown', () => {
  it('still makes the history file its last write when the state write fails, and leaves no timer behind', async () => {
    const store = open();
    await store.load();
    // A folder where the state's temp file goes makes its write fail, even for root.
    mkdirSync(join(dir, 'state', `state.json.tmp-${process.pid}`));
    store.save(reduce(polled(3), { type: 'launch.requested', launchId: 'L1', request: { name: 'n', image: 'i', kind: 'notebook' }, at: T0 }));
    await expect(store.close()).rejects.toMatchObject({ code: 'STORE_ERROR' });
    expect(clock.pending()).toBe(0);
    expect(existsSync(join(dir, 'state', 'history.bin'))).toBe(true);
    store.save(polled(4));
    expect(clock.pending()).toBe(0);
  });
});
