import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LogKeeper } from '../../../daemon/logs/log-keeper.js';
import type { Session } from '../../../src/domain/session.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { makeJob } from '../../state/builders.js';

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};
const HOUR = 3600_000;
let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

function setup(limits = {}, file: string | null = null) {
  const clock = new FakeClock();
  const logs = new Map<string, string>();
  const calls: string[] = [];
  const api = {
    getLogs: async (id: string) => {
      calls.push(id);
      return { text: logs.get(id) ?? '', truncated: false };
    },
  };
  const keeper = new LogKeeper({ clock, api: () => api, limits, file });
  return { clock, logs, calls, keeper };
}

const job = (id: string, status: string): Session => makeJob({ id, name: `job-${id}`, status });

describe('LogKeeper', () => {
  it('copies a log when its session finishes, keeps it after the session leaves the listing, and forgets it after keepMs', async () => {
    const { clock, logs, keeper } = setup({ keepMs: 24 * HOUR });
    keeper.check([job('a', 'Running')]);
    logs.set('a', 'step 1\nstep 2\n');
    keeper.check([job('a', 'Completed')]);
    await keeper.idle();
    expect(keeper.get('a')).toMatchObject({ sessionId: 'a', name: 'job-a', text: 'step 1\nstep 2\n', goneAt: null, takenAt: clock.now() });
    logs.set('a', '');
    clock.advance(HOUR);
    keeper.check([]);
    expect(keeper.get('a')).toMatchObject({ text: 'step 1\nstep 2\n', goneAt: clock.now() });
    clock.advance(24 * HOUR + 1);
    keeper.check([]);
    expect(keeper.get('a')).toBeNull();
  });

  it('copies on Running → Pending too (a crash or a preemption), never replaces a copy with an empty log, and reads each at most once per change', async () => {
    const { logs, calls, keeper } = setup();
    logs.set('c', 'crashed\n');
    keeper.check([job('c', 'Running')]);
    keeper.check([job('c', 'Pending')]);
    await keeper.idle();
    logs.set('c', '');
    keeper.check([job('c', 'Running')]);
    keeper.check([job('c', 'Failed')]);
    await keeper.idle();
    expect(keeper.get('c')?.text).toBe('crashed\n');
    keeper.check([job('c', 'Failed')]);
    await keeper.idle();
    expect(calls).toEqual(['c', 'c']);
  });

  it("keeps a followed log's lines as the latest copy, bounded to the end of maxChars", () => {
    const { keeper } = setup({ maxChars: 20 });
    keeper.keepLines('f', 'follow', ['line 1', 'line 2', 'line 3', 'line 4']);
    expect(keeper.get('f')).toMatchObject({ text: 'line 3\nline 4\n', truncated: true, name: 'follow' });
  });

  it('keeps at most maxLogs copies, dropping those gone longest first', () => {
    const { clock, keeper } = setup({ maxLogs: 2 });
    keeper.keepLines('a', 'a', ['a']);
    keeper.keepLines('b', 'b', ['b']);
    keeper.check([job('b', 'Running')]);
    clock.advance(1000);
    keeper.keepLines('c', 'c', ['c']);
    keeper.check([job('b', 'Running'), job('c', 'Running')]);
    expect([keeper.get('a'), keeper.get('b'), keeper.get('c')].map((k) => k?.sessionId ?? null)).toEqual([null, 'b', 'c']);
  });

  it('persists the copies to a private file at close, and loads them back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sk-kept-'));
    const file = join(dir, 'kept-logs.json');
    const first = setup({}, file);
    first.keeper.keepLines('a', 'job-a', ['kept']);
    await first.keeper.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([expect.objectContaining({ sessionId: 'a', text: 'kept\n' })]);
    const second = setup({}, file);
    await second.keeper.load();
    expect(second.keeper.get('a')).toMatchObject({ name: 'job-a', text: 'kept\n' });
    await flush();
  });
});
