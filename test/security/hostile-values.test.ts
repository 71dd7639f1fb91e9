// Values from a hostile Skaha that used to stop the daemon: ids that are Object.prototype members,
// huge names and ids, and ids that turn into collection URLs.
import { afterEach, describe, expect, it } from 'vitest';
import { assertBuilt, pollUntil } from '../cli/spawn-cli.js';
import { TestClient } from '../helpers/ws-client.js';
import { securityHome, skahaTui, startDaemonProcess, stateFiles, writeDaemonConfig, type DaemonProcess, type SecurityHome } from './daemon-process.js';
import { startHostileSkaha, wireSession, type HostileSkaha } from './hostile-skaha.js';

let skaha: HostileSkaha | undefined;
let home: SecurityHome | undefined;
let daemon: DaemonProcess | undefined;
let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  await daemon?.stop();
  await skaha?.close();
  home?.cleanup();
  client = daemon = skaha = home = undefined;
});

const FAST = { polling: { fastMs: 500, normalMs: 1000, slowMs: 1000 } };

async function start(sessions: Array<Record<string, unknown>>): Promise<void> {
  assertBuilt();
  skaha = await startHostileSkaha();
  skaha.sessions = sessions;
  home = securityHome(skaha);
  writeDaemonConfig(home, FAST);
  daemon = await startDaemonProcess(home, home.env());
}

type Listed = { id: string; name: string; status: string };

async function ps(): Promise<Listed[] | undefined> {
  const result = await skahaTui(['ps', '--json', '--all'], home!.env());
  return result.code === 0 ? (JSON.parse(result.stdout) as Listed[]) : undefined;
}

const byFirst = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Waits until `ps --json` (through the daemon) lists exactly `want` (id → name). */
async function listed(want: Record<string, string>, what: string): Promise<Listed[]> {
  const expected = JSON.stringify(Object.entries(want).sort(byFirst));
  let last: Listed[] | undefined;
  try {
    return await pollUntil(
      async () => {
        last = await ps();
        const got = JSON.stringify((last ?? []).map((s): [string, string] => [s.id, s.name]).sort(byFirst));
        return got === expected ? last : undefined;
      },
      what,
      60,
      250,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; last ps: ${JSON.stringify(last)?.slice(0, 500)}\n${daemon!.output().slice(-2000)}`);
  }
}

async function restart(): Promise<void> {
  expect(await daemon!.stop()).toMatchObject({ code: 0 });
  daemon = await startDaemonProcess(home!, home!.env());
}

describe('no value from the server stops the daemon', { timeout: 90_000 }, () => {
  it('session ids __proto__, constructor and hasOwnProperty are ordinary sessions: every poll lands, the cache and restarts keep them', async () => {
    const ids = ['abcd1234', '__proto__', 'constructor', 'hasOwnProperty'];
    await start(ids.map((id) => wireSession({ id, name: `first-${id}` })));
    await listed(Object.fromEntries(ids.map((id) => [id, `first-${id}`])), 'the first poll');
    // The state moves on: a later poll with every session renamed lands too.
    skaha!.sessions = ids.map((id) => wireSession({ id, name: `second-${id}` }));
    await listed(Object.fromEntries(ids.map((id) => [id, `second-${id}`])), 'a later poll');
    // The daemon's own state holds them (ps could also have read Skaha directly).
    client = await TestClient.open({ target: `${home!.runtimeDir}/daemon.sock` });
    const state = await client.waitForState((s) => ids.every((id) => Object.hasOwn(s.sessions, id) && s.sessions[id].name === `second-${id}`), 5_000);
    expect(Object.keys(state.sessions).sort()).toEqual([...ids].sort());
    expect(state.health.lastError).toBeNull();
    await client.close();
    client = undefined;
    for (const id of ['constructor', '__proto__']) {
      const info = await skahaTui(['info', id, '--json'], home!.env());
      expect(info.code, info.stderr).toBe(0);
      expect(JSON.parse(info.stdout)).toMatchObject([{ id, name: `second-${id}` }]);
    }
    // An id that is an Object.prototype member but no session is unknown, not an inherited function.
    const unknown = await skahaTui(['info', 'toString', '--json', '--no-daemon'], home!.env());
    expect(unknown.code).toBe(1);
    expect(daemon!.output() + daemon!.log()).not.toMatch(/is not a function|processing a session poll failed|not usable/);
    await restart();
    expect(stateFiles(home!).filter((f) => f.includes('corrupt'))).toEqual([]);
    expect(stateFiles(home!)).toEqual(expect.arrayContaining(['state.json', 'history.bin']));
    expect(daemon!.output() + daemon!.log()).not.toMatch(/not usable|is not a function/);
    skaha!.sessions = ids.map((id) => wireSession({ id, name: `third-${id}` }));
    await listed(Object.fromEntries(ids.map((id) => [id, `third-${id}`])), 'a poll after the restart');
  });

  it('a 300-character name is shortened with an ellipsis and a 70,000-character id is dropped with a warning: clients, the state file and the history file keep working', async () => {
    const huge = 'h'.repeat(70_000);
    await start([
      wireSession({ id: 'abcd1234', name: 'n'.repeat(300) }),
      wireSession({ id: huge, name: 'huge' }),
      wireSession({ id: 'efgh5678', name: 'plain' }),
    ]);
    const sessions = await pollUntil(
      async () => {
        const list = await ps();
        return list && list.length === 2 ? list : undefined;
      },
      'ps to list the two sessions with valid ids',
      60,
      250,
    );
    const long = sessions.find((s) => s.id === 'abcd1234')!;
    expect(long.name.length).toBeLessThanOrEqual(128);
    expect(long.name).toMatch(/^n+…$/);
    expect(sessions.map((s) => s.id).sort()).toEqual(['abcd1234', 'efgh5678']);
    // A welcome (a websocket client of its own) is accepted too.
    client = await TestClient.open({ target: `${home!.runtimeDir}/daemon.sock` });
    expect(client.frames[0]).toMatchObject({ type: 'welcome' });
    await client.close();
    client = undefined;
    const logged = daemon!.output() + daemon!.log();
    expect(logged).toMatch(/skipped 1 sessions .*id rule/);
    expect(logged).not.toContain('h'.repeat(200));
    await restart();
    expect(stateFiles(home!).filter((f) => f.includes('corrupt'))).toEqual([]);
    expect(stateFiles(home!)).toEqual(expect.arrayContaining(['state.json', 'history.bin']));
    expect(daemon!.output() + daemon!.log()).not.toMatch(/not usable|history file write failed/);
    expect((await ps())?.map((s) => s.id).sort()).toEqual(['abcd1234', 'efgh5678']);
  });

  it('ids ".", ".." and "../x" are dropped from listings and refused before any request, by the CLI (exit 2) and by the daemon', async () => {
    await start([wireSession({ id: 'abcd1234', name: 'real' }), ...['.', '..', '../x'].map((id) => wireSession({ id, name: `bad${id}` }))]);
    await listed({ abcd1234: 'real' }, 'ps without the bad ids');
    const before = skaha!.requestLines().length;
    for (const args of [
      ['delete', '--force', '.'],
      ['renew', '.'],
      ['logs', '.'],
      ['logs', '..'],
      ['events', '../x'],
      ['info', '..'],
      ['open', '.'],
    ]) {
      for (const mode of [[], ['--no-daemon']]) {
        const result = await skahaTui([...args, ...mode], home!.env());
        expect(result.code, `${args.join(' ')} ${mode.join(' ')}: ${result.stderr}`).toBe(2);
        expect(result.stderr).toMatch(/not a session id/);
      }
    }
    client = await TestClient.open({ target: `${home!.runtimeDir}/daemon.sock` });
    const deleted = await client.call('delete', { ids: ['.', '..', '../x'] });
    expect(deleted.results).toEqual(['.', '..', '../x'].map((id) => ({ id, ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR' }) })));
    const renewed = await client.call('renew', { ids: ['..'] });
    expect(renewed.results).toMatchObject([{ id: '..', ok: false, error: { code: 'VALIDATION_ERROR' } }]);
    await expect(client.call('events', { sessionId: '.' })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(client.call('logs.subscribe', { sessionId: '..' })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    const made = skaha!.requestLines().slice(before);
    // Only the daemon's own polls: no DELETE, no POST, nothing under /session/ and no log or event view of the collection.
    expect(made.filter((line) => /^(DELETE|POST) /.test(line) || /\/session\/|view=(logs|events)/.test(line))).toEqual([]);
  });
});
