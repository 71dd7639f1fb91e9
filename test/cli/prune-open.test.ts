// prune, open and ps --all-users, with fakes at the ports.
import { describe, expect, it } from 'vitest';
import { browserCommands } from '../../src/cli/browser.js';
import { pruneTargets } from '../../src/cli/commands/prune.js';
import type { PublicSession } from '../../src/domain/session.js';
import { FakeApi, run, session } from './cli-harness.js';
import { FakeDaemon, FakeSystem, fakeAccess } from './fake-daemon.js';

const job = (id: string, name: string, status = 'Completed', kind = 'headless') => session({ id, name, status, kind, url: null });
const jobs = [
  job('aaaa0001', 'reduce-1'),
  job('aaaa0002', 'reduce-2'),
  job('aaaa0003', 'reduce-3', 'Failed'),
  job('aaaa0004', 'calib'),
  job('aaaa0005', 'reduce', 'Completed', 'notebook'),
  job('aaaa0006', 'xreduce'),
];

describe('prune', () => {
  it('matches a prefix, or a regex anchored at the start, among sessions of the kind and status asked', () => {
    const ids = (pattern: string, kind = 'headless', status = 'Completed') => pruneTargets(jobs, pattern, kind, status).map((s) => s.id);
    expect(ids('reduce')).toEqual(['aaaa0001', 'aaaa0002']);
    expect(ids('reduce-[13]')).toEqual(['aaaa0001']);
    expect(ids('.*reduce')).toEqual(['aaaa0001', 'aaaa0002', 'aaaa0006']);
    expect(ids('reduce', 'headless', 'Failed')).toEqual(['aaaa0003']);
    expect(ids('reduce', 'notebook')).toEqual(['aaaa0005']);
  });
  it('--force deletes the Completed headless matches (asking Skaha for exactly those) and prints per-id results', async () => {
    const api = new FakeApi();
    api.sessions = jobs;
    const r = await run(['prune', 'reduce', '--force'], api);
    expect(r).toMatchObject({ code: 0, stdout: 'Deleted session aaaa0001.\nDeleted session aaaa0002.\n', stderr: '' });
    expect(api.calls).toEqual(['list {"kind":"headless","status":"Completed"}', 'delete aaaa0001', 'delete aaaa0002']);
  });
  it('--json prints {id, name, ok} per session, [] when nothing matches', async () => {
    const api = new FakeApi();
    api.sessions = jobs;
    const r = await run(['prune', 'reduce-3', '--status', 'failed', '--force', '--json'], api);
    expect(JSON.parse(r.stdout)).toEqual([{ id: 'aaaa0003', name: 'reduce-3', ok: true }]);
    const none = await run(['prune', 'nothing', '--force', '--json'], api);
    expect(none).toMatchObject({ code: 0, stdout: '[]\n' });
    expect((await run(['prune', 'nothing', '--force'], api)).stdout).toBe("No Completed headless sessions match 'nothing'.\n");
  });
  it('lists what will go and asks on a terminal; anything but y deletes nothing', async () => {
    const api = new FakeApi();
    api.sessions = jobs;
    const no = await run(['prune', 'reduce'], api, { stdinTTY: true, answers: [''] });
    expect(no.code).toBe(1);
    expect(no.stderr).toMatch(/About to delete 2 sessions:\nSESSION ID\s+NAME\s+KIND\s+STATUS\naaaa0001\s+reduce-1\s+headless\s+Completed\n/);
    expect(api.calls.filter((c) => c.startsWith('delete'))).toEqual([]);
    const yes = await run(['prune', 'reduce'], api, { stdinTTY: true, answers: ['y'] });
    expect(yes.code).toBe(0);
    expect(api.calls.filter((c) => c.startsWith('delete'))).toEqual(['delete aaaa0001', 'delete aaaa0002']);
  });
  it('needs --force without a terminal (exit 2, nothing asked or listed); a bad regex is a usage error', async () => {
    const api = new FakeApi();
    const r = await run(['prune', 'reduce'], api);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('prune asks for confirmation, but no terminal is attached');
    expect(r.opened).toBe(false);
    const bad = await run(['prune', 'fit-[', '--force'], api);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: invalid pattern 'fit-\[': /);
  });
  it('goes through the daemon when one runs: matches from the cache, one delete request', async () => {
    const daemon = new FakeDaemon(jobs);
    const r = await run(['prune', 'reduce', '-f'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon) });
    expect(r).toMatchObject({ code: 0, opened: false });
    expect(daemon.requests).toEqual([{ method: 'delete', params: { ids: ['aaaa0001', 'aaaa0002'] } }]);
  });
  it('help says why the default status is Completed', async () => {
    expect((await run(['prune', '--help'])).stdout).toContain('default Completed; current servers never report Succeeded');
  });
});

describe('open', () => {
  const nb = session({ id: 'nb000001', status: 'Running' });
  it('opens a Running session in the browser and says so; prints the URL when no browser opens', async () => {
    const system = new FakeSystem();
    const api = new FakeApi();
    api.sessions = [nb];
    const r = await run(['open', 'nb000001'], api, {}, [], { system });
    expect(r).toMatchObject({ code: 0, stdout: `Opened session nb000001 in your browser: ${nb.url}\n` });
    expect(system.opened).toEqual([nb.url]);
    system.openWorks = false;
    const none = await run(['open', 'nb000001'], api, {}, [], { system });
    expect(none.code).toBe(0);
    expect(none.stdout).toBe(`${nb.url}\n`);
    expect(none.stderr).toMatch(/^warning: no browser could be opened \(set BROWSER/);
  });
  it('refuses a Pending session without --wait, a finished one, and a headless job (exit 1, nothing opened)', async () => {
    const system = new FakeSystem();
    const daemon = new FakeDaemon([
      session({ id: 'pen00001', status: 'Pending' }),
      session({ id: 'fai00001', status: 'Failed' }),
      session({ id: 'job00001', kind: 'headless', url: null }),
    ]);
    const cases: Array<[string, string]> = [
      ['pen00001', 'error: session pen00001 is Pending: add --wait to open it once it runs\n'],
      ['fai00001', 'error: session fai00001 is Failed: there is nothing to open\n'],
      ['job00001', 'error: session job00001 is a headless session: it has no URL to open\n'],
    ];
    for (const [id, stderr] of cases) {
      const r = await run(['open', id], new FakeApi(), {}, [], { daemon: fakeAccess(daemon), system });
      expect(r, id).toMatchObject({ code: 1, stderr, opened: false });
    }
    expect(system.opened).toEqual([]);
  });
});

describe('ps --all-users', () => {
  const others: PublicSession[] = [
    { user: 'bob', kind: 'notebook', status: 'Running', startedAt: '2026-11-22T10:00:00Z' },
    { user: 'alice', kind: 'headless', status: 'Completed', startedAt: '2026-11-22T09:00:00Z' },
    { user: 'alice', kind: 'carta', status: 'Pending', startedAt: null },
  ];
  it('lists every user from view=all (USER, KIND, STATUS, STARTED), directly even when a daemon runs', async () => {
    const api = new FakeApi();
    api.allSessions = others;
    const daemon = new FakeDaemon();
    const r = await run(['ps', '--all-users'], api, {}, [], { daemon: fakeAccess(daemon) });
    expect(r.stdout).toMatch(/^USER\s+KIND\s+STATUS\s+STARTED\nalice\s+carta\s+Pending\s+-\nbob\s+notebook\s+Running\s+2h\n$/);
    const json = await run(['ps', '--all-users', '--all', '--kind', 'headless', '--json'], api);
    expect(JSON.parse(json.stdout)).toEqual([{ user: 'alice', kind: 'headless', status: 'Completed', startedAt: '2026-11-22T09:00:00Z' }]);
    expect(api.calls).toEqual(['all {}', 'all {"kind":"headless"}']);
    expect((await run(['ps', '--all-users', '-q'], api)).code).toBe(2);
  });
});

describe('browserCommands', () => {
  it('tries each $BROWSER entry (with %s or the URL appended), then the platform opener', () => {
    expect(browserCommands('https://x/', { BROWSER: 'firefox -new-tab %s:/opt/rec' }, 'linux')).toEqual([
      { command: 'firefox', args: ['-new-tab', 'https://x/'] },
      { command: '/opt/rec', args: ['https://x/'] },
      { command: 'xdg-open', args: ['https://x/'] },
    ]);
    expect(browserCommands('https://x/', {}, 'darwin')).toEqual([{ command: 'open', args: ['https://x/'] }]);
    expect(browserCommands('https://x/', {}, 'win32')).toEqual([]);
  });
});
