import { describe, expect, it } from 'vitest';
import { LogFollower, type LogUpdate } from '../../../daemon/logs/log-follower.js';
import { AppError } from '../../../src/domain/errors.js';
import { FakeClock } from '../../helpers/fake-clock.js';

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

/** A getLogs port whose log text the test writes. */
function fakeLogs() {
  const logs = new Map<string, string>();
  let calls = 0;
  let failing = false;
  return {
    logs,
    calls: () => calls,
    fail: (on: boolean) => void (failing = on),
    api: {
      async getLogs(id: string) {
        calls++;
        if (failing) throw new AppError('NETWORK_ERROR', 'GET …: connection refused');
        return { text: logs.get(id) ?? '', truncated: false };
      },
    },
  };
}

function setup(bufferLines = 10_000) {
  const clock = new FakeClock();
  const source = fakeLogs();
  const updates: LogUpdate[] = [];
  const errors: string[] = [];
  const follower = new LogFollower({
    api: source.api,
    clock,
    refreshMs: 2_000,
    bufferLines,
    onUpdate: (u) => updates.push(u),
    onError: (_id, e) => errors.push(e.code),
  });
  return { clock, source, updates, errors, follower };
}

describe('LogFollower', () => {
  it('fetches at once for the first subscriber, then every refresh, passing on only new lines', async () => {
    const { clock, source, updates, follower } = setup();
    source.logs.set('s1', 'boot\n');
    expect(follower.subscribe('s1', 'c1')).toEqual([]);
    clock.advance(0);
    await flush();
    expect(updates).toEqual([{ sessionId: 's1', kind: 'reset', lines: ['boot'] }]);
    source.logs.set('s1', 'boot\nready\n');
    clock.advance(2_000);
    await flush();
    expect(updates[1]).toEqual({ sessionId: 's1', kind: 'append', lines: ['ready'] });
    clock.advance(2_000);
    await flush();
    expect(updates).toHaveLength(2);
  });

  it("an empty log never replaces the lines it had (a finished job's pod went); a restarted container's new lines still reset it", async () => {
    const { clock, source, updates, follower } = setup();
    source.logs.set('s1', Array.from({ length: 14 }, (_, i) => `step ${i}`).join('\n') + '\n');
    follower.subscribe('s1', 'c1');
    clock.advance(0);
    await flush();
    source.logs.set('s1', '');
    clock.advance(2_000);
    await flush();
    expect(updates).toHaveLength(1);
    expect(follower.buffered('s1')).toHaveLength(14);
    source.logs.set('s1', 'restarted\n');
    clock.advance(2_000);
    await flush();
    expect(updates.at(-1)).toEqual({ sessionId: 's1', kind: 'reset', lines: ['restarted'] });
  });

  it('gives a new subscriber the buffered history at once, with one fetch for all subscribers', async () => {
    const { clock, source, follower } = setup();
    source.logs.set('s1', 'a\nb\n');
    follower.subscribe('s1', 'c1');
    clock.advance(0);
    await flush();
    expect(follower.subscribe('s1', 'c2')).toEqual(['a', 'b']);
    clock.advance(2_000);
    await flush();
    expect(source.calls()).toBe(2);
  });

  it('keeps only the last bufferLines lines', async () => {
    const { clock, source, follower } = setup(100);
    source.logs.set('s1', Array.from({ length: 250 }, (_, i) => `l${i}\n`).join(''));
    follower.subscribe('s1', 'c1');
    clock.advance(0);
    await flush();
    const history = follower.subscribe('s1', 'c2');
    expect(history).toHaveLength(100);
    expect(history[0]).toBe('l150');
  });

  it('stops fetching when nobody listens', async () => {
    const { clock, source, follower } = setup();
    follower.subscribe('s1', 'c1');
    follower.subscribe('s1', 'c2');
    clock.advance(0);
    await flush();
    follower.unsubscribe('s1', 'c1');
    follower.unsubscribeAll('c2');
    expect(follower.activeSessions()).toEqual([]);
    clock.advance(60_000);
    await flush();
    expect(source.calls()).toBe(1);
  });

  it('reports fetch failures and retries with back-off', async () => {
    const { clock, source, errors, updates, follower } = setup();
    source.fail(true);
    follower.subscribe('s1', 'c1');
    clock.advance(0);
    await flush();
    expect(errors).toEqual(['NETWORK_ERROR']);
    source.fail(false);
    source.logs.set('s1', 'back\n');
    clock.advance(2_000);
    await flush();
    expect(updates.at(-1)).toEqual({ sessionId: 's1', kind: 'reset', lines: ['back'] });
  });
});
