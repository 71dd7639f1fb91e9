// logs --follow and watch: the daemon path, the fallbacks, and how each ends.
import { describe, expect, it } from 'vitest';
import { FakeApi, NOW, run, session } from './cli-harness.js';
import { FakeDaemon, FakeSystem, fakeAccess } from './fake-daemon.js';

const nb = session({ id: 'run00001', name: 'nb', status: 'Running' });
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('logs --follow through the daemon', () => {
  it('prints the history, then appended lines; a later reset is marked on stderr; Ctrl-C unsubscribes and exits 0', async () => {
    const daemon = new FakeDaemon([nb]);
    const system = new FakeSystem();
    daemon.handlers['logs.subscribe'] = (p) => {
      daemon.emit('logs:reset', { sessionId: p.sessionId, lines: [] });
      setImmediate(() => {
        daemon.emit('logs:reset', { sessionId: 'run00001', lines: ['a', 'b'] });
        daemon.emit('logs:append', { sessionId: 'other000', lines: ['not mine'] });
        daemon.emit('logs:append', { sessionId: 'run00001', lines: ['c'] });
        daemon.emit('logs:reset', { sessionId: 'run00001', lines: ['fresh'] });
        void tick().then(() => system.press());
      });
      return { sessionId: p.sessionId, lines: 0 };
    };
    const r = await run(['logs', 'run00001', '-f'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon), system });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('a\nb\nc\nfresh\n');
    expect(r.stderr).toBe('--- the log started over (the container restarted, or the platform cut its start); printing it again ---\n');
    expect(daemon.methods()).toEqual(['logs.subscribe', 'logs.unsubscribe']);
    expect(r.opened).toBe(false);
  });
  it('starts a daemon when none runs, and ends when the session is removed', async () => {
    const started = new FakeDaemon([nb]);
    const access = fakeAccess(null, started);
    started.handlers['logs.subscribe'] = (p) => {
      setImmediate(() => started.emit('session:removed', { type: 'session:removed', key: 'k', at: NOW, session: nb, reason: 'deleted' }));
      return { sessionId: p.sessionId, lines: 0 };
    };
    const r = await run(['logs', '--follow', 'run00001'], new FakeApi(), {}, [], { daemon: access });
    expect(access.starts).toBe(1);
    expect(r).toMatchObject({ code: 0, stderr: 'session run00001 is gone: no more logs.\n' });
  });
  it('refuses an id a fresh, refreshed cache does not hold (exit 1), and exits 1 when the daemon goes away', async () => {
    const daemon = new FakeDaemon([nb]);
    const missing = await run(['logs', '-f', 'zzzz0000'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon) });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('error: no session zzzz0000: it is not one of your sessions (skaha-tui ps --all lists them)\n');
    expect(daemon.methods()).toEqual(['refresh']);
    const dying = new FakeDaemon([nb]);
    dying.handlers['logs.subscribe'] = (p) => {
      setImmediate(() => dying.disconnect());
      return { sessionId: p.sessionId, lines: 0 };
    };
    const lost = await run(['logs', '-f', 'run00001'], new FakeApi(), {}, [], { daemon: fakeAccess(dying) });
    expect(lost).toMatchObject({ code: 1, stderr: 'error: lost the connection to the skaha-tui daemon: the skaha-tui daemon is shutting down\n' });
  });
});

describe('logs --follow without a daemon', () => {
  it('polls Skaha every 2 s when the daemon cannot start, printing only new lines, and a marker on a reset', async () => {
    const api = new FakeApi();
    api.sessions = [nb];
    const system = new FakeSystem();
    const snapshots = ['one\ntw', 'one\ntwo\n', 'one\ntwo\nthree\n', 'restarted\n'];
    api.logs = { text: snapshots[0], truncated: false };
    system.onSleep = (n) => {
      if (n < snapshots.length) api.logs = { text: snapshots[n], truncated: false };
      else system.press();
    };
    const r = await run(['logs', '-f', 'run00001'], api, {}, [], { daemon: fakeAccess(null), system });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('one\ntwo\nthree\nrestarted\n');
    expect(r.stderr).toBe(
      'warning: could not start the skaha-tui daemon (fake); polling Skaha directly every 2 s instead\n' +
        '--- the log started over (the container restarted, or the platform cut its start); printing it again ---\n',
    );
    expect(system.sleeps.every((ms) => ms === 2_000)).toBe(true);
    expect(api.calls.filter((c) => c === 'logs run00001')).toHaveLength(4);
  });
  it("with --no-daemon never tries the daemon; an id that is not one of the user's fails at once (one listing: Skaha answers empty logs for any id)", async () => {
    const api = new FakeApi();
    api.sessions = [nb];
    const access = fakeAccess(new FakeDaemon([nb]));
    const r = await run(['logs', '-f', 'zzzz0000', '--no-daemon'], api, {}, [], { daemon: access });
    expect(r).toMatchObject({ code: 1, stderr: 'error: no session zzzz0000: it is not one of your sessions (skaha-tui ps --all lists them)\n' });
    expect(access.starts).toBe(0);
    expect(api.calls).toEqual(['list {}']);
  });
});

describe('watch', () => {
  const events = (daemon: FakeDaemon) => {
    daemon.emit('session:status-changed', { type: 'session:status-changed', key: 's', at: NOW, session: nb, from: 'Pending', to: 'Running' });
    daemon.emit('state:patch', { fields: { lastPollAt: NOW } });
    daemon.emit('replicas:summary', {
      type: 'replicas:summary',
      key: 'r',
      at: NOW + 1000,
      base: 'fit',
      total: 3,
      completed: 2,
      failed: 1,
      ids: ['a', 'b', 'c'],
    });
    daemon.emit('warning', { code: 'CONFIG_ERROR', message: 'config refused' });
  };
  it('prints one timestamped line per event until Ctrl-C (exit 0)', async () => {
    const daemon = new FakeDaemon();
    const system = new FakeSystem();
    daemon.onSubscribe = () =>
      setImmediate(() => {
        events(daemon);
        system.press();
      });
    const r = await run(['watch'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon), system });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `2026-11-22 12:00:00 UTC  session 'nb' (run00001): Pending → Running  ${nb.url}\n` +
        '2026-11-22 12:00:01 UTC  fit: 2/3 jobs completed, 1 failed\n' +
        '2026-11-22 12:00:00 UTC  warning: config refused\n',
    );
  });
  it('--json prints {topic, data} lines; it starts the daemon; it exits 1 when the daemon goes away', async () => {
    const daemon = new FakeDaemon();
    const access = fakeAccess(null, daemon);
    daemon.onSubscribe = () =>
      setImmediate(() => {
        events(daemon);
        daemon.disconnect();
      });
    const r = await run(['watch', '--json'], new FakeApi(), {}, [], { daemon: access });
    expect(r.code).toBe(1);
    expect(access.starts).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { topic: string; data: { to?: string } });
    expect(lines.map((l) => l.topic)).toEqual(['session:status-changed', 'replicas:summary', 'warning']);
    expect(lines[0].data.to).toBe('Running');
    expect(JSON.parse(r.stderr)).toEqual({
      error: { code: 'DAEMON_UNAVAILABLE', message: 'lost the connection to the skaha-tui daemon: the skaha-tui daemon is shutting down' },
    });
  });
  it('refuses --no-daemon (exit 2) and fails with exit 1 when no daemon can start', async () => {
    expect((await run(['watch', '--no-daemon'])).code).toBe(2);
    const r = await run(['watch']);
    expect(r).toMatchObject({ code: 1, stderr: 'error: could not start the skaha-tui daemon (fake)\n' });
  });
});
