import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeConnection } from '../helpers/fake-connection.js';
import { startHeadless, type Headless } from '../helpers/headless.js';
import { demoSessions, stateWith } from '../helpers/states.js';

let h: Headless | null = null;
let dir: string | null = null;
afterEach(async () => {
  await h?.destroy();
  h = null;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

const lines = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);

async function openLogs(options: Parameters<typeof startHeadless>[1] = {}) {
  const connection = new FakeConnection(stateWith(demoSessions()));
  h = await startHeadless(connection, options);
  await h.keys('j', 'l');
  return { h, connection };
}

describe('log pane through the daemon', () => {
  it('l subscribes to the selected session and shows the buffered history at once', async () => {
    const { h, connection } = await openLogs();
    expect(connection.sent.filter((r) => r.method === 'logs.subscribe').map((r) => r.params)).toEqual([{ sessionId: 'cr000006' }]);
    expect(h.text()).toContain('Waiting for the log of carta-soon…');
    connection.pushEvent('logs:reset', { sessionId: 'cr000006', lines: ['starting carta', 'listening on :6901'] });
    await h.settle();
    expect(h.text()).toMatch(/Logs carta-soon \(cr000006\) — follow — 2 lines/);
    expect(h.text()).toContain('listening on :6901');
  });

  it('shows new lines as they arrive while following', async () => {
    const { h, connection } = await openLogs();
    connection.pushEvent('logs:reset', { sessionId: 'cr000006', lines: lines(50) });
    connection.pushEvent('logs:append', { sessionId: 'cr000006', lines: ['fresh line'] });
    await h.settle();
    const logLines = h.lines().filter((l) => /^│ (line \d+|fresh line)\s*│$/.test(l));
    expect(logLines.at(-1)).toMatch(/fresh line/);
  });

  it('does not jump when the user scrolled up and new lines arrive', async () => {
    const { h, connection } = await openLogs();
    connection.pushEvent('logs:reset', { sessionId: 'cr000006', lines: lines(100) });
    await h.settle();
    await h.keys('pageup');
    const before = h.lines().filter((l) => /^│ line \d+/.test(l));
    connection.pushEvent('logs:append', { sessionId: 'cr000006', lines: lines(30, 'newer') });
    await h.settle();
    const after = h.lines().filter((l) => /^│ (line|newer) \d+/.test(l));
    expect(after).toEqual(before);
    expect(h.text()).toContain('— paused —');
    await h.keys('f');
    expect(h.text()).toContain('newer 29');
  });

  it('searches with /, highlights, and moves with n/N', async () => {
    const { h, connection } = await openLogs();
    connection.pushEvent('logs:reset', { sessionId: 'cr000006', lines: ['ok', 'ERROR one', ...lines(40), 'error two', 'ok'] });
    await h.settle();
    await h.keys('/', 'e', 'r', 'r', 'o', 'r');
    expect(h.lines().at(-1)).toMatch(/^search log \(regex\): \/error/);
    await h.keys('enter');
    expect(h.text()).toMatch(/\/error 2\/2/);
    await h.keys('n');
    expect(h.text()).toMatch(/\/error 1\/2/);
    expect(h.text()).toContain('ERROR one');
    await h.keys('N');
    expect(h.text()).toMatch(/\/error 2\/2/);
  });

  it('w wraps long lines, F goes full screen and Esc comes back', async () => {
    const { h, connection } = await openLogs();
    connection.pushEvent('logs:reset', { sessionId: 'cr000006', lines: ['x'.repeat(400)] });
    await h.settle();
    expect(h.lines().filter((l) => /^│ x+/.test(l))).toHaveLength(1);
    await h.keys('w');
    expect(h.lines().filter((l) => /^│ x+/.test(l)).length).toBeGreaterThan(1);
    await h.keys('F');
    expect(h.text()).not.toContain('─ Sessions ─');
    expect(h.lines().filter((l) => l.startsWith('│')).length).toBeGreaterThan(38);
    await h.keys('escape');
    expect(h.text()).toContain('─ Sessions ─');
  });

  it('Ctrl-S saves the lines to a private file and says where', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'skaha-tui-logs-'));
    const { h, connection } = await openLogs({ saveDir: dir });
    connection.pushEvent('logs:reset', { sessionId: 'cr000006', lines: ['a', 'b'] });
    await h.settle();
    await h.keys('C-s');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await h.settle();
    const file = path.join(dir, 'skaha-tui-carta-soon-cr000006-20261122-120000.log');
    expect(await readFile(file, 'utf8')).toBe('a\nb\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(h.lines().at(-1)).toContain(`saved 2 lines to ${file}`);
  });

  it('re-subscribes after the daemon comes back (a fresh logs:reset replaces the lines)', async () => {
    const { h, connection } = await openLogs();
    connection.pushEvent('logs:reset', { sessionId: 'cr000006', lines: ['before'] });
    connection.pushStatus({ state: 'disconnected', attempt: 1, nextRetryAt: null });
    await h.settle();
    expect(h.text()).toContain('before');
    connection.pushStatus({ state: 'connected', attempt: 0 });
    await h.settle();
    expect(connection.sent.filter((r) => r.method === 'logs.subscribe')).toHaveLength(2);
    connection.pushEvent('logs:reset', { sessionId: 'cr000006', lines: ['after restart'] });
    await h.settle();
    expect(h.text()).toContain('after restart');
    expect(h.text()).not.toMatch(/│ before/);
  });

  it('switching sessions unsubscribes the previous log', async () => {
    const { h, connection } = await openLogs();
    await h.keys('tab', 'k', 'l');
    expect(connection.sent.filter((r) => r.method === 'logs.unsubscribe').map((r) => r.params)).toEqual([{ sessionId: 'cr000006' }]);
    expect(connection.sent.filter((r) => r.method === 'logs.subscribe').at(-1)?.params).toEqual({ sessionId: 'dt000002' });
  });
});
