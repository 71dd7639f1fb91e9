// launch --wait and open --wait: progress on stderr, the outcome on stdout, and the exit codes.
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress-line.js';
import { FakeApi, run, session } from './cli-harness.js';
import { FakeDaemon, FakeSystem, fakeAccess } from './fake-daemon.js';

const headless = (id: string, name: string, status: string) => session({ id, name, kind: 'headless', status, url: null });

describe('launch --wait', () => {
  it('waits (directly) until both headless replicas finish, with plain progress lines, then prints each final status', async () => {
    const api = new FakeApi();
    const system = new FakeSystem();
    api.launchResults = (req) => [
      { name: `${req.name}-1`, id: 'job00001' },
      { name: `${req.name}-2`, id: 'job00002' },
    ];
    const timeline = [
      [headless('job00001', 'fit-1', 'Pending')],
      [headless('job00001', 'fit-1', 'Running'), headless('job00002', 'fit-2', 'Pending')],
      [headless('job00001', 'fit-1', 'Completed'), headless('job00002', 'fit-2', 'Running')],
      [headless('job00001', 'fit-1', 'Completed'), headless('job00002', 'fit-2', 'Completed')],
    ];
    api.sessions = timeline[0];
    system.onSleep = (n) => void (api.sessions = timeline[Math.min(n, timeline.length - 1)]);
    const r = await run(
      ['launch', 'headless', 'skaha/terminal:1.1.1', '-r', '2', '-n', 'fit', '--wait', '--', 'echo', 'hi'],
      api,
      { now: () => system.time },
      [],
      { system },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "Successfully created session 'fit-1' (ID: job00001)\nSuccessfully created session 'fit-2' (ID: job00002)\n" +
        "Job 'fit-1' (job00001) finished: Completed\nJob 'fit-2' (job00002) finished: Completed\n",
    );
    expect(r.stderr).toBe('2 sessions: 1 Pending, 1 not listed yet (0s)\n2 sessions: 1 Running, 1 Pending (2s)\n2 sessions: 1 Completed, 1 Running (4s)\n');
    expect(system.sleeps).toEqual([2_000, 2_000, 2_000]);
  });
  it('exits 1 when a replica fails; --json adds each final status and URL', async () => {
    const daemon = new FakeDaemon();
    const system = new FakeSystem();
    daemon.handlers.launch = (p) => ({
      launchId: 'l',
      results: [
        { name: `${p.name}-1`, id: 'job00001' },
        { name: `${p.name}-2`, id: 'job00002' },
      ],
    });
    system.onSleep = () => {
      daemon.state.sessions = { job00001: headless('job00001', 'fit-1', 'Completed'), job00002: headless('job00002', 'fit-2', 'Failed') };
    };
    const r = await run(['launch', 'headless', 'skaha/terminal:1.1.1', '-r', '2', '-n', 'fit', '--wait', '--json'], new FakeApi(), {}, [], {
      daemon: fakeAccess(daemon),
      system,
    });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      { name: 'fit-1', id: 'job00001', status: 'Completed', url: null },
      { name: 'fit-2', id: 'job00002', status: 'Failed', url: null },
    ]);
    expect(system.sleeps).toEqual([500]);
  });
  it('prints the URL once an interactive session runs; Ctrl-C stops waiting with exit 130', async () => {
    const api = new FakeApi();
    const system = new FakeSystem();
    api.sessions = [session({ id: 'new00001', name: 'nb', status: 'Pending' })];
    system.onSleep = () => void (api.sessions = [session({ id: 'new00001', name: 'nb', status: 'Running' })]);
    const r = await run(['launch', 'notebook', 'skaha/astroml', '-n', 'nb', '-w'], api, {}, [], { system });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Session 'nb' (new00001) is running: ${api.sessions[0].url}\n`);
    const stuck = new FakeSystem();
    api.sessions = [session({ id: 'new00001', name: 'nb', status: 'Pending' })];
    stuck.onSleep = (n) => (n === 3 ? stuck.press() : undefined);
    const cut = await run(['launch', 'notebook', 'skaha/astroml', '-n', 'nb', '-w'], api, {}, [], { system: stuck });
    expect(cut.code).toBe(130);
    expect(cut.stderr).toContain('Stopped waiting; the sessions keep going.');
  });
});

describe('open --wait', () => {
  it('shows the status, elapsed time and latest event while Pending, then opens the session once it runs', async () => {
    const pending = session({ id: 'nb000001', name: 'nb', status: 'Pending' });
    const daemon = new FakeDaemon([pending]);
    const system = new FakeSystem();
    daemon.handlers.events = () => [
      { type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned', firstTime: '2026-11-22T11:59:50Z', lastTime: '2026-11-22T11:59:50Z' },
      { type: 'Normal', reason: 'Pulling', message: 'Pulling image "skaha/astroml"', firstTime: '2026-11-22T11:59:55Z', lastTime: '2026-11-22T11:59:55Z' },
    ];
    system.onSleep = (n) => {
      if (n === 4) daemon.state.sessions.nb000001 = { ...pending, status: 'Running' };
    };
    const r = await run(['open', 'nb000001', '--wait'], new FakeApi(), { now: () => system.time }, [], { daemon: fakeAccess(daemon), system });
    expect(r.code).toBe(0);
    expect(system.opened).toEqual([pending.url]);
    expect(r.stderr).toBe('nb (nb000001): Pending, 0s — Pulling: Pulling image "skaha/astroml"\n');
    expect(daemon.methods()).toEqual(['events']);
  });
  it('fails when the session ends up Failed or vanishes while waiting', async () => {
    const pending = session({ id: 'nb000001', status: 'Pending' });
    const daemon = new FakeDaemon([pending]);
    const system = new FakeSystem();
    system.onSleep = () => void (daemon.state.sessions.nb000001 = { ...pending, status: 'Failed' });
    const failed = await run(['open', 'nb000001', '-w'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon), system });
    expect(failed).toMatchObject({ code: 1 });
    expect(failed.stderr).toMatch(/error: session nb000001 is Failed: there is nothing to open\n$/);
    daemon.state.sessions = { nb000001: pending };
    system.onSleep = () => void (daemon.state.sessions = {});
    const gone = await run(['open', 'nb000001', '-w'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon), system });
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/error: session nb000001 not found/);
    expect(system.opened).toEqual([]);
  });
});

describe('progressLine', () => {
  it('rewrites one line on a terminal (cut to its width) and ends it with a newline', () => {
    let written = '';
    const line = progressLine({ isTTY: true, columns: 12, write: (t: string) => (written += t) });
    line.update('short');
    line.update('short');
    line.update('a much longer line');
    line.done();
    expect(written).toBe('\r\u001b[2Kshort\r\u001b[2Ka much lon…\n');
  });
});
