import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { stripAnsi } from '../../src/cli/style.js';
import { FakeApi, run, session } from './cli-harness.js';

function apiWith(...sessions: ReturnType<typeof session>[]): FakeApi {
  const api = new FakeApi();
  api.sessions = sessions;
  return api;
}

const running = session({ id: 'run00001', name: 'nb', status: 'Running', startedAt: '2026-11-22T11:48:00Z' });
const pending = session({ id: 'pen00001', name: 'later', status: 'Pending', startedAt: null, expiresAt: null });
const done = session({ id: 'don00001', name: 'job', kind: 'headless', status: 'Completed', startedAt: '2026-11-19T08:00:00Z', url: null });

describe('ps', () => {
  it('shows only Pending and Running without --all, sorted by start time (not started last)', async () => {
    const r = await run(['ps', '--json'], apiWith(pending, done, running));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((s: { id: string }) => s.id)).toEqual(['run00001', 'pen00001']);
    expect(r.stderr).toBe('');
    expect(r.closed).toBe(true);
  });
  it('shows everything with --all, oldest first', async () => {
    const r = await run(['ps', '-a', '--json'], apiWith(pending, done, running));
    expect(JSON.parse(r.stdout).map((s: { id: string }) => s.id)).toEqual(['don00001', 'run00001', 'pen00001']);
  });
  it('passes --kind and --status to the server and shows the asked status even without --all', async () => {
    const api = apiWith(pending, done, running);
    const r = await run(['ps', '--kind', 'headless', '-s', 'completed', '--json'], api);
    expect(api.calls).toEqual(['list {"kind":"headless","status":"Completed"}']);
    expect(JSON.parse(r.stdout).map((s: { id: string }) => s.id)).toEqual(['don00001']);
  });
  it('prints an aligned table with canfar columns plus expiry and usage, humanised ages', async () => {
    const r = await run(['ps'], apiWith(running));
    const [header, row] = r.stdout.split('\n');
    expect(header).toMatch(/^SESSION ID\s+NAME\s+KIND\s+STATUS\s+IMAGE\s+AGE\s+EXPIRES\s+CPU\s+RAM GiB$/);
    // Memory in GiB, the unit of --ram: Skaha's decimal 1.5 and 8 GB are 1.4 and 7.5 GiB.
    expect(row).toMatch(/^run00001\s+nb\s+notebook\s+Running\s+images\.canfar\.net\/skaha\/astroml:latest\s+12m\s+20h\s+0\.5\/2\s+1\.4\/7\.5$/);
    expect(header.indexOf('STATUS')).toBe(row.indexOf('Running'));
    expect(r.stdout).not.toContain('\u001b[');
  });
  it('says when nothing is running and how to see more', async () => {
    const r = await run(['ps'], apiWith(done));
    expect(r.stdout).toBe('No pending or running sessions found.\nUse --all to show all sessions.\n');
  });
  it('prints bare ids with --quiet', async () => {
    const r = await run(['ps', '-q'], apiWith(running, pending));
    expect(r.stdout).toBe('run00001\npen00001\n');
  });
  it('colours only on a TTY and never under NO_COLOR', async () => {
    const tty = await run(['ps'], apiWith(running), { stdoutTTY: true });
    expect(tty.stdout).toContain('\u001b[32mRunning');
    const noColor = await run(['ps'], apiWith(running), { stdoutTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    expect(stripAnsi(tty.stdout)).toBe(noColor.stdout);
  });
  it('fails with exit 1 and the error as text, or as JSON under --json', async () => {
    const api = apiWith();
    api.listFailure = new AppError('NETWORK_ERROR', 'GET http://x/skaha/v1/session: connection refused — is the server up?');
    const text = await run(['ps'], api);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toBe('error: GET http://x/skaha/v1/session: connection refused — is the server up?\n');
    const json = await run(['ps', '--json'], api);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr)).toEqual({
      error: { code: 'NETWORK_ERROR', message: 'GET http://x/skaha/v1/session: connection refused — is the server up?' },
    });
  });
});

describe('info', () => {
  it('prints a field block per session', async () => {
    const r = await run(['info', 'run00001'], apiWith(running));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Session ID:   run00001');
    expect(r.stdout).toContain('Start Time:   2026-11-22 11:48:00 UTC (12m ago)');
    expect(r.stdout).toContain('CPU Usage:    0.5/2 (25%)');
    expect(r.stdout).toContain('Resources:    fixed');
  });
  it('reports each failed id, prints the others, and exits 1', async () => {
    const api = apiWith(running, pending);
    const r = await run(['info', 'run00001', 'nosuch99', 'pen00001', '--json'], api);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((s: { id: string }) => s.id)).toEqual(['run00001', 'pen00001']);
    const err = JSON.parse(r.stderr);
    expect(err.error.code).toBe('SKAHA_NOT_FOUND');
    expect(err.error.message).toBe('no session nosuch99: it is not one of your sessions (skaha-tui ps --all lists them)');
  });
  it('looks every id up with one listing, never a request per id', async () => {
    const api = apiWith(running, pending);
    await run(['info', 'run00001', 'run00001', 'pen00001', 'nosuch99'], api);
    expect(api.calls.filter((c) => !c.startsWith('events'))).toEqual(['list {}']);
  });
});

describe('logs, events, stats, images, context', () => {
  it('prints logs as they are and notes truncation on stderr', async () => {
    const api = apiWith(session({ id: 'abc' }));
    api.logs = { text: '[truncated]\nlast line', truncated: true };
    const r = await run(['logs', 'abc'], api);
    expect(r.stdout).toBe('[truncated]\nlast line\n');
    expect(r.stderr).toContain('only its end is shown');
  });
  it('prints events as a table or as an array of rows', async () => {
    const api = apiWith(session({ id: 'abc' }));
    api.events = [{ type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned', firstTime: '2026-11-22T11:00:00Z', lastTime: null }];
    const table = await run(['events', 'abc'], api);
    expect(table.stdout.split('\n')[0]).toMatch(/^TYPE\s+REASON\s+MESSAGE\s+FIRST-SEEN\s+LAST-SEEN$/);
    expect(table.stdout).toContain('2026-11-22 11:00:00 UTC');
    const json = await run(['events', 'abc', '--json'], api);
    expect(JSON.parse(json.stdout)).toEqual(api.events);
    api.events = [];
    expect((await run(['events', 'abc'], api)).stdout).toBe('No events found for session abc.\n');
    expect(JSON.parse((await run(['events', 'abc', '--json'], api)).stdout)).toEqual([]);
  });
  it('prints stats with allocation against capacity', async () => {
    const r = await run(['stats'], apiWith());
    expect(r.stdout).toMatch(/CPU\s+12\.5\s+64\s+20%\s+8/);
    // Skaha's decimal GB shown in GiB (137.439 GB is 128 GiB); the per-session ceiling is a GiB count already.
    expect(r.stdout).toMatch(/RAM \(GiB\)\s+128\s+512\s+25%\s+24/);
    const json = await run(['stats', '--json'], apiWith());
    expect(JSON.parse(json.stdout)).toEqual({
      cpu: { allocated: 12.5, capacity: 64, maxPerSession: 8 },
      ramGB: { allocated: 137.439, capacity: 549.756, maxPerSession: 24 },
    });
  });
  it('lists images for a kind', async () => {
    const api = apiWith();
    api.images = [
      { id: 'images.canfar.net/skaha/terminal:1.1.1', types: ['notebook', 'headless'], digest: 'sha256:936e8798f9d4aaaa' },
      { id: 'images.canfar.net/skaha/carta:4', types: ['carta'], digest: null },
    ];
    const r = await run(['images', '-k', 'headless'], api);
    expect(api.calls).toEqual(['images headless']);
    expect(r.stdout).toMatch(/terminal:1\.1\.1\s+headless,notebook\s+936e8798f9d4/);
    expect(r.stdout).not.toContain('carta');
    const json = await run(['images', '--json'], api);
    expect(JSON.parse(json.stdout)).toHaveLength(2);
  });
  it('shows the context options', async () => {
    const r = await run(['context'], apiWith());
    expect(r.stdout).toMatch(/CPU\s+1-4\s+2\s+1\s+8/);
    expect(r.stdout).toContain('Maximum interactive sessions:  3');
    expect(JSON.parse((await run(['context', '--json'], apiWith())).stdout).cores.options).toEqual([1, 2, 3, 4]);
  });
});
