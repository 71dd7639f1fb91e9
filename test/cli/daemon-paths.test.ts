// Each read and write command picks the daemon when one runs and Skaha otherwise, with the same output either way.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { FakeApi, NOW, run, session } from './cli-harness.js';
import { FakeDaemon, fakeAccess } from './fake-daemon.js';

const nb = session({ id: 'run00001', name: 'nb', status: 'Running', startedAt: '2026-11-22T11:48:00Z' });
const job = session({ id: 'don00001', name: 'job', kind: 'headless', status: 'Completed', url: null });

function apiWith(...sessions: ReturnType<typeof session>[]): FakeApi {
  const api = new FakeApi();
  api.sessions = sessions;
  return api;
}

describe('ps, info and stats read the daemon cache when a daemon runs', () => {
  it('ps prints the same JSON and table from the cache as from Skaha, without opening the API', async () => {
    const daemon = new FakeDaemon([nb, job]);
    for (const argv of [['ps', '--json'], ['ps', '--all', '--kind', 'headless', '--json'], ['ps'], ['ps', '-q']]) {
      const cached = await run(argv, new FakeApi(), {}, [], { daemon: fakeAccess(daemon) });
      const direct = await run(argv, apiWith(nb, job));
      expect(cached.stdout, argv.join(' ')).toBe(direct.stdout);
      expect(cached.stderr).toBe('');
      expect(cached.opened).toBe(false);
      expect(direct.opened).toBe(true);
    }
    expect(daemon.requests).toEqual([]);
    expect(daemon.closed).toBe(true);
  });
  it('-v says which path was used, on stderr only', async () => {
    const viaCache = await run(['ps', '-v', '--json'], new FakeApi(), {}, [], { daemon: fakeAccess(new FakeDaemon([nb])) });
    expect(viaCache.stderr).toMatch(/INFO  answering from the daemon cache/);
    expect(JSON.parse(viaCache.stdout)).toHaveLength(1);
    const direct = await run(['-v', 'ps', '--json'], apiWith(nb));
    expect(direct.stderr).toMatch(/INFO  no skaha-tui daemon is running/);
    expect(direct.stderr).toMatch(/INFO  asking Skaha directly/);
    expect((await run(['ps'], apiWith(nb))).stderr).toBe('');
  });
  it('warns once on stderr, with the reason, when the cache is stale, and still answers', async () => {
    const daemon = new FakeDaemon([nb]);
    daemon.state.health = {
      ...daemon.state.health,
      state: 'down',
      stale: true,
      lastError: { code: 'NETWORK_ERROR', message: 'GET http://x/session: connection refused' },
    };
    daemon.state.lastPollAt = NOW - 180_000;
    const r = await run(['ps', '--json'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(r.stderr).toBe("warning: showing the daemon's cached data from 3m ago (GET http://x/session: connection refused)\n");
    const quiet = await run(['ps', '--log-level', 'error'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon) });
    expect(quiet.stderr).toBe('');
  });
  it('asks Skaha when the daemon has not polled yet, with --no-daemon, and with explicit connection flags', async () => {
    const fresh = new FakeDaemon([], { lastPollAt: null });
    for (const [argv, daemon] of [
      [['ps', '--json'], fresh],
      [['ps', '--json', '--no-daemon'], new FakeDaemon([nb])],
      [['ps', '--json', '--url', 'https://other.example/skaha'], new FakeDaemon([nb])],
    ] as const) {
      const api = apiWith(nb, job);
      const r = await run([...argv], api, {}, [], { daemon: fakeAccess(daemon) });
      expect(api.calls, argv.join(' ')).toEqual(['list {}']);
      expect(JSON.parse(r.stdout)).toHaveLength(1);
    }
  });
  it('info answers from the cache, refreshed once for an id it lacks (no request per id); stats uses the cached stats', async () => {
    const daemon = new FakeDaemon([nb]);
    daemon.state.stats = { cpu: { allocated: 1, capacity: 2, maxPerSession: 3 }, ramGB: { allocated: 4, capacity: 5, maxPerSession: 6 } };
    daemon.handlers.refresh = () => {
      daemon.state.sessions.don00001 = job;
      return { polledAt: NOW };
    };
    const api = apiWith(nb, job);
    const info = await run(['info', 'run00001', 'don00001', 'zzzz0000', '--json'], api, {}, [], { daemon: fakeAccess(daemon) });
    expect(info.code).toBe(1);
    expect(api.calls).toEqual([]);
    expect(daemon.methods()).toEqual(['refresh']);
    expect(JSON.parse(info.stdout).map((s: { id: string }) => s.id)).toEqual(['run00001', 'don00001']);
    expect(JSON.parse(info.stderr).error.message).toMatch(/^no session zzzz0000: /);
    const onlyCached = await run(['info', 'run00001'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon) });
    expect(onlyCached).toMatchObject({ code: 0, opened: false });
    const stats = await run(['stats', '--json'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon) });
    expect(JSON.parse(stats.stdout)).toEqual(daemon.state.stats);
    expect(stats.opened).toBe(false);
    daemon.state.stats = null;
    const fallback = await run(['stats', '--json'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon) });
    expect(fallback.opened).toBe(true);
  });
});

describe('a daemon that uses another server or credential than the command', () => {
  const other = { server: 'https://fake.example/skaha/v1', credential: { kind: 'token' as const, source: 'env', fingerprint: '0ther0ther00' } };

  it("is not used: reads and writes go to Skaha with the command's own credential, and -v says why", async () => {
    const daemon = new FakeDaemon([nb, job]);
    const api = apiWith(nb);
    const ps = await run(['ps', '--json', '-v'], api, {}, [], { daemon: fakeAccess(daemon, null, other) });
    expect(api.calls).toEqual(['list {}']);
    expect(ps.stderr).toMatch(
      /INFO  the running skaha-tui daemon uses another server or credential than this command: asking Skaha directly daemon="https:\/\/fake\.example\/skaha\/v1 with token fa4e00000000 \(env\)" command="https:\/\/fake\.example\/skaha\/v1 with token 0ther0ther00 \(env\)"/,
    );
    const del = await run(['delete', '--force', 'run00001'], api, {}, [], { daemon: fakeAccess(daemon, null, other) });
    expect(del.code).toBe(0);
    expect(api.calls).toContain('delete run00001');
    expect(daemon.requests).toEqual([]);
    expect(daemon.closed).toBe(true);
  });

  it('is not used when the command has no usable connection of its own either', async () => {
    const daemon = new FakeDaemon([nb]);
    const api = apiWith(nb);
    await run(['ps', '--json'], api, {}, [], { daemon: fakeAccess(daemon, null, null) });
    expect(api.calls).toEqual(['list {}']);
  });

  it('is refused by watch, which needs the daemon, with what differs and what to do', async () => {
    const r = await run(['watch'], new FakeApi(), {}, [], { daemon: fakeAccess(new FakeDaemon([nb]), null, other) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /the running skaha-tui daemon uses https:\/\/fake\.example\/skaha\/v1 with token fa4e00000000 \(env\), this command https:\/\/fake\.example\/skaha\/v1 with token 0ther0ther00 \(env\) — restart it with this connection \(skaha-tui daemon restart\)/,
    );
  });
});

describe('launch, delete and renew go through the daemon when one runs', () => {
  it('launch sends the request (with registry credentials from the environment) and prints the same lines', async () => {
    const daemon = new FakeDaemon();
    daemon.handlers.launch = (p) => ({
      launchId: 'l-9',
      results: [
        { name: `${p.name}-1`, id: 'aaaa0001' },
        { name: `${p.name}-2`, error: { code: 'SKAHA_SERVER_ERROR', message: 'POST http://x/session: 500' } },
      ],
    });
    const env = { SKAHA_REGISTRY_USERNAME: 'alice', SKAHA_REGISTRY_SECRET: 'reg-secret-123' };
    const r = await run(['launch', 'headless', 'skaha/terminal:1.1.1', '-r', '2', '-n', 'job', '--', 'echo', 'hi'], new FakeApi(), { env }, [], {
      daemon: fakeAccess(daemon),
    });
    expect(r.code).toBe(1);
    expect(r.opened).toBe(false);
    expect(r.stdout).toBe("Successfully created session 'job-1' (ID: aaaa0001)\n");
    expect(r.stderr).toBe("error: failed to create session 'job-2': POST http://x/session: 500\n");
    expect(daemon.requests).toEqual([
      {
        method: 'launch',
        params: {
          kind: 'headless',
          image: 'skaha/terminal:1.1.1',
          name: 'job',
          replicas: 2,
          cmd: 'echo',
          args: 'hi',
          registryAuth: { username: 'alice', secret: 'reg-secret-123' },
        },
      },
    ]);
    expect(r.stdout + r.stderr).not.toContain('reg-secret-123');
  });
  it('launch reports a whole-request failure from the daemon like a direct one (exit 2 for a validation error, JSON error)', async () => {
    const daemon = new FakeDaemon();
    daemon.handlers.launch = () => {
      throw new AppError('VALIDATION_ERROR', 'cores: 99 is not one of the options 1-16', { field: 'cores' });
    };
    const r = await run(['launch', 'notebook', 'skaha/astroml', '--cores', '99', '--json'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon) });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr)).toEqual({ error: { code: 'VALIDATION_ERROR', message: 'cores: 99 is not one of the options 1-16' } });
  });
  it('delete --force sends one delete request and reports each id; the confirmation lists names from the cache', async () => {
    const daemon = new FakeDaemon([nb, job]);
    daemon.handlers.delete = (p) => ({
      results: p.ids.map((id) =>
        id === 'bad00000' ? { id, ok: false as const, error: { code: 'SKAHA_SERVER_ERROR' as const, message: 'DELETE …: 500' } } : { id, ok: true as const },
      ),
    });
    const bad = { ...job, id: 'bad00000' };
    daemon.state.sessions.bad00000 = bad;
    const r = await run(['delete', '--force', 'run00001', 'bad00000', 'run00001', 'gone0000'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon) });
    expect(r).toMatchObject({ code: 1, opened: false, stdout: 'Deleted session run00001.\n' });
    expect(r.stderr).toBe('error: no session gone0000: it is not one of your sessions (skaha-tui ps --all lists them)\nerror: bad00000: DELETE …: 500\n');
    expect(daemon.requests).toEqual([
      { method: 'refresh', params: {} },
      { method: 'delete', params: { ids: ['run00001', 'bad00000'] } },
    ]);
    const asked = await run(['delete', 'don00001'], new FakeApi(), { stdinTTY: true, answers: ['y'] }, [], { daemon: fakeAccess(daemon) });
    expect(asked.code).toBe(0);
    expect(asked.stderr).toMatch(/don00001\s+job\s+headless\s+Completed/);
    expect(asked.opened).toBe(false);
  });
  it('renew goes through the daemon, which checks each expiry: renewed until when, or not renewed and why (exit 1)', async () => {
    const daemon = new FakeDaemon([nb, { ...nb, id: 'stuck001' }]);
    daemon.handlers.renew = (p) => ({
      results: p.ids.map((id) =>
        id === 'run00001'
          ? { id, ok: true as const, check: { outcome: 'renewed' as const, at: NOW, expiresAt: '2026-11-26T12:00:00Z', why: null } }
          : {
              id,
              ok: true as const,
              check: { outcome: 'not-renewed' as const, at: NOW, expiresAt: nb.expiresAt, why: 'the server did not renew it (its expiry did not move)' },
            },
      ),
    });
    const r = await run(['renew', 'run00001', 'stuck001'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon) });
    expect(r).toMatchObject({ code: 1, opened: false, stdout: expect.stringMatching(/^Renewed session run00001 until \d\d:\d\d \w{3} \(in 4d\)\.\n$/) });
    expect(r.stderr).toBe('error: stuck001: not renewed: the server did not renew it (its expiry did not move)\n');
    expect(daemon.methods()).toEqual(['renew']);
  });
});

describe("logs prints the daemon's last copy when Skaha no longer has the log", () => {
  const kept = { sessionId: 'don00001', name: 'job', text: 'step 1\nstep 14\n', takenAt: NOW - 3600_000, truncated: false };
  it('of a session that left the listing, with a note that it is the last copy', async () => {
    const daemon = new FakeDaemon([nb]);
    daemon.handlers['logs.kept'] = (p) => (p.sessionId === 'don00001' ? { ...kept, goneAt: NOW - 60_000 } : null);
    const r = await run(['logs', 'don00001'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon) });
    expect(r).toMatchObject({ code: 0, stdout: 'step 1\nstep 14\n' });
    expect(r.stderr).toBe('note: session don00001 is no longer listed; this is the last copy the daemon kept (taken 2026-11-22 11:00:00 UTC)\n');
    const none = await run(['logs', 'gone0000'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon) });
    expect(none).toMatchObject({ code: 1, stderr: 'error: no session gone0000: it is not one of your sessions (skaha-tui ps --all lists them)\n' });
  });
  it('of a listed session whose pod is gone (Skaha answers an empty log)', async () => {
    const daemon = new FakeDaemon([job]);
    daemon.handlers['logs.kept'] = () => ({ ...kept, goneAt: null });
    const api = new FakeApi();
    api.logs = { text: '', truncated: false };
    const r = await run(['logs', 'don00001'], api, {}, [], { daemon: fakeAccess(daemon) });
    expect(r).toMatchObject({ code: 0, stdout: 'step 1\nstep 14\n' });
    expect(r.stderr).toMatch(/^note: Skaha has no log for session don00001 now \(its pod is gone\); this is the last copy the daemon kept/);
  });
});
